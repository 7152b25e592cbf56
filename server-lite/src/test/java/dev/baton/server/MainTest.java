package dev.baton.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MainTest {

  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    PrintWriter o = new PrintWriter(out, true);
    PrintWriter e = new PrintWriter(err, true);
    int code = new CommandLine(new Main(o, e)).setOut(o).setErr(e).execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void versionIsTheOneTheBuildStamped() {
    Run run = run("--version");
    assertEquals(0, run.code());
    assertEquals("baton-server " + System.getProperty("baton.project.version"), run.out().strip());
  }

  @Test
  void aTakenPortIsAClearFailure() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Run r = run("--listen", "127.0.0.1:" + taken.getLocalPort(), "--db", dir.resolve("b.db").toString());
      assertEquals(StartupException.Reason.ADDRESS_UNAVAILABLE.exitCode(), r.code());
      assertTrue(r.err().contains("cannot listen on 127.0.0.1:" + taken.getLocalPort()), r.err());
      assertTrue(!r.err().contains("\tat "), r.err());
    }
  }

  @Test
  void anUnwritableDatabaseIsAClearFailure() throws Exception {
    Path file = Files.writeString(dir.resolve("a-file"), "x");
    Run r = run("--listen", "127.0.0.1:0", "--db", file.resolve("baton.db").toString());
    assertEquals(StartupException.Reason.DATABASE.exitCode(), r.code());
    assertTrue(r.err().contains("cannot create the folder for database " + file.resolve("baton.db")), r.err());
  }

  @Test
  void aBadConfigListsEveryProblemWithItsPath() throws Exception {
    Path config = Files.writeString(dir.resolve("baton.yml"), "projects:\n  x:\n    service_level: Diamond\nlimits:\n  queue: 0\n");
    Run r = run("--listen", "127.0.0.1:0", "--db", dir.resolve("b.db").toString(), "--config", config.toString());
    assertEquals(StartupException.Reason.BAD_CONFIG.exitCode(), r.code());
    assertTrue(r.err().contains("projects.x.service_level: expected one of Platinum, Gold, Silver, None"), r.err());
    assertTrue(r.err().contains("limits.queue: expected a positive whole number"), r.err());
  }

  @Test
  void theRunbooksFlagWinsOverTheConfigFileWhichIsRelativeToItsFolder() throws Exception {
    Path config = Files.writeString(Files.createDirectories(dir.resolve("etc")).resolve("baton.yml"), "runbooks: book\n");
    Main fromFile = new Main(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    new CommandLine(fromFile).parseArgs("--config", config.toString());
    assertEquals(dir.resolve("etc/book").toAbsolutePath(), fromFile.settings().config().runbooks());
    Main fromFlag = new Main(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    new CommandLine(fromFlag).parseArgs("--config", config.toString(), "--runbooks", dir.resolve("other").toString());
    assertEquals(dir.resolve("other").toAbsolutePath(), fromFlag.settings().config().runbooks());
  }

  @Test
  void aNonLoopbackAddressNeedsTokensOrInsecure() {
    Run r = run("--listen", "0.0.0.0:0", "--db", dir.resolve("b.db").toString());
    assertEquals(StartupException.Reason.INSECURE.exitCode(), r.code());
    assertTrue(r.err().contains("--insecure"), r.err());
    assertTrue(!Files.exists(dir.resolve("b.db")), "refused before touching the database");
  }

  @Test
  void badFlagValuesAreUsageErrors() {
    Run sync = run("--synchronous", "sometimes");
    assertEquals(2, sync.code());
    assertTrue(sync.err().contains("expected normal or full, got 'sometimes'"), sync.err());
    Run listen = run("--listen", "127.0.0.1:99999", "--db", dir.resolve("b.db").toString());
    assertEquals(StartupException.Reason.ADDRESS_UNAVAILABLE.exitCode(), listen.code());
    assertTrue(listen.err().contains("expected HOST:PORT"), listen.err());
  }

  @Test
  void startsFromEnvironmentVariablesAndPrintsWhereItListens() throws Exception {
    Path db = dir.resolve("data").resolve("env.db");
    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName());
    pb.environment().put("BATON_LISTEN", "127.0.0.1:0");
    pb.environment().put("BATON_DB", db.toString());
    pb.environment().put("BATON_SYNCHRONOUS", "full");
    pb.redirectErrorStream(true);
    Process p = pb.start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      Pattern listening = Pattern.compile("baton-server listening on (http://127\\.0\\.0\\.1:\\d+) with database (.*) \\(synchronous full\\)");
      String url = null;
      for (String line; url == null && (line = out.readLine()) != null; ) {
        Matcher m = listening.matcher(line);
        if (m.find()) {
          url = m.group(1);
          assertEquals(db.toString(), m.group(2));
        }
      }
      assertTrue(url != null, "printed the address");
      HttpResponse<String> ready = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(url + "/-/ready")).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, ready.statusCode());
      assertTrue(Files.exists(db));
    } finally {
      p.destroy();
      assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the receiver did not stop within 60 s of SIGTERM");
    }
  }
}
