package dev.baton.console;

import dev.baton.api.model.WhoAmI;
import dev.baton.client.BatonClient;
import dev.baton.console.config.ConfigFolder;
import dev.baton.console.connection.ConnectionCheck;
import dev.baton.console.connection.RememberedConnection;
import dev.baton.console.demo.DemoScenario;
import dev.baton.console.detail.ApiDetailSource;
import dev.baton.console.detail.DetailSource;
import dev.baton.console.demo.DemoStream;
import dev.baton.console.incident.ApiIncidentActions;
import dev.baton.console.incident.ApiIncidentSource;
import dev.baton.console.incident.IncidentActions;
import dev.baton.console.incident.IncidentSource;
import dev.baton.console.incident.Operator;
import dev.baton.console.notify.DesktopNotifier;
import dev.baton.console.notify.DesktopNotifiers;
import dev.baton.console.analytics.ApiReports;
import dev.baton.console.analytics.Reports;
import dev.baton.console.postmortem.ApiPostmortems;
import dev.baton.console.postmortem.Postmortems;
import dev.baton.console.sources.ApiSources;
import dev.baton.console.sources.Sources;
import dev.baton.console.sound.Chime;
import dev.baton.console.sound.ClipChime;
import dev.baton.server.BatonServer;
import dev.baton.server.ServerSettings;
import dev.baton.server.StartupException;
import dev.baton.server.config.BatonConfig;
import dev.baton.server.config.ConfigException;
import dev.baton.server.config.ConfigLoader;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the console talks to, built in one place: the receiver (embedded in this JVM unless
 * {@code --server} names one), who the operator is, the incident source and actions, the demo
 * stream. The UI receives this and builds its views from it.
 */
public final class ConsoleWiring implements AutoCloseable {

  /** Rounds of the demo stream; Prometheus's default evaluation is 15 s, the demo is brisker. */
  static final Duration DEMO_EVERY = Duration.ofSeconds(5);
  /** The queue everybody is in when the receiver names no team for them: new incidents' default holder. */
  private static final Set<String> DEFAULT_TEAMS = Set.of("l1");
  private static final Logger LOG = LoggerFactory.getLogger(ConsoleWiring.class);

  private final URI receiver;
  private final String token;
  private final BatonServer embedded;
  private final Operator me;
  private final ConfigFolder config;
  private final Path dataDir;
  private DemoStream demo;
  private ApiIncidentSource incidents;
  private BatonClient client;
  private ClipChime chime;
  private DesktopNotifier notifier;
  private boolean closed;
  /** {@link #me} is what the receiver said the token is. */
  private boolean identified;

  private ConsoleWiring(URI receiver, String token, BatonServer embedded, Operator me, ConfigFolder config,
      Path dataDir) {
    this.config = config;
    this.dataDir = dataDir;
    this.receiver = receiver;
    this.token = token;
    this.embedded = embedded;
    this.me = me;
  }

  /**
   * Connects to {@code --server}; else to the receiver remembered from the connection dialog
   * (unless {@code --embedded}); else starts the embedded receiver (9393 if free, else any free port).
   * A broken remembered file is reported on stderr and the embedded receiver used.
   */
  public static ConsoleWiring start(ConsoleOptions options) throws StartupException {
    ConfigFolder config = options.configDir() != null ? new ConfigFolder(options.configDir())
        : ConfigFolder.forUser(System.getenv());
    URI server = options.server();
    String token = options.token();
    if (server == null && !options.embedded()) {
      ConfigFolder.Loaded<RememberedConnection.Saved> remembered = new RememberedConnection(config).load();
      remembered.problem().ifPresent(p -> System.err.println("baton-console: remembered connection not used: " + p));
      if (!remembered.value().embedded()) {
        server = URI.create(remembered.value().server());
        token = remembered.value().token();
      }
    }
    return start(server, token, options.dataDir(), config);
  }

  /** {@code server} null: the embedded receiver with its database in {@code dataDir} (null: the user's data folder). */
  public static ConsoleWiring start(URI server, String token, Path dataDir, ConfigFolder config)
      throws StartupException {
    Operator me = new Operator(System.getProperty("user.name", "operator"), DEFAULT_TEAMS);
    if (server != null) {
      try {
        ConnectionCheck.parse(server.toString());
      } catch (ConnectionCheck.Failed e) {
        throw new StartupException(StartupException.Reason.BAD_CONFIG, "--server: " + e.getMessage(), null);
      }
      Operator identified = token == null ? null : identify(server, token);
      ConsoleWiring wiring = new ConsoleWiring(server, token, null, identified == null ? me : identified, config,
          dataDir);
      wiring.identified = identified != null;
      return wiring;
    }
    Path dir = dataDir != null ? dataDir : ServerSettings.defaultDatabase().getParent();
    BatonConfig receiverConfig = embeddedConfig(dir);
    ServerSettings settings = ServerSettings.forDatabase(dir.resolve("baton.db")).withConfig(receiverConfig);
    BatonServer embedded;
    try {
      embedded = BatonServer.start(settings.withListen(new InetSocketAddress("127.0.0.1", ServerSettings.DEFAULT_PORT)));
    } catch (StartupException e) {
      if (e.reason() != StartupException.Reason.ADDRESS_UNAVAILABLE) {
        throw e;
      }
      embedded = BatonServer.start(settings.withListen(new InetSocketAddress("127.0.0.1", 0)));
    }
    return new ConsoleWiring(URI.create(embedded.url()), null, embedded, me, config, dataDir);
  }

