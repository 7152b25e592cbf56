package dev.baton.server.api;

import dev.baton.server.config.Role;
import dev.baton.server.http.Routes;
import dev.baton.server.query.AlertQueries;
import dev.baton.server.query.IncidentQueries;
import dev.baton.server.query.ReadConnections;
import dev.baton.server.runbook.RunbookLibrary;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The console API's read side on its own read-only connections: the routes it adds and the
 * readers it closes. Acting (take, handover, snooze…) and the event stream go through the writer
 * and are mounted beside it.
 */
public final class ReadApi implements AutoCloseable {

  /** Readers beside the writer; HTTP threads beyond this many wait for one. */
  static final int READERS = 4;

  private final ReadConnections readers;
  private final ConsoleApi console;
  private final AlertmanagerAlerts alertmanager;

  private ReadApi(ReadConnections readers, Clock clock, Supplier<RunbookLibrary> runbooks) {
    this.readers = readers;
    AlertQueries alerts = new AlertQueries(readers);
    this.console = new ConsoleApi(new IncidentQueries(readers, clock), alerts, runbooks);
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

  /** The handler of {@code GET /api/v2/alerts} (Alertmanager's shape), for viewers. */
  public AlertmanagerAlerts alertmanagerAlerts() {
    return alertmanager;
  }

  @Override
  public void close() {
    readers.close();
  }
}
