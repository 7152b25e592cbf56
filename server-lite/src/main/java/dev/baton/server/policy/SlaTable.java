package dev.baton.server.policy;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/** PRODUCT.md's response-time table: f(severity, service level). Async means 24 h; retro has no deadline. */
public final class SlaTable {

  static final Duration ASYNC_RESPONSE = Duration.ofHours(24);

  private static final Map<ServiceLevel, String[]> TABLE = new EnumMap<>(ServiceLevel.class);

  static {
    TABLE.put(ServiceLevel.PLATINUM, new String[] {"1m", "5m", "10m", "30m", "async", "async", "async", "retro", "retro"});
    TABLE.put(ServiceLevel.GOLD, new String[] {"5m", "10m", "30m", "async", "async", "async", "retro", "retro", "retro"});
    TABLE.put(ServiceLevel.SILVER, new String[] {"10m", "30m", "async", "async", "async", "retro", "retro", "retro", "retro"});
    TABLE.put(ServiceLevel.NONE, new String[] {"async", "async", "async", "async", "retro", "retro", "retro", "retro", "retro"});
  }

  private SlaTable() {}

  public static Sla lookup(Severity severity, ServiceLevel level) {
    String cell = TABLE.get(level)[severity.level() - 1];
    switch (cell) {
      case "async":
        return new Sla(SlaClass.ASYNC, ASYNC_RESPONSE);
      case "retro":
        return new Sla(SlaClass.RETRO, null);
      default:
        return new Sla(SlaClass.URGENT, Duration.ofMinutes(Long.parseLong(cell.substring(0, cell.length() - 1))));
    }
  }
}
