package dev.baton.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MainTest {

  private static String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new String[] {Integer.toString(code), out.toString(), err.toString()};
  }

  @Test
  void badFlagsGiveAMessageAndExitCode2() {
    String[] r = run("post", "--url", "http://127.0.0.1:1/api/v2/alerts", "--batch", "0");
    assertEquals("2", r[0]);
    assertTrue(r[2].contains("--batch must be 1..10000, got 0"), r[2]);

    r = run("post", "--url", "http://192.0.2.1:9093/api/v2/alerts");
    assertEquals("2", r[0]);
    assertTrue(r[2].contains("refusing non-loopback target"), r[2]);
  }

  @Test
  void compareLinesUpTwoTargetsWithTheirRatio(@TempDir Path dir) throws Exception {
    Path tsv = dir.resolve("results.tsv");
    LoadSpec spec = new LoadSpec(java.net.URI.create("http://127.0.0.1:1/api/v2/alerts"), 8, 1, 100_000, 1, 0,
        Duration.ofSeconds(60), "t");
    Report.appendTsv(tsv, "alertmanager", "a", spec, result(100_000, 10, 200));
    Report.appendTsv(tsv, "baton", "a", spec, result(100_000, 5, 150));
    Report.appendTsv(tsv, "alertmanager", "b", spec, result(100_000, 4, 200));

    String[] r = run("compare", "--tsv", tsv.toString(), "--baseline", "alertmanager", "--candidate", "baton");

    assertEquals("0", r[0], r[2]);
    String[] lines = r[1].split("\n");
    assertEquals(4, lines.length, r[1]);
    assertTrue(lines[2].startsWith("| a (100k distinct, batch 1, 8 conn) | 10000 | 20000 | 2.00 | 1 run | 1 run |"
        + " 0.500 / 2.000 | 0.500 / 2.000 | 200.0 | 150.0 | 3.00 | 3.00 | 50.0 | 50.0 | none / none |"), lines[2]);
    assertTrue(lines[3].startsWith("| b (100k distinct, batch 1, 8 conn) | 25000 | — | — |"), lines[3]);
  }

  @Test
  void repeatedRunsAreRepresentedByTheMedianRun(@TempDir Path dir) throws Exception {
    Path tsv = dir.resolve("results.tsv");
    LoadSpec spec = new LoadSpec(java.net.URI.create("http://127.0.0.1:1/api/v2/alerts"), 8, 1, 100_000, 1, 0,
        Duration.ofSeconds(60), "t");
    Report.appendTsv(tsv, "baton", "a", spec, result(100_000, 4, 301));  // 25000/s
    Report.appendTsv(tsv, "baton", "a", spec, result(100_000, 10, 302)); // 10000/s
    Report.appendTsv(tsv, "baton", "a", spec, result(100_000, 5, 303));  // 20000/s: the median
    Report.appendTsv(tsv, "alertmanager", "a", spec, result(100_000, 10, 200));

    String[] r = run("compare", "--tsv", tsv.toString(), "--baseline", "alertmanager", "--candidate", "baton");

    String row = r[1].split("\n")[2];
    assertTrue(row.contains("| 10000 | 20000 | 2.00 | 1 run | 10000–25000 (3 runs) |"), row);
    assertTrue(row.contains("| 200.0 | 303.0 |"), "RSS of the median run: " + row);
  }

  @Test
  void compareNamesTheLineOfABrokenFile(@TempDir Path dir) throws Exception {
    Path tsv = dir.resolve("results.tsv");
    Files.writeString(tsv, String.join("\t", Report.TSV_COLUMNS) + "\nbaton\ta\t1\n");

    String[] r = run("compare", "--tsv", tsv.toString(), "--baseline", "alertmanager", "--candidate", "baton");

    assertEquals("2", r[0]);
    assertTrue(r[2].contains("line 2: 3 columns, expected 22"), r[2]);
  }

  private static PhaseResult result(long accepted, long seconds, long rssMib) {
    Map<String, Long> errors = new TreeMap<>();
    return new PhaseResult("measured", (int) accepted, 1, accepted, accepted, accepted, Duration.ofSeconds(seconds),
        new PhaseResult.Latency(500_000, 2_000_000, 9_000_000), new TreeMap<>(errors), false,
        new PhaseResult.TargetUsage(1, rssMib << 20, (rssMib + 10) << 20, Duration.ofSeconds(3), 50L << 20), Duration.ofSeconds(1));
  }
}
