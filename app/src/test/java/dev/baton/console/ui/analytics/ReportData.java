package dev.baton.console.ui.analytics;

import dev.baton.api.model.IncidentCard;
import dev.baton.api.model.NewPostmortem;
import dev.baton.api.model.Postmortem;
import dev.baton.api.model.PostmortemFields;
import dev.baton.client.BatonClient;
import dev.baton.client.IncidentQuery;
import dev.baton.console.MovableClock;
import dev.baton.console.TestReceiver;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A real receiver whose clock the test moves, so incidents open, are taken and close at the
 * times a test chooses (weeks of history in seconds), each with a post-mortem written through
 * the API as a person would.
 */
public final class ReportData implements AutoCloseable {

  /** One incident of the history and what its post-mortem says (trigger null: no post-mortem). */
  public record Spec(String alertname, String project, String severity, Duration toTake, Duration lasted,
      String trigger, String detection, String damage, String wouldHave, String alertKind) {
  }

  public final MovableClock clock;
  public final TestReceiver receiver;
  public final BatonClient client;

  public ReportData(Path dir, Instant start) throws Exception {
    clock = new MovableClock(start);
    receiver = TestReceiver.startAt(clock, dir, TestReceiver.CONFIG);
    client = BatonClient.builder(receiver.url()).build();
  }

  /**
   * Opens an incident now (the clock's now), takes it after {@code toTake}, closes it after
   * {@code lasted} (null: left open) and writes its post-mortem; the clock ends at the close.
   */
  public long add(Spec spec) throws Exception {
    Instant opened = clock.instant();
    receiver.fire(spec.alertname(), spec.project(), spec.severity(), Map.of("service", spec.project() + "-api"),
        Map.of("summary", spec.alertname() + " in " + spec.project()), opened);
    IncidentCard card = awaitOpen(spec.alertname(), spec.project());
    if (spec.toTake() != null) {
      clock.advance(spec.toTake());
      card = client.take(card.id(), null);
    }
    if (spec.lasted() != null) {
      clock.advance(spec.lasted().minus(spec.toTake() == null ? Duration.ZERO : spec.toTake()));
      client.close(card.id(), "resolved", null);
    }
    if (spec.trigger() != null) {
      Postmortem p = client.createPostmortem(new NewPostmortem(List.of(card.id()), null, null));
      PostmortemFields f = PostmortemFields.of(p);
      client.updatePostmortem(p.id(), new PostmortemFields(f.title(), "in_review", f.owner(), f.incidentIds(),
          opened, spec.lasted() == null ? null : opened.plus(spec.lasted()), f.investigationStart(),
          f.investigationEnd(), spec.trigger(), spec.detection(), spec.damage(), f.damageText(), f.damageFigures(),
          f.teams(), f.services(), spec.wouldHave(), spec.alertKind(), f.sections(), f.glossary()), p.version());
    }
    return card.id();
  }

  private IncidentCard awaitOpen(String alertname, String project) throws Exception {
    Instant until = Instant.now().plus(Duration.ofSeconds(40));
    String mql = "trigger = \"" + alertname + "\" AND project = \"" + project + "\"";
    while (Instant.now().isBefore(until)) {
      for (IncidentCard card : client.incidents(IncidentQuery.of(mql).withStatuses("open")).items()) {
        return card;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no open incident for " + alertname + " in " + project + " after 40 s");
  }

  @Override
  public void close() {
    client.close();
    receiver.close();
  }
}
