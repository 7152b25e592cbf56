package dev.baton.server.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.server.BatonServer;
import dev.baton.server.MutableClock;
import dev.baton.server.ServerSettings;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every figure of {@code GET /api/v1/reports/sla} on a generated data set whose answers the test
 * computes itself: 600 incidents over four weeks with deadlines, takes, closes, escalation and
 * triage entries, plus alerts resolved while pending; then the report over real HTTP, unfiltered,
 * filtered by MQL and by time.
 */
class SlaReportHttpTest {

  static final Instant START = Instant.parse("2026-10-05T00:00:00Z");
  static final long MIN = 60_000;
  static final long NOW = START.plus(Duration.ofDays(28)).toEpochMilli();
  static final String[] PROJECTS = {"alpha", "beta", "gamma", "delta"};
  static final String[] CHAINS = {"[\"#l1\"]", "[\"#l1\",\"#bravo\",\"@dmitry\"]", "[\"#l1\",\"@alice\"]",
      "[\"#ops\"]", "[\"@carol\"]"};
  static final String[] PENDING_TRIGGERS = {"Trigger3", "Trigger7", "Flappy", "Flappy", "Flappy"};
  static final ObjectMapper JSON = new ObjectMapper();

  /** An incident with what the report reads of it besides the row: deadline, escalations, triage closing. */
  record Gen(IncidentRows.Incident incident, long dueAt, int escalations, boolean closedByTriage) {
    String trigger() {
      return "Trigger" + (incident.id() % 50); // as IncidentRows names it
    }
  }

  record Noise(String project, String trigger, String team, long resolvedAt) {}

  @TempDir
  static Path dir;
  static BatonServer server;
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final List<Gen> DATA = new ArrayList<>();
  static final List<Noise> NOISE = new ArrayList<>();

