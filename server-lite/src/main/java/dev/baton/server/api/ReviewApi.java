package dev.baton.server.api;

import dev.baton.server.config.BatonConfig;
import dev.baton.server.http.Routes;
import dev.baton.server.pipeline.Pipeline;
import dev.baton.server.postmortem.Postmortems;
import dev.baton.server.query.ReadConnections;
import dev.baton.server.report.IncidentReports;
import dev.baton.server.report.SlaReports;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * Looking back at incidents: post-mortems ({@code /api/v1/postmortems…}) and analytics
 * ({@code /api/v1/reports/…}). They read on readers of their own, so that a report scanning every
 * incident never makes the console's list wait for a connection; they write through the writer.
 */
public final class ReviewApi implements AutoCloseable {

  /** A report and an export at once; more wait for one of these. */
  static final int READERS = 2;

  private final ReadConnections readers;
  private final PostmortemApi postmortems;
  private final ReportApi reports;

  private ReviewApi(ReadConnections readers, Pipeline writer, Supplier<BatonConfig> config, Clock clock) {
    this.readers = readers;
    Postmortems p = new Postmortems(readers, writer, () -> config.get().postmortems(), clock,
        config.get().limits().commitTimeout());
    this.postmortems = new PostmortemApi(p);
    this.reports = new ReportApi(new IncidentReports(readers, p::vocabulary), new SlaReports(readers, clock));
  }

  /**
   * Opens its readers on the (already migrated) database.
   *
   * @param config the configuration in effect now: a reload's lists and template apply at once
   */
  public static ReviewApi open(Path database, Pipeline writer, Supplier<BatonConfig> config, Clock clock) {
    return new ReviewApi(ReadConnections.open(database, READERS), writer, config, clock);
  }

  public Routes mount(Routes routes) {
    return reports.mount(postmortems.mount(routes));
  }

  @Override
  public void close() {
    readers.close();
  }
}
