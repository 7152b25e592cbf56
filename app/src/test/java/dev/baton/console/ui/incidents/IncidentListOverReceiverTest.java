package dev.baton.console.ui.incidents;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.baton.client.BatonClient;
import dev.baton.console.TestReceiver;
import dev.baton.console.incident.ApiIncidentSource;
import dev.baton.console.incident.IncidentCard;
import dev.baton.console.incident.IncidentChange;
import dev.baton.console.incident.IncidentSource;
import dev.baton.console.incident.IncidentView;
import dev.baton.console.incident.Operator;
import dev.baton.console.task.UiThreadTaskExecutor;
import dev.baton.mql.Mql;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The list over a real receiver's API and stream (SQLite file, loopback HTTP), without a screen. */
class IncidentListOverReceiverTest {

  @TempDir
  Path dir;

  /** Counts the reads of the whole list. */
  private static final class CountingSource implements IncidentSource {
    private final IncidentSource real;
    final AtomicInteger loads = new AtomicInteger();

    CountingSource(IncidentSource real) {
      this.real = real;
    }

    @Override
    public List<IncidentCard> load() throws IOException {
      loads.incrementAndGet();
      return real.load();
    }

    @Override
    public AutoCloseable subscribe(Consumer<IncidentChange> changes) {
      return real.subscribe(changes);
    }
  }

  private static void await(String what, Callable<Boolean> condition) throws Exception {
    long until = System.nanoTime() + 60_000_000_000L;
    while (!condition.call()) {
      if (System.nanoTime() > until) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(50);
    }
  }

  @Test
  void readsTheListOnceAtStartThenFollowsTheStream() throws Exception {
    try (TestReceiver receiver = TestReceiver.start(dir);
        UiThreadTaskExecutor tasks = new UiThreadTaskExecutor();
        ApiIncidentSource api = new ApiIncidentSource(BatonClient.builder(receiver.url()).build())) {
      receiver.fire("DiskFull", "alpha", "critical", Map.of("instance", "db1"), Map.of());
      receiver.fire("CpuHot", "beta", "warning", Map.of("instance", "app1"), Map.of());
      CountingSource source = new CountingSource(api);
      IncidentListViewModel list = new IncidentListViewModel(source, tasks, new Operator("alice", Set.of()),
          Mql.forIncidents());
      tasks.onUi(() -> {
        list.show(IncidentView.ALL);
        list.load();
        return null;
      });

      await("the two incidents", () -> tasks.onUi(() -> list.shown().size() == 2 && !list.loadingProperty().get()));
      receiver.fire("MemLow", "gamma", "warning", Map.of("instance", "app2"), Map.of());
      await("the third, by the stream", () -> tasks.onUi(() -> list.shown().size() == 3));

      assertEquals(1, source.loads.get(), "the list is read once: the stream's first reload is the start");
      list.close();
    }
  }
}
