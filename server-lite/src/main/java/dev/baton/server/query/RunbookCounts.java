package dev.baton.server.query;

import dev.baton.mql.sql.SqlFragment;
import dev.baton.server.runbook.Runbook;
import dev.baton.server.runbook.RunbookLibrary;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How many runbooks match each card of a page: every runbook's MQL compiled to SQL once per
 * library (the same compiler as the list's {@code q}), summed in one statement over the page's
 * ids, so a page costs one more query whatever its size.
 */
final class RunbookCounts {

  private static final Logger LOG = LoggerFactory.getLogger(RunbookCounts.class);

  /** The library's runbooks as one SQL sum, or a null sum when it has none. */
  private record Compiled(RunbookLibrary library, String sum, List<Object> parameters) {}

  private final Supplier<RunbookLibrary> library;
  private volatile Compiled compiled;

  RunbookCounts(Supplier<RunbookLibrary> library) {
    this.library = library;
  }

  /** Matching runbooks per incident id; ids with none are left out. */
  Map<Long, Integer> count(Connection c, Collection<Long> ids) throws SQLException {
    Compiled k = compiled();
    if (k.sum() == null || ids.isEmpty()) {
      return Map.of();
    }
    Map<Long, Integer> counts = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT i.id, " + k.sum() + " FROM incidents i WHERE i.id IN ("
        + IdList.placeholders(ids.size()) + ")")) {
      int index = 1;
      for (Object p : k.parameters()) {
        ps.setObject(index++, p);
      }
      for (long id : ids) {
        ps.setLong(index++, id);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          if (rs.getInt(2) > 0) {
            counts.put(rs.getLong(1), rs.getInt(2));
          }
        }
      }
    }
    return counts;
  }

  private Compiled compiled() {
    RunbookLibrary now = library.get();
    Compiled k = compiled;
    if (k != null && k.library() == now) {
      return k;
    }
    List<String> terms = new ArrayList<>();
    List<Object> parameters = new ArrayList<>();
    for (Runbook r : now.runbooks()) {
      try {
        SqlFragment f = MqlFilters.incidents("mql", r.mql());
        terms.add("(CASE WHEN (" + f.sql() + ") THEN 1 ELSE 0 END)");
        parameters.addAll(f.parameters());
      } catch (BadRequest e) {
        LOG.warn("runbook {}: its mql cannot be counted on cards: {}", r.path(), e.getMessage());
      }
    }
    k = new Compiled(now, terms.isEmpty() ? null : String.join(" + ", terms), parameters);
    compiled = k;
    return k;
  }
}
