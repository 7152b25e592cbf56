package dev.baton.server.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeverityAndSlaTest {

  private final SeverityRules rules = SeverityRules.DEFAULT;

  @Test
  void severityLevelLabelWinsOverEverythingElse() {
    assertEquals(Severity.of(7), rules.of(Map.of("severity_level", "7", "severity", "critical")));
    assertEquals(Severity.of(3), rules.of(Map.of("severity_level", "S3")));
  }

  @Test
  void impactPlusLikelihoodMinusOne() {
    assertEquals(Severity.of(1), rules.of(Map.of("impact", "deadly", "likelihood", "certain")));
    assertEquals(Severity.of(4), rules.of(Map.of("impact", "critical", "likelihood", "likely")));
    assertEquals(Severity.of(9), rules.of(Map.of("impact", "negligible", "likelihood", "rare")));
    assertEquals(Severity.of(5), rules.of(Map.of("impact", "2", "likelihood", "4")));
  }

  @Test
  void severityLabelIsMappedAndUnknownFallsBackToTheDefault() {
    assertEquals(Severity.of(2), rules.of(Map.of("severity", "critical")));
    assertEquals(Severity.of(2), rules.of(Map.of("severity", "CRITICAL")));
    assertEquals(Severity.of(4), rules.of(Map.of("severity", "warning")));
    assertEquals(Severity.of(7), rules.of(Map.of("severity", "info")));
    assertEquals(Severity.of(5), rules.of(Map.of("severity", "whatever")));
    assertEquals(Severity.of(5), rules.of(Map.of("alertname", "X")));
    assertEquals(Severity.of(5), rules.of(Map.of("impact", "deadly")), "impact alone is not enough");
  }

  @Test
  void slaTableFollowsProduct() {
    assertEquals(new Sla(SlaClass.URGENT, Duration.ofMinutes(1)), SlaTable.lookup(Severity.of(1), ServiceLevel.PLATINUM));
    assertEquals(new Sla(SlaClass.URGENT, Duration.ofMinutes(30)), SlaTable.lookup(Severity.of(4), ServiceLevel.PLATINUM));
    assertEquals(SlaClass.ASYNC, SlaTable.lookup(Severity.of(5), ServiceLevel.PLATINUM).slaClass());
    assertEquals(SlaClass.RETRO, SlaTable.lookup(Severity.of(8), ServiceLevel.PLATINUM).slaClass());
    assertEquals(new Sla(SlaClass.URGENT, Duration.ofMinutes(10)), SlaTable.lookup(Severity.of(2), ServiceLevel.GOLD));
    assertEquals(SlaClass.ASYNC, SlaTable.lookup(Severity.of(4), ServiceLevel.GOLD).slaClass());
    assertEquals(SlaClass.RETRO, SlaTable.lookup(Severity.of(7), ServiceLevel.GOLD).slaClass());
    assertEquals(new Sla(SlaClass.URGENT, Duration.ofMinutes(30)), SlaTable.lookup(Severity.of(2), ServiceLevel.SILVER));
    assertEquals(SlaClass.ASYNC, SlaTable.lookup(Severity.of(3), ServiceLevel.SILVER).slaClass());
    assertEquals(SlaClass.RETRO, SlaTable.lookup(Severity.of(6), ServiceLevel.SILVER).slaClass());
    assertEquals(new Sla(SlaClass.ASYNC, Duration.ofHours(24)), SlaTable.lookup(Severity.of(1), ServiceLevel.NONE));
    assertEquals(SlaClass.RETRO, SlaTable.lookup(Severity.of(5), ServiceLevel.NONE).slaClass());
    assertNull(SlaTable.lookup(Severity.of(9), ServiceLevel.NONE).responseTime());
  }
}
