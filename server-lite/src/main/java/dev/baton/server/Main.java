package dev.baton.server;

import dev.baton.server.config.BatonConfig;
import dev.baton.server.config.ConfigException;
import dev.baton.server.config.ConfigSource;
import dev.baton.server.store.SqliteStore;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code java -jar baton-server.jar}: parses flags, starts the receiver, maps failures to exit codes. */
@Command(name = "baton-server", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "Baton's receiver: stores alerts from Prometheus, Alertmanager, Grafana and scripts in SQLite.",
    sortOptions = false)
public final class Main implements Callable<Integer> {

  @Option(names = "--listen", paramLabel = "HOST:PORT", defaultValue = "${env:BATON_LISTEN:-127.0.0.1:9393}",
      description = "Address to listen on (env BATON_LISTEN). Default: ${DEFAULT-VALUE}.")
  String listen;

  @Option(names = "--db", paramLabel = "PATH", defaultValue = "${env:BATON_DB}",
      description = "SQLite database file (env BATON_DB). Default: $XDG_DATA_HOME/baton/baton.db.")
  Path database;

  @Option(names = "--config", paramLabel = "FILE", defaultValue = "${env:BATON_CONFIG}",
      description = "Configuration file, YAML (env BATON_CONFIG). Default: none (built-in defaults).")
  Path config;

  @Option(names = "--runbooks", paramLabel = "FOLDER", defaultValue = "${env:BATON_RUNBOOKS}",
      description = "Folder of runbook files (env BATON_RUNBOOKS); wins over 'runbooks' in the config file.")
  Path runbooks;

  @Option(names = "--synchronous", paramLabel = "normal|full", defaultValue = "${env:BATON_SYNCHRONOUS:-normal}",
      converter = SynchronousConverter.class,
      description = "normal survives a killed process; full also survives power loss (env BATON_SYNCHRONOUS).")
  SqliteStore.Synchronous synchronous;

  @Option(names = "--insecure", defaultValue = "${env:BATON_INSECURE:-false}",
      description = "Allow a non-loopback address without tokens (env BATON_INSECURE).")
  boolean insecure;

  @Option(names = "--access-log", defaultValue = "${env:BATON_ACCESS_LOG:-false}",
      description = "Log every request (env BATON_ACCESS_LOG).")
  boolean accessLog;

  private final PrintWriter out;
  private final PrintWriter err;

  Main(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    int code = new CommandLine(new Main(out, err)).setOut(out).setErr(err).execute(args);
    if (code != 0) {
      System.exit(code);
    }
  }

  @Override
  public Integer call() {
    if (accessLog) {
      System.setProperty("org.slf4j.simpleLogger.log.dev.baton.server.http.access", "debug");
    }
    BatonServer server;
    try {
      server = BatonServer.start(settings());
    } catch (StartupException e) {
      err.println("baton-server: " + e.getMessage());
      return e.reason().exitCode();
    }
    out.println("baton-server listening on " + server.url() + " with database " + server.database()
        + " (synchronous " + synchronous.name().toLowerCase(java.util.Locale.ROOT) + ")");
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stopped.countDown();
    }, "baton-shutdown"));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  ServerSettings settings() throws StartupException {
    ConfigSource source = new ConfigSource(config, runbooks);
    BatonConfig parsed;
    try {
      parsed = source.load();
    } catch (ConfigException e) {
      throw new StartupException(StartupException.Reason.BAD_CONFIG,
          ConfigSource.lines("invalid configuration " + config, e.problems()), e);
    }
    return ServerSettings.forDatabase(database != null ? database : ServerSettings.defaultDatabase())
        .withListen(address(listen))
        .withConfig(parsed)
        .withConfigSource(source)
        .withSynchronous(synchronous)
        .withInsecure(insecure)
        .withTickInterval(java.time.Duration.ofSeconds(1));
  }

  /** {@code host:port}, {@code [v6]:port} or {@code :port} (loopback). */
  static InetSocketAddress address(String text) throws StartupException {
    int colon = text.lastIndexOf(':');
    String host = colon < 0 ? text : text.substring(0, colon);
    String portText = colon < 0 ? String.valueOf(ServerSettings.DEFAULT_PORT) : text.substring(colon + 1);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    if (host.isEmpty()) {
      host = ServerSettings.DEFAULT_HOST;
    }
    int port;
    try {
      port = Integer.parseInt(portText);
    } catch (NumberFormatException e) {
      port = -1;
    }
    if (port < 0 || port > 65535) {
      throw new StartupException(StartupException.Reason.ADDRESS_UNAVAILABLE,
          "--listen " + text + ": expected HOST:PORT with a port 0..65535", null);
    }
    return new InetSocketAddress(host, port);
  }

  /** Accepts normal/full in any case. */
  static final class SynchronousConverter implements CommandLine.ITypeConverter<SqliteStore.Synchronous> {
    @Override
    public SqliteStore.Synchronous convert(String value) {
      for (SqliteStore.Synchronous s : SqliteStore.Synchronous.values()) {
        if (s.name().equalsIgnoreCase(value.trim())) {
          return s;
        }
      }
      throw new CommandLine.TypeConversionException("expected normal or full, got '" + value + "'");
    }
  }

  /** {@code --version}: the version the build stamped. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"baton-server " + BatonServer.VERSION};
    }
  }
}
