package dev.baton.loadgen;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessProbeTest {

  @Test
  void readsMemoryAndCpuOfARunningProcess() throws Exception {
    ProcessProbe self = new ProcessProbe(ProcessHandle.current().pid());
    // allocate and touch 64 MiB so the resident set must be at least that large
    byte[] block = new byte[64 * 1024 * 1024];
    for (int i = 0; i < block.length; i += 4096) {
      block[i] = 1;
    }
    long rss = self.rssBytes();
    assertTrue(rss >= 64L * 1024 * 1024, "RSS " + rss);
    assertTrue(self.peakRssBytes() >= rss);

    // Spin until this thread alone has used 300 ms of CPU (wall time would depend on the machine's load);
    // the process's utime+stime must count at least that, give or take the 10 ms clock tick.
    var threads = java.lang.management.ManagementFactory.getThreadMXBean();
    Duration before = self.cpuTime();
    long until = threads.getCurrentThreadCpuTime() + 300_000_000L;
    long x = 0;
    while (threads.getCurrentThreadCpuTime() < until) {
      x += block[(int) (x & 0xfff)] + 1;
    }
    Duration used = self.cpuTime().minus(before);
    assertTrue(used.toMillis() >= 280, "thread used 300 ms of CPU, process counted " + used.toMillis() + " ms (" + x + ")");
  }

  @Test
  void countsBytesAProcessWritesToStorage(@TempDir Path dir) throws Exception {
    ProcessProbe self = new ProcessProbe(ProcessHandle.current().pid());
    long before = self.writtenBytes();
    assumeTrue(before >= 0, "this kernel does not account I/O per process");
    try (FileChannel out = FileChannel.open(dir.resolve("blob"), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      out.write(ByteBuffer.allocate(8 * 1024 * 1024));
      out.force(true); // write_bytes counts what reaches the storage layer
    }
    long written = self.writtenBytes() - before;
    assertTrue(written >= 8L * 1024 * 1024, "wrote and synced 8 MiB, counted " + written);
  }

  @Test
  void anUnknownPidIsAClearError() {
    var e = assertThrows(IllegalArgumentException.class, () -> new ProcessProbe(Integer.MAX_VALUE));
    assertTrue(e.getMessage().contains("no such process"), e.getMessage());
  }
}
