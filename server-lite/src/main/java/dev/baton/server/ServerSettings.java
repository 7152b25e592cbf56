package dev.baton.server;

import dev.baton.server.config.BatonConfig;
import dev.baton.server.config.ConfigSource;
import dev.baton.server.ingest.IngestProtocol;
import dev.baton.server.ingest.IngestProtocols;
import dev.baton.server.store.SqliteStore;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything a {@link BatonServer} needs to start.
 *
 * @param listen       address to bind; port 0 picks a free port
 * @param database     SQLite file (created with its folder if missing)
 * @param config       the parsed configuration ({@link BatonConfig#DEFAULT} when there is no file)
 * @param synchronous  NORMAL survives a killed process, FULL survives power loss too
 * @param insecure     allow a non-loopback address without tokens
 * @param clock        time source; tests pass a fake one
 * @param protocols    ingest protocols to serve
 * @param tickInterval how often time-based transitions run; {@link Duration#ZERO} disables the ticker
 * @param configSource where {@code config} was read from, read again on reload ({@link ConfigSource#DEFAULTS}: nothing to reload)
 */
public record ServerSettings(
    InetSocketAddress listen,
    Path database,
    BatonConfig config,
    SqliteStore.Synchronous synchronous,
    boolean insecure,
    Clock clock,
    List<IngestProtocol> protocols,
    Duration tickInterval,
    ConfigSource configSource) {

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 9393;

  public ServerSettings {
    Objects.requireNonNull(listen, "listen");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(synchronous, "synchronous");
    Objects.requireNonNull(clock, "clock");
    protocols = List.copyOf(protocols);
    Objects.requireNonNull(tickInterval, "tickInterval");
    Objects.requireNonNull(configSource, "configSource");
  }

  /** Loopback on an ephemeral port, the default configuration, every ingest protocol, a 1 s ticker. */
  public static ServerSettings forDatabase(Path database) {
    return new ServerSettings(new InetSocketAddress(DEFAULT_HOST, 0), database, BatonConfig.DEFAULT,
        SqliteStore.Synchronous.NORMAL, false, Clock.systemUTC(), IngestProtocols.all(BatonConfig.DEFAULT.limits().ingest()),
        Duration.ofSeconds(1), ConfigSource.DEFAULTS);
  }

  /** The default database: {@code $XDG_DATA_HOME/baton/baton.db}, else {@code ~/.local/share/baton/baton.db}. */
  public static Path defaultDatabase() {
    String xdg = System.getenv("XDG_DATA_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
        : Path.of(System.getProperty("user.home"), ".local", "share");
    return base.resolve("baton").resolve("baton.db");
  }

  public ServerSettings withListen(InetSocketAddress address) {
    return new ServerSettings(address, database, config, synchronous, insecure, clock, protocols, tickInterval, configSource);
  }

  /** The configuration, and every ingest protocol bounded by its limits. */
  public ServerSettings withConfig(BatonConfig newConfig) {
    return new ServerSettings(listen, database, newConfig, synchronous, insecure, clock,
        IngestProtocols.all(newConfig.limits().ingest()), tickInterval, configSource);
  }

  public ServerSettings withSynchronous(SqliteStore.Synchronous mode) {
    return new ServerSettings(listen, database, config, mode, insecure, clock, protocols, tickInterval, configSource);
  }

  public ServerSettings withInsecure(boolean allow) {
    return new ServerSettings(listen, database, config, synchronous, allow, clock, protocols, tickInterval, configSource);
  }

  public ServerSettings withClock(Clock newClock) {
    return new ServerSettings(listen, database, config, synchronous, insecure, newClock, protocols, tickInterval, configSource);
  }

  public ServerSettings withProtocols(List<IngestProtocol> newProtocols) {
    return new ServerSettings(listen, database, config, synchronous, insecure, clock, newProtocols, tickInterval, configSource);
  }

  /** Where the configuration comes from, so that a reload reads it again; set {@link #withConfig} to its content. */
  public ServerSettings withConfigSource(ConfigSource source) {
    return new ServerSettings(listen, database, config, synchronous, insecure, clock, protocols, tickInterval, source);
  }

  public ServerSettings withTickInterval(Duration interval) {
    return new ServerSettings(listen, database, config, synchronous, insecure, clock, protocols, interval, configSource);
  }
}
