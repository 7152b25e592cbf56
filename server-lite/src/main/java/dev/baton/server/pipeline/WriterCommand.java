package dev.baton.server.pipeline;

import dev.baton.server.store.StoreTransaction;

/**
 * A write that is not an alert (a post-mortem and its parts), applied by the single writer in its
 * next group-commit transaction so that SQLite keeps one writer. Its result is returned once the
 * transaction committed. Foreseeable refusals (a stale version, an unknown id) must be returned as
 * results, never thrown: a throw rolls its batch back (the writer then applies the batch one by
 * one, so that only the command fails), and a failed SQL statement fails the whole batch, alerts
 * included, which their senders retry.
 */
@FunctionalInterface
public interface WriterCommand<T> {

  T apply(StoreTransaction tx, long now);
}