  @BeforeAll
  static void generate() throws Exception {
    SplittableRandom random = new SplittableRandom(5);
    Path db = dir.resolve("baton.db");
    try (IncidentRows rows = IncidentRows.create(db)) {
      for (long id = 1; id <= 600; id++) {
        // the last 20 opened minutes before now: some still within their deadline, nobody on them yet
        boolean recent = id > 580;
        long opened = recent ? NOW - (1 + random.nextInt(10)) * MIN
            : START.toEpochMilli() + random.nextLong(27L * 24 * 60) * MIN;
        int severity = 1 + random.nextInt(9);
        long due = severity <= 6 ? opened + (5 + random.nextInt(56)) * MIN : 0;
        long taken = !recent && random.nextInt(10) < 7 ? opened + (1 + random.nextInt(90)) * MIN : 0;
        long closed = recent ? 0 : switch (random.nextInt(10)) {
          case 0 -> 0;
          case 1, 2 -> opened + (1 + random.nextInt(30)) * MIN; // quickly, maybe before anybody took it
          default -> Math.max(taken, opened) + (1 + random.nextInt(600)) * MIN;
        };
        if (closed != 0 && taken > closed) {
          taken = 0;
        }
        IncidentRows.Incident i = new IncidentRows.Incident(id, PROJECTS[random.nextInt(PROJECTS.length)], severity,
            opened, taken, closed, CHAINS[random.nextInt(CHAINS.length)], random.nextBoolean() ? "red" : "blue");
        rows.add(i);
        rows.deadline(id, due);
        int escalations = random.nextInt(6) == 0 ? 1 + random.nextInt(3) : 0;
        for (int k = 0; k < escalations; k++) {
          rows.timeline(id, opened + (k + 1) * MIN, "escalated", "{\"from\":\"#l1\",\"to\":\"#bravo\"}");
        }
        boolean byTriage = closed != 0 && taken == 0 && random.nextBoolean();
        if (byTriage) {
          rows.timeline(id, closed, "triaged", "{\"rule\":\"triage[0]\",\"action\":\"close_if_ok_before_taken\"}");
        } else if (random.nextInt(8) == 0) {
          rows.timeline(id, opened, "triaged", "{\"rule\":\"triage[1]\",\"action\":\"set_severity\",\"to\":\"S5\"}");
        }
        DATA.add(new Gen(i, due, escalations, byTriage));
      }
      for (long k = 0; k < 150; k++) {
        Noise n = new Noise(PROJECTS[random.nextInt(PROJECTS.length)],
            PENDING_TRIGGERS[random.nextInt(PENDING_TRIGGERS.length)], random.nextBoolean() ? "red" : "blue",
            START.toEpochMilli() + random.nextLong(27L * 24 * 60) * MIN);
        rows.pendingNoise(10_000 + k, n.project(), n.trigger(), n.team(), n.resolvedAt());
        NOISE.add(n);
      }
    }
    server = BatonServer.start(ServerSettings.forDatabase(db).withClock(new MutableClock(Instant.ofEpochMilli(NOW)))
        .withTickInterval(Duration.ZERO));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  static JsonNode send(String path, int status) throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + path))
        .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(status, r.statusCode(), path + ": " + r.body());
    return JSON.readTree(r.body());
  }

  static JsonNode report(String query) throws Exception {
    return send("/api/v1/reports/sla" + query, 200);
  }

  static String q(String mql) {
    return "q=" + URLEncoder.encode(mql, StandardCharsets.UTF_8);
  }

  // ---------------------------------------------------------------- the expectations, computed here

  /** 1 taken in time, -1 late, 0 neither (no deadline, or not taken and not overdue while waiting). */
  static int outcome(Gen g) {
    IncidentRows.Incident i = g.incident();
    if (g.dueAt() == 0) {
      return 0;
    }
    if (i.takenAt() != 0) {
      return i.takenAt() <= g.dueAt() ? 1 : -1;
    }
    long waited = i.closedAt() != 0 ? i.closedAt() : NOW;
    return waited > g.dueAt() ? -1 : 0;
  }

  static Duration percentile(List<Long> values, double share) {
    if (values.isEmpty()) {
      return null;
    }
    List<Long> sorted = values.stream().sorted().toList();
    // nearest rank: the first value with at least `share` of all values at or below it
    for (int k = 0; k < sorted.size(); k++) {
      if ((k + 1) >= share * sorted.size() - 1e-9) {
        return Duration.ofMillis(sorted.get(k));
      }
    }
    throw new AssertionError();
  }

  static void assertGroup(String key, List<Gen> of, JsonNode f) {
    assertEquals(key, f.get("key").asText());
    assertEquals(of.size(), f.get("incidents").asLong(), key);
    long inTime = of.stream().filter(g -> outcome(g) == 1).count();
    long late = of.stream().filter(g -> outcome(g) == -1).count();
    assertEquals(inTime, f.get("takenInTime").asLong(), key);
    assertEquals(late, f.get("late").asLong(), key);
    if (inTime + late == 0) {
      assertTrue(f.get("inTimeShare").isNull(), key);
    } else {
      assertEquals((double) inTime / (inTime + late), f.get("inTimeShare").asDouble(), 1e-12, key);
    }
    List<Long> toTake = of.stream().filter(g -> g.incident().takenAt() != 0)
        .map(g -> g.incident().takenAt() - g.incident().openedAt()).toList();
    assertEquals(toTake.size(), f.get("taken").asLong(), key);
    assertEquals(percentile(toTake, 0.5), duration(f.get("medianToTake")), key);
    assertEquals(percentile(toTake, 0.9), duration(f.get("p90ToTake")), key);
    assertEquals(of.stream().mapToLong(Gen::escalations).sum(), f.get("escalations").asLong(), key);
    assertEquals(of.stream().filter(g -> g.escalations() > 0).count(), f.get("escalated").asLong(), key);
  }

  static Duration duration(JsonNode n) {
    return n == null || n.isNull() ? null : Duration.parse(n.asText());
  }

  /** Groups ranked as the report ranks them: most incidents first, then by key. */
  static void assertGroups(List<Gen> data, Function<Gen, String> key, JsonNode list) {
    Map<String, List<Gen>> groups = new TreeMap<>();
    data.forEach(g -> groups.computeIfAbsent(key.apply(g), k -> new ArrayList<>()).add(g));
    List<Map.Entry<String, List<Gen>>> ranked = new ArrayList<>(groups.entrySet());
    ranked.sort(Map.Entry.<String, List<Gen>>comparingByValue((a, b) -> Integer.compare(b.size(), a.size()))
        .thenComparing(Map.Entry.comparingByKey()));
    assertEquals(ranked.size(), list.size());
    for (int k = 0; k < ranked.size(); k++) {
      assertGroup(ranked.get(k).getKey(), ranked.get(k).getValue(), list.get(k));
    }
  }

  static void assertReport(List<Gen> data, List<Noise> noise, JsonNode r) {
    assertEquals(data.size(), r.get("incidents").asLong());
    assertGroups(data, g -> g.incident().project(), r.get("perProject"));
    assertGroups(data, g -> IncidentReportHttpTest.team(g.incident().holderChain()), r.get("perTeam"));
    JsonNode perSeverity = r.get("perSeverity");
    int row = 0;
    for (int s = 1; s <= 9; s++) {
      int severity = s;
      List<Gen> of = data.stream().filter(g -> g.incident().severity() == severity).toList();
      if (!of.isEmpty()) {
        assertGroup("S" + s, of, perSeverity.get(row++));
      }
    }
    assertEquals(row, perSeverity.size());

    JsonNode n = r.get("noise");
    Predicate<Gen> asNoise = g -> g.incident().closedAt() != 0 && g.incident().takenAt() == 0;
    assertEquals(data.stream().filter(asNoise).count(), n.get("closedAsNoise").asLong());
    assertEquals(data.stream().filter(Gen::closedByTriage).count(), n.get("closedByTriage").asLong());
    if (noise == null) {
      assertTrue(n.get("resolvedWhilePending").isNull());
    } else {
      assertEquals(noise.size(), n.get("resolvedWhilePending").asLong());
    }
    Map<String, long[]> triggers = new TreeMap<>(); // incidents, as noise, by triage, pending
    for (Gen g : data) {
      long[] t = triggers.computeIfAbsent(g.trigger(), k -> new long[4]);
      t[0]++;
      t[1] += asNoise.test(g) ? 1 : 0;
      t[2] += g.closedByTriage() ? 1 : 0;
    }
    if (noise != null) {
      noise.forEach(x -> triggers.computeIfAbsent(x.trigger(), k -> new long[4])[3]++);
    }
    List<Map.Entry<String, long[]>> ranked = new ArrayList<>(triggers.entrySet());
    ranked.sort(Map.Entry.<String, long[]>comparingByValue((a, b) -> Long.compare(b[1] + b[3], a[1] + a[3]))
        .thenComparing(Map.Entry.comparingByKey()));
    JsonNode perTrigger = n.get("perTrigger");
    assertEquals(ranked.size(), perTrigger.size());
    for (int k = 0; k < ranked.size(); k++) {
      JsonNode t = perTrigger.get(k);
      long[] want = ranked.get(k).getValue();
      String trigger = ranked.get(k).getKey();
      assertEquals(trigger, t.get("trigger").asText());
      assertEquals(want[0], t.get("incidents").asLong(), trigger);
      assertEquals(want[1], t.get("closedAsNoise").asLong(), trigger);
      assertEquals(want[2], t.get("closedByTriage").asLong(), trigger);
      if (want[0] == 0) {
        assertTrue(t.get("noiseShare").isNull(), trigger);
      } else {
        assertEquals((double) want[1] / want[0], t.get("noiseShare").asDouble(), 1e-12, trigger);
      }
      if (noise == null) {
        assertTrue(t.get("resolvedWhilePending").isNull(), trigger);
      } else {
        assertEquals(want[3], t.get("resolvedWhilePending").asLong(), trigger);
      }
    }
  }

  @Test
  void everyFigureMatchesTheGeneratedAnswers() throws Exception {
    JsonNode r = report("");
    assertReport(DATA, NOISE, r);
    assertNull(r.get("from").textValue());
    assertTrue(DATA.stream().filter(g -> outcome(g) == 0 && g.dueAt() != 0).count() > 0,
        "some incidents are still within their deadline");
    assertTrue(r.get("noise").get("closedByTriage").asLong() > 10);
    assertEquals("Flappy", r.get("noise").get("perTrigger").get(0).get("trigger").asText(),
        "the trigger that only ever resolved while pending is the noisiest");
  }

  @Test
  void mqlAndTheTimeRangeNarrowEveryFigure() throws Exception {
    assertReport(DATA.stream().filter(g -> g.incident().project().equals("beta")).toList(),
        NOISE.stream().filter(n -> n.project().equals("beta")).toList(), report("?" + q("project = beta")));
    assertReport(DATA.stream().filter(g -> g.incident().team().equals("red") && g.incident().severity() <= 3).toList(),
        NOISE.stream().filter(n -> n.team().equals("red")).toList(), report("?" + q("~team = red AND severity <= S3")));
    Instant from = START.plus(Duration.ofDays(7));
    Instant to = START.plus(Duration.ofDays(21));
    Predicate<Long> inRange = t -> t >= from.toEpochMilli() && t < to.toEpochMilli();
    JsonNode ranged = report("?from=2026-10-12&to=" + to);
    assertEquals(from.toString(), ranged.get("from").asText());
    assertReport(DATA.stream().filter(g -> inRange.test(g.incident().openedAt())).toList(),
        NOISE.stream().filter(n -> inRange.test(n.resolvedAt())).toList(), ranged);
  }

  @Test
  void fieldsAlertsDoNotHaveLeavePendingNoiseOut() throws Exception {
    assertReport(DATA.stream().filter(g -> g.dueAt() != 0).toList(), null, report("?" + q("class = urgent")));
  }

  @Test
  void badParametersAreLocated() throws Exception {
    JsonNode q = send("/api/v1/reports/sla?" + q("project = "), 400);
    assertEquals("q", q.get("parameter").asText());
    assertEquals(1, q.get("problems").size());
    assertEquals("from", send("/api/v1/reports/sla?from=yesterday", 400).get("parameter").asText());
    assertEquals("to", send("/api/v1/reports/sla?from=2026-11-02&to=2026-11-01", 400).get("parameter").asText());
  }
}
