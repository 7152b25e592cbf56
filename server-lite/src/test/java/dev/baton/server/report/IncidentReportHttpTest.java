package dev.baton.server.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
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
 * Every figure of {@code GET /api/v1/reports/incidents} on a generated data set whose answers the
 * test computes itself: 400 incidents over four weeks (durations clustered around 1 h and 12 h as
 * in the seed article, plus a spread), post-mortems written through the API for every fifth one
 * (some covering two incidents), then the report over real HTTP, unfiltered and filtered.
 */
class IncidentReportHttpTest {

  static final Instant START = Instant.parse("2026-10-05T00:00:00Z"); // a Monday, ISO week 41
  static final long MIN = 60_000;
  static final String[] PROJECTS = {"alpha", "beta", "gamma", "delta"};
  static final String[] CHAINS = {"[]", "[\"#l1\"]", "[\"#l1\",\"#bravo\",\"@dmitry\"]", "[\"#l1\",\"@alice\"]",
      "[\"#ops\"]"};
  static final String[] TRIGGERS = {null, "release", "release", "release", "configuration_change",
      "hardware_maintenance", "capacity", "unknown", "unknown"};
  static final String[] DETECTION = {null, "alert", "alert", "user_report", "colleague", "dashboard"};
  static final String[] DAMAGE = {null, "unavailability", "unavailability", "slowness", "wrong_behaviour", "data_loss"};
  static final String[] WOULD_HAVE = {null, "no", "no", "prevented", "shortened"};
  static final String[] KINDS = {"http_errors", "new_log_errors", "system_resources"};
  /** The histogram's bar bounds as specified, in minutes. */
  static final long[] BOUNDS = {0, 5, 10, 25, 45, 80, 150, 270, 540, 960, 1800, 4320, 10080};
  static final ObjectMapper JSON = new ObjectMapper();

  /** An incident and, when covered, its post-mortem's fields. */
  record Gen(IncidentRows.Incident incident, Pm pm) {
  }

  record Pm(List<Long> incidents, Long failureStart, Long failureEnd, String trigger, String detection, String damage,
      String wouldHave, String kind) {
  }

  @TempDir
  static Path dir;
  static BatonServer server;
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final List<Gen> DATA = new ArrayList<>();

  @BeforeAll
  static void generate() throws Exception {
    SplittableRandom random = new SplittableRandom(8);
    List<IncidentRows.Incident> incidents = new ArrayList<>();
    Path db = dir.resolve("baton.db");
    try (IncidentRows rows = IncidentRows.create(db)) {
      for (long id = 1; id <= 400; id++) {
        long opened = START.toEpochMilli() + random.nextLong(28L * 24 * 60) * MIN;
        long taken = random.nextInt(10) < 7 ? opened + (1 + random.nextInt(30)) * MIN : 0;
        long duration = switch (random.nextInt(20)) {
          case 0, 1, 2, 3, 4, 5, 6 -> (50 + random.nextInt(25)) * MIN; // around 1 h
          case 7, 8, 9, 10, 11 -> (600 + random.nextInt(240)) * MIN; // around 12 h
          default -> (long) Math.exp(Math.log(MIN) + random.nextDouble() * Math.log(7200)); // 1 min .. 5 d
        };
        long closed = random.nextInt(10) == 0 ? 0 : opened + duration;
        IncidentRows.Incident i = new IncidentRows.Incident(id, PROJECTS[random.nextInt(PROJECTS.length)],
            1 + random.nextInt(4), opened, closed != 0 && taken > closed ? 0 : taken, closed,
            CHAINS[random.nextInt(CHAINS.length)], random.nextBoolean() ? "red" : "blue");
        rows.add(i);
        incidents.add(i);
      }
    }
    MutableClock clock = new MutableClock(START.plus(Duration.ofDays(40)));
    server = BatonServer.start(ServerSettings.forDatabase(db).withClock(clock).withTickInterval(Duration.ZERO));
    Map<Long, Pm> covered = new LinkedHashMap<>();
    for (int k = 0; k < incidents.size(); k += 5) {
      IncidentRows.Incident first = incidents.get(k);
      List<Long> ids = new ArrayList<>(List.of(first.id()));
      if (k % 15 == 0) {
        ids.add(incidents.get(k + 1).id()); // some post-mortems cover two incidents
      }
      String wouldHave = WOULD_HAVE[random.nextInt(WOULD_HAVE.length)];
      boolean helps = "prevented".equals(wouldHave) || "shortened".equals(wouldHave);
      boolean timed = first.closedAt() != 0 && random.nextBoolean();
      Pm pm = new Pm(ids, timed ? first.openedAt() - 5 * MIN : null, timed ? first.closedAt() + 10 * MIN : null,
          TRIGGERS[random.nextInt(TRIGGERS.length)], DETECTION[random.nextInt(DETECTION.length)],
          DAMAGE[random.nextInt(DAMAGE.length)], wouldHave, helps ? KINDS[random.nextInt(KINDS.length)] : null);
      write(pm);
      ids.forEach(id -> covered.put(id, pm));
    }
    for (IncidentRows.Incident i : incidents) {
      DATA.add(new Gen(i, covered.get(i.id())));
    }
  }

