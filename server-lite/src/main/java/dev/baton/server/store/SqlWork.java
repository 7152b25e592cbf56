package dev.baton.server.store;

import java.sql.Connection;
import java.sql.SQLException;

/** Statements run on the writer's connection inside its transaction (see {@link StoreTransaction#sql}). */
@FunctionalInterface
public interface SqlWork<T> {

  /** Must neither commit nor roll back: the writer does, for the whole batch. */
  T run(Connection connection) throws SQLException;
}
