package dev.baton.server.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.server.DatabaseRows;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The incident card's alert aggregates (triggers, labels, firing periods), which the writer keeps
 * up to date as alerts change: the stream, the list and the detail show the same card, and it
 * matches what aggregating all the incident's alerts gives (the {@link #expected} oracle) through
 * joins, state, severity and label changes, a trigger change, a restart and a close.
 */
class StreamCardHttpTest {

  static final Duration WAIT = Duration.ofSeconds(30);
  static final String CONFIG = StreamHttpTest.CONFIG;
  /** Label values a card shows per label (CardAggregates.LABEL_VALUES_PER_CARD). */
  static final int VALUES_PER_LABEL = 20;

  private final ObjectMapper json = new ObjectMapper();

  @TempDir
  Path dir;

  @Test
  void aGrowingIncidentHasTheSameCardOnTheStreamInTheListAndInTheDetail() throws Exception {
    try (StreamReceiver r = new StreamReceiver(dir, CONFIG); SseClient sse = r.stream(Map.of())) {
      assertEquals("hello", sse.nextEvent(WAIT).type());
      long id = 0;
      for (int round = 0; round < 4; round++) {
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int k = 0; k < 15; k++) {
          batch.add(event("firing", null, "alertname", "Grow", "project", "alpha", "instance", "host-" + round + "-" + k,
              "zone", "z" + (k % 3), "severity", k % 4 == 0 ? "warning" : "critical"));
        }
        send(r, batch);
        int expectedAlerts = 15 * (round + 1);
        JsonNode streamed = null;
        while (streamed == null) {
          SseClient.Event e = sse.nextEvent(WAIT);
          assertNotNull(e, "the incident's card with " + expectedAlerts + " alerts on the stream");
          JsonNode card = json.readTree(e.data()).get("card");
          if ("incident".equals(e.type()) && card.get("alertCount").asInt() == expectedAlerts) {
            streamed = card;
          }
        }
        id = streamed.get("id").asLong();
        JsonNode detail = get(r, "/api/v1/incidents/" + id).get("card");
        JsonNode listed = null;
        for (JsonNode item : get(r, "/api/v1/incidents").get("items")) {
          if (item.get("id").asLong() == id) {
            listed = item;
          }
        }
        assertEquals(streamed, detail, "detail and stream");
        assertEquals(streamed, listed, "list and stream");
        assertAggregates(r, id, streamed);
      }
      assertEquals(VALUES_PER_LABEL, get(r, "/api/v1/incidents/" + id).get("card").get("labels").get("instance").size(),
          "60 instances, the first 20 shown");
    }
  }

  @Test
  void cardAggregatesFollowEveryChangeOfTheAlertsAndSurviveARestart() throws Exception {
    try (StreamReceiver r = new StreamReceiver(dir, CONFIG)) {
      String[] a1 = {"alertname", "Disk", "project", "alpha", "instance", "db1", "replica", "a"};
      String[] a2 = {"alertname", "Disk", "project", "alpha", "instance", "db2", "replica", "a"};
      send(r, List.of(event("firing", null, with(a1, "severity", "warning")),
          event("firing", null, with(a2, "severity", "warning"))));
      long id = incidentOf(r, "Disk");
      JsonNode card = assertAggregates(r, id, null);
      assertEquals("[\"warning\"]", card.get("labels").get("severity").toString());

      r.clock.advance(Duration.ofMinutes(1));
      send(r, List.of(event("firing", null, with(a1, "severity", "critical")))); // severity (a label value) rises
      card = assertAggregates(r, id, null);
      assertEquals("[\"critical\",\"warning\"]", card.get("labels").get("severity").toString());
      send(r, List.of(event("firing", null, with(a2, "severity", "critical"))));
      card = assertAggregates(r, id, null);
      assertEquals("[\"critical\"]", card.get("labels").get("severity").toString(), "no alert is a warning any more");

      send(r, List.of(event("firing", null, with(a1, "severity", "critical", "replica", "b")))); // not identifying
      card = assertAggregates(r, id, null);
      assertEquals("[\"a\",\"b\"]", card.get("labels").get("replica").toString());

      r.clock.advance(Duration.ofMinutes(1));
      send(r, List.of(event("resolved", null, with(a1, "severity", "critical", "replica", "b"))));
      card = assertAggregates(r, id, null);
      assertEquals(2, card.get("firing").get("count").asInt(), "one ended, one in progress");
      r.clock.advance(Duration.ofMinutes(1));
      send(r, List.of(event("firing", null, with(a1, "severity", "critical", "replica", "b"))));
      card = assertAggregates(r, id, null);
      assertEquals(3, card.get("firing").get("count").asInt(), "db1 fired again");

      // a sender's dedup key keeps the alert when its alertname (its trigger) changes
      send(r, List.of(event("firing", "disk-db3", "alertname", "Disk", "project", "alpha", "instance", "db3")));
      send(r, List.of(event("firing", "disk-db3", "alertname", "DiskSlow", "project", "alpha", "instance", "db3")));
      card = assertAggregates(r, id, null);
      assertEquals("[\"Disk\",\"DiskSlow\"]", card.get("triggers").toString());
      assertEquals(3, card.get("alertCount").asInt());

      r.stop();
      r.start();
      r.clock.advance(Duration.ofMinutes(1));
      send(r, List.of(event("firing", "disk-db3", "alertname", "Disk", "project", "alpha", "instance", "db3"),
          event("firing", null, "alertname", "Disk", "project", "alpha", "instance", "db4", "severity", "warning")));
      card = assertAggregates(r, id, null);
      assertEquals("[\"Disk\"]", card.get("triggers").toString(), "DiskSlow left with its only alert");
      assertEquals("[\"critical\",\"warning\"]", card.get("labels").get("severity").toString());
      assertEquals(4, card.get("alertCount").asInt());

      // closed by hand while its alerts fire: the card keeps what its alerts showed; an alert that
      // fires on opens the next incident, which counts it from then on
      HttpResponse<String> closed = r.http.send(HttpRequest.newBuilder(URI.create(r.url("/api/v1/incidents/" + id
          + "/close"))).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, closed.statusCode(), closed.body());
      JsonNode atClose = get(r, "/api/v1/incidents/" + id).get("card");
      r.clock.advance(Duration.ofMinutes(1));
      send(r, List.of(event("firing", null, with(a1, "severity", "critical", "replica", "c"))));
      long next = incidentOf(r, "Disk");
      JsonNode nextCard = assertAggregates(r, next, null);
      assertEquals("[\"c\"]", nextCard.get("labels").get("replica").toString());
      JsonNode closedCard = get(r, "/api/v1/incidents/" + id).get("card");
      assertEquals(atClose.get("triggers"), closedCard.get("triggers"));
      Map<String, JsonNode> labelsAtClose = new TreeMap<>();
      atClose.get("labels").fields().forEachRemaining(f -> labelsAtClose.put(f.getKey(), f.getValue()));
      labelsAtClose.put("replica", json.readTree("[\"a\",\"c\"]")); // db1's replica changed before it moved on
      Map<String, JsonNode> labelsNow = new TreeMap<>();
      closedCard.get("labels").fields().forEachRemaining(f -> labelsNow.put(f.getKey(), f.getValue()));
      assertEquals(labelsAtClose, labelsNow);
      assertEquals(atClose.get("firing").get("count").asInt() - 1, closedCard.get("firing").get("count").asInt(),
          "db1's period in progress counts for the incident it is in now");
    }
  }

  @Test
  void everyCardOfAListPageHasItsOwnIncidentsAggregates() throws Exception {
    try (StreamReceiver r = new StreamReceiver(dir, CONFIG)) {
      List<Map<String, Object>> batch = new ArrayList<>();
      // more values of one label than a card shows, and more alerts than CardAggregates scans (read name by name)
      for (int k = 0; k < 120; k++) {
        batch.add(event("firing", null, "alertname", "Wide", "project", "wide", "instance", "w-" + (100 + k)));
      }
      batch.add(event("firing", null, "alertname", "Calm", "project", "calm", "instance", "c1"));
      batch.add(event("firing", null, "alertname", "Flap", "project", "flap", "instance", "f1", "zone", "z1"));
      batch.add(event("firing", null, "alertname", "Pair", "project", "pair", "instance", "p1", "severity", "critical"));
      batch.add(event("firing", null, "alertname", "PairToo", "project", "pair", "instance", "p2", "severity", "warning"));
      send(r, batch);
      r.clock.advance(Duration.ofMinutes(1));
      send(r, List.of(event("resolved", null, "alertname", "Calm", "project", "calm", "instance", "c1"),
          event("resolved", null, "alertname", "Flap", "project", "flap", "instance", "f1", "zone", "z1")));
      r.clock.advance(Duration.ofMinutes(1));
      send(r, List.of(event("firing", null, "alertname", "Flap", "project", "flap", "instance", "f1", "zone", "z1"),
          event("firing", null, "alertname", "Flap", "project", "flap", "instance", "f2", "zone", "z2")));

      // pages of two: the aggregates are read once per page for all its cards
      List<JsonNode> listed = new ArrayList<>();
      String cursor = null;
      do {
        JsonNode page = get(r, "/api/v1/incidents?limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
        page.get("items").forEach(listed::add);
        cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
      } while (cursor != null);
      assertEquals(5, listed.size(), "wide, calm, flap, pair and pair-too: " + listed);
      for (JsonNode card : listed) {
        long id = card.get("id").asLong();
        assertEquals(get(r, "/api/v1/incidents/" + id).get("card"), card, "list and detail");
        assertAggregates(r, id, card);
      }
    }
  }

  /** The card's triggers, labels and firing summary against {@link #expected}; the detail's card when {@code card} is null. */
  private JsonNode assertAggregates(StreamReceiver r, long id, JsonNode card) throws Exception {
    JsonNode actual = card != null ? card : get(r, "/api/v1/incidents/" + id).get("card");
    Expected e = expected(r.db, id);
    assertEquals(e.triggers, json.convertValue(actual.get("triggers"), List.class), "triggers of " + actual);
    assertEquals(json.valueToTree(e.labels), actual.get("labels"), "labels of " + actual);
    JsonNode firing = actual.get("firing");
    if (e.periods == 0) {
      assertEquals(true, firing == null || firing.isNull(), "no firing periods: " + actual);
    } else {
      assertEquals(e.periods, firing.get("count").asInt(), "periods of " + actual);
      assertEquals(e.first, period(firing.get("first")), "first period of " + actual);
      assertEquals(e.last, period(firing.get("last")), "last period of " + actual);
    }
    return actual;
  }

  private record Expected(List<String> triggers, Map<String, List<String>> labels, int periods, List<Instant> first,
      List<Instant> last) {
  }

  /**
   * The oracle: the aggregates computed from every alert of an open incident, as cards were built
   * before the writer kept them (its trigger and its alerts' triggers; each label's distinct values;
   * its alerts' periods in progress and those that ended after it opened).
   */
  private static Expected expected(Path db, long id) throws Exception {
    List<String> triggers = new ArrayList<>();
    for (List<Object> row : DatabaseRows.query(db, "SELECT trigger FROM incidents WHERE id = " + id
        + " AND trigger IS NOT NULL UNION SELECT a.trigger FROM incident_alerts ia JOIN alerts a ON a.id = ia.alert_id"
        + " WHERE ia.incident_id = " + id + " AND a.trigger IS NOT NULL ORDER BY 1")) {
      triggers.add((String) row.get(0));
    }
    Map<String, List<String>> labels = new TreeMap<>();
    for (List<Object> row : DatabaseRows.query(db, "SELECT DISTINCT l.name, l.value FROM incident_alerts ia"
        + " JOIN alert_labels l ON l.alert_id = ia.alert_id WHERE ia.incident_id = " + id + " ORDER BY 1, 2")) {
      List<String> values = labels.computeIfAbsent((String) row.get(0), k -> new ArrayList<>());
      if (values.size() < VALUES_PER_LABEL) {
        values.add((String) row.get(1));
      }
    }
    List<List<Instant>> periods = new ArrayList<>();
    for (List<Object> row : DatabaseRows.query(db, "SELECT fp.started_at, fp.ended_at FROM incident_alerts ia"
        + " JOIN firing_periods fp ON fp.alert_id = ia.alert_id JOIN incidents i ON i.id = ia.incident_id"
        + " WHERE ia.incident_id = " + id + " AND fp.ended_at >= i.opened_at"
        + " UNION ALL SELECT a.period_start, NULL FROM incident_alerts ia JOIN alerts a ON a.id = ia.alert_id"
        + " WHERE ia.incident_id = " + id + " AND a.period_start IS NOT NULL")) {
      List<Instant> p = new ArrayList<>();
      p.add(Instant.ofEpochMilli(((Number) row.get(0)).longValue()));
      p.add(row.get(1) == null ? null : Instant.ofEpochMilli(((Number) row.get(1)).longValue()));
      periods.add(p);
    }
    List<Instant> first = null;
    List<Instant> last = null;
    for (List<Instant> p : periods) {
      // ties: an ended period is first before one in progress; the one in progress is last
      if (first == null || p.get(0).isBefore(first.get(0)) || p.get(0).equals(first.get(0)) && p.get(1) != null) {
        first = p;
      }
      if (last == null || p.get(0).isAfter(last.get(0)) || p.get(0).equals(last.get(0)) && p.get(1) == null) {
        last = p;
      }
    }
    return new Expected(triggers, labels, periods.size(), first, last);
  }

  private static List<Instant> period(JsonNode p) {
    List<Instant> out = new ArrayList<>();
    out.add(Instant.parse(p.get("start").asText()));
    out.add(p.get("end").isNull() ? null : Instant.parse(p.get("end").asText()));
    return out;
  }

  private static long incidentOf(StreamReceiver r, String trigger) throws Exception {
    return ((Number) DatabaseRows.query(r.db, "SELECT id FROM incidents WHERE trigger = '" + trigger
        + "' AND closed_at IS NULL").get(0).get(0)).longValue();
  }

  private static String[] with(String[] labels, String... more) {
    Map<String, String> all = new LinkedHashMap<>();
    for (int i = 0; i < labels.length; i += 2) {
      all.put(labels[i], labels[i + 1]);
    }
    for (int i = 0; i < more.length; i += 2) {
      all.put(more[i], more[i + 1]);
    }
    List<String> flat = new ArrayList<>();
    all.forEach((k, v) -> {
      flat.add(k);
      flat.add(v);
    });
    return flat.toArray(String[]::new);
  }

  /** One event of Baton's own format ({@code POST /api/v1/events}); labels as name, value, …. */
  private static Map<String, Object> event(String status, String dedupKey, String... labels) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < labels.length; i += 2) {
      map.put(labels[i], labels[i + 1]);
    }
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("labels", map);
    e.put("status", status);
    if (dedupKey != null) {
      e.put("dedup_key", dedupKey);
    }
    return e;
  }

  /** Posts the events and waits for their commit (the 2xx). */
  private void send(StreamReceiver r, List<Map<String, Object>> events) throws Exception {
    HttpResponse<String> answer = r.http.send(HttpRequest.newBuilder(URI.create(r.url("/api/v1/events")))
        .header("Content-Type", "application/json").timeout(WAIT)
        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(events))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, answer.statusCode(), answer.body());
  }

  private JsonNode get(StreamReceiver r, String path) throws Exception {
    HttpResponse<String> answer = r.get(path);
    assertEquals(200, answer.statusCode(), path + " answered " + answer.body());
    return json.readTree(answer.body());
  }
}
