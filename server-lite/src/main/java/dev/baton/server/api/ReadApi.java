package dev.baton.server.api;

import dev.baton.server.config.BatonConfig;
import dev.baton.server.config.Role;
import dev.baton.server.http.Routes;
import dev.baton.server.pipeline.Pipeline;
import dev.baton.server.query.AlertQueries;
import dev.baton.server.query.IncidentQueries;
import dev.baton.server.query.ReadConnections;
import dev.baton.server.query.SourceQueries;
import dev.baton.server.runbook.RunbookLibrary;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The console API's read side on its own read-only connections: the routes it adds and the
 * readers it closes. Acting (take, handover, snooze…) goes through the writer and answers with
 * the card read here ({@link #mountActions}).
 */
public final class ReadApi implements AutoCloseable {

  /** Readers beside the writer; HTTP threads beyond this many wait for one. */
  static final int READERS = 4;

  private final ReadConnections readers;
  private final ConsoleApi console;
  private final AlertmanagerAlerts alertmanager;
  private final IncidentQueries incidents;
  private final Clock clock;

  private ReadApi(ReadConnections readers, Clock clock, Supplier<RunbookLibrary> runbooks) {
    this.readers = readers;
    this.clock = clock;
    AlertQueries alerts = new AlertQueries(readers);
    this.incidents = new IncidentQueries(readers, clock, runbooks);
    this.console = new ConsoleApi(incidents, alerts, runbooks);
    this.alertmanager = new AlertmanagerAlerts(alerts);
  }

  /** Opens readers on the (already migrated) database; runbooks are matched against the live library. */
  public static ReadApi open(Path database, Clock clock, Supplier<RunbookLibrary> runbooks) {
    return new ReadApi(ReadConnections.open(database, READERS), clock, runbooks);
  }

  /**
   * {@code GET /api/v1/…} for viewers; {@code /api/v1/alerts} by its exact path too, beside
   * Alertmanager API v1's {@code POST} there.
   */
  public Routes mountConsole(Routes routes) {
    return routes.add(ConsoleApi.PREFIX, Set.of("GET"), Role.READ, console)
        .add(ConsoleApi.ALERTS, Set.of("GET"), Role.READ, console);
  }

  /**
   * {@code POST /api/v1/incidents/{id}/{action}} for operators (and admins): the relay baton's
   * actions through the writer, each answered with the card as it is after the commit.
   */
  public Routes mountActions(Routes routes, Pipeline pipeline, Duration commitTimeout) {
    return routes.add(ConsoleApi.PREFIX, Set.of("POST"), Role.OPERATE,
        new IncidentActions(pipeline, incidents, clock, commitTimeout));
  }

  /**
   * Monitoring of monitoring: {@code POST /api/v1/heartbeat/{source}} through the writer (ingest),
   * {@code GET /api/v1/sources} from the readers (read).
   */
  public Routes mountSources(Routes routes, Pipeline pipeline, Supplier<BatonConfig> config, Duration commitTimeout) {
    return new SourceApi(new SourceQueries(readers), pipeline, config, commitTimeout).mount(routes);
  }

  /** The handler of {@code GET /api/v2/alerts} (Alertmanager's shape), for viewers. */
  public AlertmanagerAlerts alertmanagerAlerts() {
    return alertmanager;
  }

  @Override
  public void close() {
    readers.close();
  }
}
