package dev.baton.console.detail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.baton.api.model.Alert;
import dev.baton.api.model.FiringPeriod;
import dev.baton.api.model.PastIncident;
import dev.baton.api.model.TimelineEntry;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DetailTextTest {

  private final DetailText text = new DetailText(ZoneOffset.UTC);
  private final Instant t = Instant.parse("2026-11-21T09:59:30Z");

  @Test
  void periodsOldestFirstTheOpenOneWithAnEllipsis() {
    assertEquals("21.11 09:59:30 → 21.11 10:02:00, 21.11 10:05:00 → …", text.periods(List.of(
        new FiringPeriod(t, t.plusSeconds(150)), new FiringPeriod(t.plusSeconds(330), null))));
    assertEquals("never fired", text.periods(List.of()));
  }

  @Test
  void stateLineSaysEventForInstantAlerts() {
    Alert lasting = new Alert(1, "alpha", "f", "DiskFull", "lasting", "firing", "S1", "prom", Map.of(), Map.of(), null,
        t, t.plusSeconds(60), 3, List.of(), 1L);
    assertEquals("firing · fired 3× · first seen 21.11 09:59:30 · last seen 21.11 10:00:30 · prom",
        text.stateLine(lasting));
    Alert instant = new Alert(2, "alpha", "g", "BackupFailed", "instant", null, "S5", null, Map.of(), Map.of(), null,
        t, t, 1, List.of(), 1L);
    assertEquals("event · fired 1× · first seen 21.11 09:59:30 · last seen 21.11 09:59:30", text.stateLine(instant));
  }

  @Test
  void pastIncidentWithHoldersAndDescription() {
    PastIncident past = new PastIncident(14, "beta", "CpuHot", "S1", "closed", t, t.plusSeconds(120),
        Duration.ofMinutes(2), List.of("#l1", "@alice"), "@alice", "disk cleaned", null, 1);
    assertEquals("#14 S1 beta CpuHot · closed · 21.11 09:59:30, 2m 00s · #l1 → @alice · \"disk cleaned\"",
        text.past(past));
  }

  @Test
  void timelineEntryWithItsDetail() {
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("trigger", "DiskFull");
    detail.put("previous_incident", null);
    detail.put("state", "firing");
    assertEquals("21.11 09:59:30  prom  alert_joined  trigger=DiskFull, state=firing",
        text.timeline(new TimelineEntry(1, t, "prom", "alert_joined", detail)));
  }
}