  /**
   * Who the receiver takes the token for ({@code GET /api/v1/whoami}): the name it writes on the
   * timeline and holds incidents as, and the teams that list it; null when it cannot say (then the
   * OS user stands in, as before). Bounded: a receiver that does not answer costs at most 3 s.
   */
  private static Operator identify(URI server, String token) {
    try (BatonClient client = BatonClient.builder(server.toString()).token(token)
        .connectTimeout(Duration.ofSeconds(2)).callTimeout(Duration.ofSeconds(3)).build()) {
      WhoAmI who = client.whoami();
      return new Operator(who.name(), who.teams().isEmpty() ? DEFAULT_TEAMS : Set.copyOf(who.teams()));
    } catch (IOException | RuntimeException e) {
      LOG.warn("cannot ask {} who the token is ({}); \"Mine\" uses the OS user", server, e.getMessage());
      return null;
    }
  }

  /** The embedded receiver's folder as given ({@code --data-dir}), or null for the user's data folder. */
  public Path dataDir() {
    return dataDir;
  }

  /** What the connection dialog starts from: this receiver (none when embedded) and token. */
  public RememberedConnection.Saved connection() {
    return embedded() ? new RememberedConnection.Saved(null, null)
        : new RememberedConnection.Saved(receiver.toString(), token);
  }

  /** {@code DIR/baton.yml} when present; otherwise the defaults plus the demo projects' service levels. */
  private static BatonConfig embeddedConfig(Path dataDir) throws StartupException {
    Path file = dataDir.resolve("baton.yml");
    try {
      return Files.exists(file) ? ConfigLoader.load(file)
          : ConfigLoader.parse(DemoScenario.receiverConfig(), "built-in demo configuration");
    } catch (ConfigException e) {
      throw new StartupException(StartupException.Reason.BAD_CONFIG, e.getMessage(), e);
    }
  }

  public URI receiver() {
    return receiver;
  }

  public boolean embedded() {
    return embedded != null;
  }

  /** The user's console settings folder (saved views, connection, sound). */
  public ConfigFolder config() {
    return config;
  }

  public Operator me() {
    return me;
  }

  /** {@code alice on http://127.0.0.1:9393 (embedded)}: what the title and status bars say. */
  public String describe() {
    String who = token == null || identified ? me.name()
        : "token …" + token.substring(Math.max(0, token.length() - 4));
    return who + " on " + receiver + (embedded() ? " (embedded, " + embedded.database() + ")" : "");
  }

  /** The incidents to list, read from the receiver's console API (the same source on every call). */
  public synchronized IncidentSource incidents() {
    if (incidents == null) {
      incidents = new ApiIncidentSource(client());
    }
    return incidents;
  }

  /** The detail pane's reads, over the same client as the list. */
  public DetailSource details() {
    return new ApiDetailSource(client());
  }

  private synchronized BatonClient client() {
    if (client == null) {
      BatonClient.Builder builder = BatonClient.builder(receiver.toString());
      if (token != null) {
        builder.token(token);
      }
      client = builder.build();
    }
    return client;
  }

  /** Take, hand over, snooze… through the same client as the list. */
  public IncidentActions actions() {
    return new ApiIncidentActions(client());
  }

  /** Post-mortems of the receiver, over the same client as the list. */
  public Postmortems postmortems() {
    return new ApiPostmortems(client());
  }

  /** The receiver's reports for the analytics view. */
  public Reports reports() {
    return new ApiReports(client());
  }

  /** The receiver's sources and their heartbeats, for the Sources window. */
  public Sources sources() {
    return new ApiSources(client());
  }

  /** The wall's chime (Java Sound; silent without an audio device). */
  public synchronized Chime chime() {
    if (chime == null) {
      chime = new ClipChime();
    }
    return chime;
  }

  /** The wall's desktop notifications (system tray or notify-send, chosen on first use; none when neither). */
  public synchronized DesktopNotifier notifier() {
    if (notifier == null) {
      notifier = DesktopNotifiers.lazy(DesktopNotifiers.of(System.getenv()));
    }
    return notifier;
  }

  /** Starts the demo stream into this receiver (once; later calls return the running one). */
  public synchronized DemoStream startDemo() {
    if (demo == null) {
      demo = new DemoStream(receiver, token, Clock.systemUTC(), System.nanoTime());
      demo.start(DEMO_EVERY);
    }
    return demo;
  }

  public synchronized boolean demoRunning() {
    return demo != null;
  }

  public synchronized java.util.Optional<String> demoError() {
    return demo == null ? java.util.Optional.empty() : demo.lastError();
  }

  public synchronized long demoSent() {
    return demo == null ? 0 : demo.sent();
  }

  /** Closes what it started; again is a no-op. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (demo != null) {
      demo.close();
    }
    if (incidents != null) {
      incidents.close();
    }
    if (client != null) {
      client.close();
    }
    if (chime != null) {
      chime.close();
    }
    if (embedded != null) {
      embedded.close();
    }
  }
}
