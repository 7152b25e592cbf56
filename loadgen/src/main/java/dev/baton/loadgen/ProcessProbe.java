package dev.baton.loadgen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Reads a process's resident memory and CPU time from Linux's /proc, the same figures {@code ps}
 * and {@code top} show, so that a JVM and a Go binary are measured alike.
 */
final class ProcessProbe {

  /** USER_HZ: the unit of utime/stime in /proc/PID/stat; 100 on every Linux ABI. */
  private static final long CLOCK_TICKS_PER_SECOND = 100;

  private final long pid;
  private final Path status;
  private final Path stat;
  private final Path io;

  ProcessProbe(long pid) {
    this.pid = pid;
    this.status = Path.of("/proc", Long.toString(pid), "status");
    this.stat = Path.of("/proc", Long.toString(pid), "stat");
    this.io = Path.of("/proc", Long.toString(pid), "io");
    if (!Files.isReadable(status)) {
      throw new IllegalArgumentException("--pid " + pid + ": no such process (cannot read " + status + ")");
    }
  }

  long pid() {
    return pid;
  }

  /** Resident set size now (VmRSS), in bytes. */
  long rssBytes() throws IOException {
    return statusKilobytes("VmRSS:") * 1024;
  }

  /** Peak resident set size since the process started (VmHWM), in bytes. */
  long peakRssBytes() throws IOException {
    return statusKilobytes("VmHWM:") * 1024;
  }

  /** User plus system CPU time used so far. */
  Duration cpuTime() throws IOException {
    String line = read(stat);
    // The command name (field 2) is in parentheses and may contain spaces: fields count from after the last ')'.
    int close = line.lastIndexOf(')');
    String[] fields = line.substring(close + 2).trim().split(" ");
    // After ')': state(3) ppid(4) ... utime(14) stime(15) → indexes 11 and 12 here.
    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    return Duration.ofMillis(ticks * 1000 / CLOCK_TICKS_PER_SECOND);
  }

  /**
   * Bytes the process caused to be written to storage so far (write_bytes of /proc/PID/io), or -1
   * when that file cannot be read (another user's process, or a kernel without I/O accounting).
   */
  long writtenBytes() {
    try {
      for (String line : Files.readString(io).split("\n")) {
        if (line.startsWith("write_bytes:")) {
          return Long.parseLong(line.substring("write_bytes:".length()).trim());
        }
      }
    } catch (IOException | RuntimeException e) {
      // not readable: the figure is left out
    }
    return -1;
  }

  private long statusKilobytes(String key) throws IOException {
    for (String line : read(status).split("\n")) {
      if (line.startsWith(key)) {
        String value = line.substring(key.length()).trim(); // "123456 kB"
        return Long.parseLong(value.substring(0, value.indexOf(' ')));
      }
    }
    throw new IOException(status + " has no " + key + " line (a kernel thread or a zombie?)");
  }

  private String read(Path file) throws IOException {
    try {
      return Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new IOException("process " + pid + " is gone", e);
    }
  }
}
