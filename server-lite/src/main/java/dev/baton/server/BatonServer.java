package dev.baton.server;

import dev.baton.api.model.BatonVersion;
import dev.baton.server.api.ConfigApi;
import dev.baton.server.api.ReadApi;
import dev.baton.server.api.ReviewApi;
import dev.baton.server.api.ShiftApi;
import dev.baton.server.api.SnoozeRuleApi;
import dev.baton.server.api.StatusHandlers;
import dev.baton.server.config.BatonConfig;
import dev.baton.server.config.ConfigReloader;
import dev.baton.server.config.LiveConfig;
import dev.baton.server.config.Role;
import dev.baton.server.http.HttpFront;
import dev.baton.server.http.Routes;
import dev.baton.server.ingest.IngestProtocol;
import dev.baton.server.metrics.ReceiverMetrics;
import dev.baton.server.pipeline.Pipeline;
import dev.baton.server.runbook.Runbooks;
import dev.baton.server.stream.EventStream;
import dev.baton.server.store.ChangeLogRetention;
import dev.baton.server.store.SqliteStore;
import dev.baton.server.store.StoreException;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running receiver: store, writer, ticker and HTTP front, wired here and nowhere else.
 * Start one with {@link #start(ServerSettings)}; {@link #close()} stops it after committing what
 * was accepted.
 */
public final class BatonServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(BatonServer.class);
  public static final String VERSION = BatonVersion.current();
  private static final java.time.Duration READY_WAIT = java.time.Duration.ofMillis(500);

  private final ServerSettings settings;
  private final SqliteStore store;
  private final Pipeline pipeline;
  private final HttpFront front;
  private final ScheduledExecutorService ticker;
  private final ReadApi readApi;
  private final Runbooks runbooks;
  private final ConfigReloader reloader;
  private final EventStream stream;
  private final ReviewApi reviewApi;

  private BatonServer(ServerSettings settings, SqliteStore store, Pipeline pipeline, HttpFront front,
      ScheduledExecutorService ticker, ReadApi readApi, Runbooks runbooks, ConfigReloader reloader, EventStream stream,
      ReviewApi reviewApi) {
    this.readApi = readApi;
    this.runbooks = runbooks;
    this.reloader = reloader;
    this.stream = stream;
    this.reviewApi = reviewApi;
    this.settings = settings;
    this.store = store;
    this.pipeline = pipeline;
    this.front = front;
    this.ticker = ticker;
  }

  /** Opens the store, loads the hot state, binds the address and starts serving. */
  public static BatonServer start(ServerSettings settings) throws StartupException {
    BatonConfig config = settings.config();
    InetSocketAddress listen = settings.listen();
    if (listen.isUnresolved()) {
      throw new StartupException(StartupException.Reason.ADDRESS_UNAVAILABLE,
          "cannot resolve listen address " + listen.getHostString(), null);
    }
    if (!listen.getAddress().isLoopbackAddress() && !config.authEnabled() && !settings.insecure()) {
      throw new StartupException(StartupException.Reason.INSECURE, "refusing to listen on "
          + listen.getAddress().getHostAddress() + " without tokens: configure tokens in the config file, or pass"
          + " --insecure to accept unauthenticated alerts from the network", null);
    }
    SqliteStore store;
    try {
      store = SqliteStore.open(settings.database(), settings.synchronous(), settings.clock(),
          new ChangeLogRetention(config.stream().retainEvents(), config.stream().retainFor(),
              ChangeLogRetention.DEFAULT.pruneEvery()));
    } catch (StoreException e) {
      throw new StartupException(StartupException.Reason.DATABASE, e.getMessage(), e);
    }
    ReceiverMetrics metrics = new ReceiverMetrics();
    Pipeline pipeline = new Pipeline(store, config, settings.clock(), metrics);
    pipeline.start();
    Runbooks runbooks = Runbooks.start(config.runbooks(), settings.clock());
    LiveConfig live = new LiveConfig(config);
    ConfigReloader reloader = new ConfigReloader(settings.configSource(), live, (running, next) -> refusal(settings, next),
        List.of(next -> pipeline.reconfigure(next).get(config.limits().commitTimeout().toMillis(), TimeUnit.MILLISECONDS),
            next -> runbooks.follow(next.runbooks())));
    ReadApi readApi;
    EventStream stream;
    ReviewApi reviewApi;
    try {
      readApi = ReadApi.open(store.file(), settings.clock(), runbooks);
      reviewApi = ReviewApi.open(store.file(), pipeline, live, settings.clock());
    } catch (StoreException e) {
      runbooks.close();
      pipeline.close();
      store.close();
      throw new StartupException(StartupException.Reason.DATABASE, e.getMessage(), e);
    }
    try {
      stream = EventStream.open(store.file(), settings.clock(), config.stream(), metrics, runbooks);
    } catch (StoreException e) {
      reviewApi.close();
      readApi.close();
      runbooks.close();
      pipeline.close();
      store.close();
      throw new StartupException(StartupException.Reason.DATABASE, e.getMessage(), e);
    }
    store.onChangesCommitted(stream::committed);
    Routes routes = new Routes()
        .add("/-/ready", Set.of("GET"), null, StatusHandlers.ready(pipeline::ready))
        .add("/-/healthy", Set.of("GET"), null, StatusHandlers.ok())
        // amtool asks for the status before posting, with whatever token it was given (ingest too)
        .addAllowing("/api/v2/status", Set.of("GET"), Set.of(Role.READ, Role.INGEST), StatusHandlers.status(live, settings.clock().instant(), VERSION))
        .add("/metrics", Set.of("GET"), Role.READ, StatusHandlers.metrics(metrics.registry()))
        .addAllowing("/api/v1/whoami", Set.of("GET"), Set.of(Role.READ, Role.INGEST), StatusHandlers.whoami(live));
    for (IngestProtocol protocol : settings.protocols()) {
      routes.add(protocol.path(), Set.of("POST"), Role.INGEST,
          HttpFront.ingest(protocol, pipeline, live, metrics, settings.clock()));
    }
    readApi.mountConsole(routes);
    readApi.mountActions(routes, pipeline, config.limits().commitTimeout());
    readApi.mountSources(routes, pipeline, live, config.limits().commitTimeout());
    new ConfigApi(reloader).mount(routes);
    routes.addStream("/api/v1/stream", Role.READ, stream.handler());
    new ShiftApi(pipeline, settings.clock(), config.limits().commitTimeout()).mount(routes);
    reviewApi.mount(routes);
    new SnoozeRuleApi(pipeline, settings.clock(), config.limits().commitTimeout()).mount(routes);
    routes.add("/api/v2/alerts", Set.of("GET"), Role.READ, readApi.alertmanagerAlerts());
    HttpFront front;
    try {
      front = HttpFront.start(listen, routes, live, metrics);
    } catch (IOException e) {
      stream.close();
      reviewApi.close();
      readApi.close();
      runbooks.close();
      pipeline.close();
      store.close();
      String why = e instanceof BindException ? "the address is in use or not available here" : e.getMessage();
      throw new StartupException(StartupException.Reason.ADDRESS_UNAVAILABLE,
          "cannot listen on " + listen.getHostString() + ":" + listen.getPort() + ": " + why, e);
    }
    ScheduledExecutorService ticker = null;
    if (!settings.tickInterval().isZero()) {
      ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "baton-ticker");
        t.setDaemon(true);
        return t;
      });
      long every = settings.tickInterval().toMillis();
      ticker.scheduleWithFixedDelay(() -> pipeline.tick().exceptionally(e -> null).join(), every, every,
          TimeUnit.MILLISECONDS);
    }
    // Usually the state loads in milliseconds; with many active alerts the port already answers
    // (ready says "loading", alerts sent meanwhile wait in the queue) rather than keep callers waiting.
    pipeline.awaitReady(READY_WAIT);
    BatonServer server = new BatonServer(settings, store, pipeline, front, ticker, readApi, runbooks,
        reloader, stream, reviewApi);
    reloader.watchFile();
    LOG.info("Baton {} listening on {} with database {} (synchronous={})", VERSION, server.url(), store.file(),
        settings.synchronous());
    return server;
  }

  /** The bound port (the real one when started with port 0). */
  public int port() {
    return front.address().getPort();
  }

  /** {@code http://host:port} to reach this receiver. */
  public String url() {
    InetSocketAddress a = front.address();
    String host = a.getAddress().getHostAddress();
    return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort();
  }

  public Path database() {
    return store.file();
  }

  public ServerSettings settings() {
    return settings;
  }

  /** True once the receiver's state is loaded and alerts are being applied ({@code /-/ready}). */
  public boolean ready() {
    return pipeline.ready();
  }

  /** Applies time-based transitions now (alerts whose refresh stopped turn unknown, pending ends). */
  public CompletableFuture<Void> tick() {
    return pipeline.tick();
  }

  /** Closes an open incident; its grouping key opens a new incident next time, linked to this one. */
  public CompletableFuture<Void> closeIncident(long incidentId, String actor, String comment) {
    return pipeline.closeIncident(incidentId, actor, comment);
  }

  /**
   * Reads the configuration file again and applies it when valid (as {@code POST /api/v1/admin/reload});
   * otherwise the running configuration stays and the outcome lists the problems.
   */
  public ConfigReloader.Outcome reloadConfig() {
    return reloader.reload();
  }

  /** Why {@code next} cannot run on this receiver's address (the same rule as at start). */
  private static List<String> refusal(ServerSettings settings, BatonConfig next) {
    if (!settings.listen().getAddress().isLoopbackAddress() && !next.authEnabled() && !settings.insecure()) {
      return List.of("tokens: without tokens " + settings.listen().getAddress().getHostAddress()
          + " would accept anybody from the network; keep at least one token, or restart with --insecure");
    }
    return List.of();
  }

  /** Stops HTTP, commits every accepted request, and closes the database. */
  @Override
  public void close() {
    reloader.close();
    if (ticker != null) {
      ticker.shutdownNow();
    }
    stream.close(); // ends every stream first: the front waits for the exchanges in flight
    front.close();
    reviewApi.close();
    readApi.close();
    runbooks.close();
    pipeline.close();
    store.close();
    LOG.info("Baton stopped");
  }
}
