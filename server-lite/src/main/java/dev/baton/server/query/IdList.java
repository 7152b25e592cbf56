package dev.baton.server.query;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;

/** An {@code IN (?,?,…)} list of row ids, as the reads of a page of cards or alerts use: its placeholders and their binding. */
final class IdList {

  private IdList() {}

  /** {@code ?,?,…,?}: {@code count} placeholders (at least one). */
  static String placeholders(int count) {
    return "?,".repeat(count - 1) + "?";
  }

  /** Binds {@code ids} to the statement's first parameters, in their order. */
  static void bind(PreparedStatement ps, Collection<Long> ids) throws SQLException {
    int index = 1;
    for (long id : ids) {
      ps.setLong(index++, id);
    }
  }
}
