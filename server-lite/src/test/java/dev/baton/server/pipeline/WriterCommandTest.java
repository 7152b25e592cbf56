package dev.baton.server.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.baton.server.DatabaseRows;
import dev.baton.server.MutableClock;
import dev.baton.server.config.ConfigLoader;
import dev.baton.server.ingest.Event;
import dev.baton.server.metrics.ReceiverMetrics;
import dev.baton.server.store.SqliteStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The writer's command seam (post-mortem writes) beside alert submissions, on a real SQLite file. */
class WriterCommandTest {

  static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

  @TempDir Path dir;
  SqliteStore store;
  Pipeline pipeline;

  @BeforeEach
  void open() throws Exception {
    store = SqliteStore.open(dir.resolve("baton.db"), SqliteStore.Synchronous.NORMAL);
    pipeline = new Pipeline(store, ConfigLoader.parse("", "test"), new MutableClock(T0), new ReceiverMetrics());
    pipeline.start();
  }

  @AfterEach
  void shut() {
    pipeline.close();
    store.close();
  }

  private CompletableFuture<Void> alert(String name) {
    Event e = new Event(Map.of("alertname", name), Map.of(), Event.Kind.LASTING, Event.Status.FIRING, T0, null, null,
        null, null);
    return pipeline.submit(new Submission(new Source("test", null), "test", "127.0.0.1", "application/json",
        "{}".getBytes(StandardCharsets.UTF_8), List.of(e), T0.toEpochMilli()));
  }

  /** Inserts a post-mortem row on the writer's connection; its id. */
  private static WriterCommand<Long> insert(String title) {
    return (tx, now) -> tx.sql(c -> {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO postmortems (title, status, created_at, created_by,"
          + " updated_at, updated_by, version) VALUES (?, 'draft', ?, 'test', ?, 'test', 1) RETURNING id")) {
        ps.setString(1, title);
        ps.setLong(2, now);
        ps.setLong(3, now);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return rs.getLong(1);
        }
      }
    });
  }

  private long count(String sql) throws Exception {
    return ((Number) DatabaseRows.query(store.file(), sql).get(0).get(0)).longValue();
  }

  @Test
  void aCommandsResultArrivesOnceItIsCommitted() throws Exception {
    long id = pipeline.write(insert("first")).get(30, TimeUnit.SECONDS);
    List<List<Object>> rows = DatabaseRows.query(store.file(), "SELECT id, title, created_at FROM postmortems");
    assertEquals(1, rows.size());
    assertEquals(id, ((Number) rows.get(0).get(0)).longValue());
    assertEquals("first", rows.get(0).get(1));
    assertEquals(T0.toEpochMilli(), ((Number) rows.get(0).get(2)).longValue(), "the writer's clock");
  }

  @Test
  void aCommandThatThrowsFailsAloneAndAlertsBesideItAreStored() throws Exception {
    List<CompletableFuture<Void>> alerts = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      alerts.add(alert("A" + i));
    }
    CompletableFuture<Object> broken = pipeline.write((tx, now) -> {
      throw new IllegalStateException("a bug in a command");
    });
    for (int i = 20; i < 40; i++) {
      alerts.add(alert("A" + i));
    }
    for (CompletableFuture<Void> a : alerts) {
      a.get(30, TimeUnit.SECONDS);
    }
    ExecutionException e = assertThrows(ExecutionException.class, () -> broken.get(30, TimeUnit.SECONDS));
    assertInstanceOf(Unavailable.class, e.getCause());
    assertEquals(40, count("SELECT count(*) FROM alerts"));
  }

  @Test
  void aFailedStatementIsReportedAndTheWriterGoesOn() throws Exception {
    CompletableFuture<Object> bad = pipeline.write((tx, now) -> tx.sql(c -> {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO no_such_table VALUES (1)")) {
        return ps.executeUpdate();
      }
    }));
    ExecutionException e = assertThrows(ExecutionException.class, () -> bad.get(30, TimeUnit.SECONDS));
    assertInstanceOf(Unavailable.class, e.getCause());
    alert("After").get(30, TimeUnit.SECONDS);
    long id = pipeline.write(insert("after the failure")).get(30, TimeUnit.SECONDS);
    assertEquals(1, count("SELECT count(*) FROM alerts"));
    assertEquals(1, count("SELECT count(*) FROM postmortems WHERE id = " + id));
  }
}