  /** Creates the post-mortem and fills its fields through the API, as a person would. */
  static void write(Pm pm) throws Exception {
    JsonNode created = send("POST", "/api/v1/postmortems", JSON.writeValueAsString(Map.of("incidentIds",
        pm.incidents())), null, 201);
    ObjectNode f = JSON.createObjectNode();
    f.put("title", created.get("title").asText());
    f.put("status", "in_review");
    f.set("incidentIds", created.get("incidentIds"));
    f.put("failureStart", pm.failureStart() == null ? null : Instant.ofEpochMilli(pm.failureStart()).toString());
    f.put("failureEnd", pm.failureEnd() == null ? null : Instant.ofEpochMilli(pm.failureEnd()).toString());
    f.put("triggerCategory", pm.trigger());
    f.put("detection", pm.detection());
    f.put("damageCategory", pm.damage());
    f.put("alertWouldHave", pm.wouldHave());
    f.put("alertKind", pm.kind());
    send("PUT", "/api/v1/postmortems/" + created.get("id").asLong(), f.toString(),
        "\"" + created.get("version").asLong() + "\"", 200);
  }

  static JsonNode send(String method, String path, String body, String ifMatch, int status) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + path)).timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (ifMatch != null) {
      b.header("If-Match", ifMatch);
    }
    HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(status, r.statusCode(), method + " " + path + ": " + r.body());
    return JSON.readTree(r.body());
  }

  static JsonNode report(String query) throws Exception {
    return send("GET", "/api/v1/reports/incidents" + query, null, null, 200);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  // ---------------------------------------------------------------- the expectations, computed here

  static Long duration(Gen g) {
    if (g.pm() != null && g.pm().failureStart() != null && g.pm().failureEnd() != null) {
      return g.pm().failureEnd() - g.pm().failureStart();
    }
    return g.incident().closedAt() == 0 ? null : g.incident().closedAt() - g.incident().openedAt();
  }

  static List<Long> histogram(List<Gen> data) {
    long[] bars = new long[BOUNDS.length + 1];
    for (Gen g : data) {
      Long d = duration(g);
      if (d == null) {
        bars[BOUNDS.length]++;
        continue;
      }
      int bar = 0;
      for (int k = 0; k < BOUNDS.length; k++) {
        if (d >= BOUNDS[k] * MIN) {
          bar = k;
        }
      }
      bars[bar]++;
    }
    List<Long> out = new ArrayList<>();
    for (long b : bars) {
      out.add(b);
    }
    return out;
  }

  /** id -> count, ranked as the report ranks: most first, then by id. */
  static Map<String, Long> ranked(List<Gen> data, Predicate<Gen> which, Function<Gen, String> key) {
    Map<String, Long> counts = new TreeMap<>();
    for (Gen g : data) {
      if (which.test(g)) {
        String k = key.apply(g);
        counts.merge(k == null ? "(not set)" : k, 1L, Long::sum);
      }
    }
    Map<String, Long> out = new LinkedHashMap<>();
    counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
        .thenComparing(Map.Entry.comparingByKey())).forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  static Map<String, Long> counts(JsonNode list) {
    Map<String, Long> out = new LinkedHashMap<>();
    list.forEach(c -> out.put(c.get("id").asText(), c.get("count").asLong()));
    return out;
  }

  static String team(String chain) {
    String team = "(none)";
    for (String part : chain.replace("[", "").replace("]", "").split(",")) {
      String p = part.replace("\"", "").trim();
      if (p.startsWith("#")) {
        team = p.substring(1);
      }
    }
    return team;
  }

  /** Checks every figure of {@code r} against the subset {@code data}. */
  static void assertReport(List<Gen> data, JsonNode r) {
    List<Gen> withPm = data.stream().filter(g -> g.pm() != null).toList();
    assertEquals(data.size(), r.get("incidents").asLong());
    assertEquals(withPm.size(), r.get("withPostmortem").asLong());
    List<Long> bars = new ArrayList<>();
    r.get("durations").forEach(b -> bars.add(b.get("count").asLong()));
    assertEquals(histogram(data), bars);
    Predicate<Gen> covered = g -> g.pm() != null;
    assertEquals(ranked(data, covered, g -> g.pm().damage()), counts(r.get("damageCategories")));
    assertEquals(ranked(data, covered, g -> g.pm().trigger()), counts(r.get("triggerCategories")));
    assertEquals(List.copyOf(ranked(data, covered, g -> g.pm().trigger()).keySet()),
        List.copyOf(counts(r.get("triggerCategories")).keySet()), "ranked, most first");
    Map<String, Long> detection = ranked(data, covered, g -> g.pm().detection());
    assertEquals(detection, counts(r.get("detection").get("methods")));
    long detected = withPm.stream().filter(g -> g.pm().detection() != null).count();
    assertEquals((double) detection.getOrDefault("alert", 0L) / detected, r.get("detection").get("byAlerts").asDouble(),
        1e-12);
    assertEquals((double) detection.getOrDefault("user_report", 0L) / detected,
        r.get("detection").get("byUsers").asDouble(), 1e-12);
    assertEquals(ranked(data, g -> true, g -> g.incident().project()), counts(r.get("perProject")));
    assertEquals(ranked(data, g -> true, g -> team(g.incident().holderChain())), counts(r.get("perTeam")));
    TreeMap<LocalDate, Long> weeks = new TreeMap<>();
    for (Gen g : data) {
      LocalDate day = Instant.ofEpochMilli(g.incident().openedAt()).atOffset(ZoneOffset.UTC).toLocalDate();
      weeks.merge(day.minusDays(day.getDayOfWeek().getValue() - 1), 1L, Long::sum);
    }
    JsonNode perWeek = r.get("perWeek");
    int k = 0;
    for (LocalDate w = weeks.firstKey(); !w.isAfter(weeks.lastKey()); w = w.plusWeeks(1), k++) {
      assertEquals(w.toString(), perWeek.get(k).get("monday").asText());
      assertEquals(weeks.getOrDefault(w, 0L), perWeek.get(k).get("count").asLong(), w.toString());
    }
    assertEquals(k, perWeek.size());
    JsonNode times = r.get("responseTimes");
    int row = 0;
    for (int s = 1; s <= 9; s++) {
      int severity = s;
      List<IncidentRows.Incident> of = data.stream().map(Gen::incident).filter(i -> i.severity() == severity).toList();
      if (of.isEmpty()) {
        continue;
      }
      JsonNode t = times.get(row++);
      assertEquals("S" + s, t.get("severity").asText());
      assertEquals(of.size(), t.get("incidents").asLong());
      List<Long> toTake = of.stream().filter(i -> i.takenAt() != 0).map(i -> i.takenAt() - i.openedAt()).toList();
      List<Long> toClose = of.stream().filter(i -> i.closedAt() != 0).map(i -> i.closedAt() - i.openedAt()).toList();
      assertEquals(toTake.size(), t.get("acknowledged").asLong());
      assertEquals(toClose.size(), t.get("resolved").asLong());
      assertEquals(Duration.ofMillis(Math.round(toTake.stream().mapToLong(x -> x).average().orElseThrow())),
          Duration.parse(t.get("mtta").asText()));
      assertEquals(Duration.ofMillis(Math.round(toClose.stream().mapToLong(x -> x).average().orElseThrow())),
          Duration.parse(t.get("mttr").asText()));
    }
    assertEquals(row, times.size());
    JsonNode prevention = r.get("alertPrevention");
    long prevented = withPm.stream().filter(g -> "prevented".equals(g.pm().wouldHave())).count();
    long shortened = withPm.stream().filter(g -> "shortened".equals(g.pm().wouldHave())).count();
    assertEquals(withPm.size(), prevention.get("base").asLong());
    assertEquals(prevented, prevention.get("prevented").asLong());
    assertEquals(shortened, prevention.get("shortened").asLong());
    assertEquals((double) (prevented + shortened) / withPm.size(), prevention.get("share").asDouble(), 1e-12);
    assertEquals(ranked(data, g -> g.pm() != null && g.pm().kind() != null, g -> g.pm().kind()),
        counts(prevention.get("byKind")));
  }

  @Test
  void everyFigureMatchesTheGeneratedAnswers() throws Exception {
    JsonNode r = report("");
    assertReport(DATA, r);
    assertTrue(r.get("withPostmortem").asLong() >= 80, "enough post-mortems to mean something");
  }

  @Test
  void theHistogramShowsTheOneHourAndTwelveHourPeaks() throws Exception {
    JsonNode bars = report("").get("durations");
    assertEquals("45 min – 1 h 20 min", bars.get(4).get("label").asText());
    assertEquals(45 * 60, bars.get(4).get("fromSeconds").asLong());
    assertEquals(80 * 60, bars.get(4).get("toSeconds").asLong());
    assertEquals("9 h – 16 h", bars.get(8).get("label").asText());
    assertTrue(bars.get(13).get("unknown").asBoolean());
    List<JsonNode> bounded = new ArrayList<>();
    for (int i = 0; i < 13; i++) {
      bounded.add(bars.get(i));
    }
    bounded.sort(Comparator.comparingLong((JsonNode b) -> b.get("count").asLong()).reversed());
    assertEquals(List.of("45 min – 1 h 20 min", "9 h – 16 h"),
        List.of(bounded.get(0).get("label").asText(), bounded.get(1).get("label").asText()));
  }

  @Test
  void mqlAndTheTimeRangeNarrowEveryFigure() throws Exception {
    assertReport(DATA.stream().filter(g -> g.incident().project().equals("beta")).toList(),
        report("?q=" + URLEncoder.encode("project = beta", StandardCharsets.UTF_8)));
    assertReport(DATA.stream().filter(g -> g.incident().team().equals("red") && g.incident().severity() <= 2).toList(),
        report("?q=" + URLEncoder.encode("~team = red AND severity <= S2", StandardCharsets.UTF_8)));
    Instant from = START.plus(Duration.ofDays(7));
    Instant to = START.plus(Duration.ofDays(21));
    JsonNode ranged = report("?from=2026-10-12&to=" + to);
    assertEquals(from.toString(), ranged.get("from").asText());
    assertReport(DATA.stream().filter(g -> g.incident().openedAt() >= from.toEpochMilli()
        && g.incident().openedAt() < to.toEpochMilli()).toList(), ranged);
  }

  @Test
  void badParametersAreLocated() throws Exception {
    JsonNode q = send("GET", "/api/v1/reports/incidents?q=" + URLEncoder.encode("project = ", StandardCharsets.UTF_8),
        null, null, 400);
    assertEquals("q", q.get("parameter").asText());
    assertEquals(1, q.get("problems").size());
    JsonNode from = send("GET", "/api/v1/reports/incidents?from=last-week", null, null, 400);
    assertEquals("from", from.get("parameter").asText());
    JsonNode order = send("GET", "/api/v1/reports/incidents?from=2026-11-02&to=2026-11-01", null, null, 400);
    assertEquals("to", order.get("parameter").asText());
  }
}
