package dev.baton.server.policy;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * The response-time table: f(severity, service level). {@link #DEFAULT} is PRODUCT.md's; the
 * configuration may override cells ({@code sla:} in baton.yml). Async means 24 h; retro has no
 * deadline. Immutable.
 */
public final class SlaTable {

  public static final Duration ASYNC_RESPONSE = Duration.ofHours(24);
  public static final Sla ASYNC = new Sla(SlaClass.ASYNC, ASYNC_RESPONSE);
  public static final Sla RETRO = new Sla(SlaClass.RETRO, null);

  private static final Map<ServiceLevel, String[]> PRODUCT_TABLE = new EnumMap<>(ServiceLevel.class);

  static {
    PRODUCT_TABLE.put(ServiceLevel.PLATINUM, new String[] {"1m", "5m", "10m", "30m", "async", "async", "async", "retro", "retro"});
    PRODUCT_TABLE.put(ServiceLevel.GOLD, new String[] {"5m", "10m", "30m", "async", "async", "async", "retro", "retro", "retro"});
    PRODUCT_TABLE.put(ServiceLevel.SILVER, new String[] {"10m", "30m", "async", "async", "async", "retro", "retro", "retro", "retro"});
    PRODUCT_TABLE.put(ServiceLevel.NONE, new String[] {"async", "async", "async", "async", "retro", "retro", "retro", "retro", "retro"});
  }

  public static final SlaTable DEFAULT = new SlaTable(product());

  private final Map<ServiceLevel, Sla[]> cells;

  private SlaTable(Map<ServiceLevel, Sla[]> cells) {
    this.cells = cells;
  }

  /** The product's table. */
  public static Sla lookup(Severity severity, ServiceLevel level) {
    return DEFAULT.sla(severity, level);
  }

  /** The response required for {@code severity} in a project of service level {@code level}. */
  public Sla sla(Severity severity, ServiceLevel level) {
    return cells.get(level)[severity.level() - 1];
  }

  /** This table with some cells replaced. */
  public SlaTable withOverrides(Map<ServiceLevel, Map<Severity, Sla>> overrides) {
    Map<ServiceLevel, Sla[]> copy = new EnumMap<>(ServiceLevel.class);
    cells.forEach((level, row) -> copy.put(level, row.clone()));
    overrides.forEach((level, row) -> row.forEach((severity, sla) -> copy.get(level)[severity.level() - 1] = sla));
    return new SlaTable(copy);
  }

  private static Map<ServiceLevel, Sla[]> product() {
    Map<ServiceLevel, Sla[]> cells = new EnumMap<>(ServiceLevel.class);
    PRODUCT_TABLE.forEach((level, row) -> {
      Sla[] slas = new Sla[row.length];
      for (int i = 0; i < row.length; i++) {
        slas[i] = switch (row[i]) {
          case "async" -> ASYNC;
          case "retro" -> RETRO;
          default -> new Sla(SlaClass.URGENT, Duration.ofMinutes(Long.parseLong(row[i].substring(0, row[i].length() - 1))));
        };
      }
      cells.put(level, slas);
    });
    return cells;
  }
}
