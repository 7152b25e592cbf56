package dev.baton.server.postmortem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.api.model.FieldProblem;
import dev.baton.api.model.PostmortemFields;
import dev.baton.server.config.PostmortemConfig;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every field of a post-mortem body: one bad value at a time, each reported at its path with why. */
class PostmortemValidatorTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
  final PostmortemValidator validator = new PostmortemValidator(new Vocabulary(PostmortemConfig.DEFAULT));

  /** A complete, valid body that each case breaks in one place. */
  static ObjectNode valid() {
    ObjectNode o = JSON.createObjectNode();
    o.put("title", "Checkout slow after release 1.4.2");
    o.put("status", "done");
    o.put("owner", "alice");
    o.putArray("incidentIds").add(7).add(9);
    o.put("failureStart", "2026-11-21T09:00:00Z");
    o.put("failureEnd", "2026-11-21T10:00:00Z");
    o.put("investigationStart", "2026-11-21T09:10:00Z");
    o.put("investigationEnd", "2026-11-21T10:00:00Z");
    o.put("triggerCategory", "release");
    o.put("detection", "user_report");
    o.put("damageCategory", "slowness");
    o.put("damageText", "p99 went from 200 ms to 4 s");
    o.putArray("damageFigures").addObject().put("name", "failed requests").put("value", 1200).put("unit", "requests");
    o.putArray("teams").add("web").add("payments");
    o.putArray("services").add("checkout");
    o.put("alertWouldHave", "shortened");
    o.put("alertKind", "latency");
    ObjectNode s = o.putArray("sections").addObject();
    s.put("title", "Summary");
    s.putArray("questions").add("What happened?");
    s.put("answer", "A slow query.");
    o.putArray("glossary").addObject().put("term", "relay").put("definition", "Graphite's forwarder");
    return o;
  }

  @Test
  void aValidBodyBecomesTheFields() {
    PostmortemFields f = validator.fields(valid(), NOW);
    assertEquals("Checkout slow after release 1.4.2", f.title());
    assertEquals(List.of(7L, 9L), f.incidentIds());
    assertEquals(Instant.parse("2026-11-21T09:10:00Z"), f.investigationStart());
    assertEquals(1200.0, f.damageFigures().get(0).value());
    assertEquals("latency", f.alertKind());
    assertEquals("A slow query.", f.sections().get(0).answer());
  }

  static String repeat(int n) {
    return "x".repeat(n);
  }

  static Arguments bad(String field, String message, Consumer<ObjectNode> change) {
    return Arguments.of(field, message, change);
  }

  static Stream<Arguments> badFields() {
    return Stream.of(
        bad("titel", "unknown field", o -> o.put("titel", "typo")),
        bad("title", "required", o -> o.remove("title")),
        bad("title", "at most 200 characters, got 201", o -> o.put("title", repeat(201))),
        bad("title", "one line", o -> o.put("title", "two\nlines")),
        bad("title", "expected a string, got a number", o -> o.put("title", 5)),
        bad("status", "required", o -> o.remove("status")),
        bad("status", "expected one of draft, in_review, done, got 'finished'", o -> o.put("status", "finished")),
        bad("owner", "at most 100 characters", o -> o.put("owner", repeat(101))),
        bad("incidentIds", "required", o -> o.remove("incidentIds")),
        bad("incidentIds", "at least one incident", o -> o.putArray("incidentIds")),
        bad("incidentIds", "expected a list, got a string", o -> o.put("incidentIds", "7")),
        bad("incidentIds", "at most 50 entries", o -> {
          ArrayNode a = o.putArray("incidentIds");
          for (int i = 1; i <= 51; i++) {
            a.add(i);
          }
        }),
        bad("incidentIds[1]", "expected a positive incident id, got 0", o -> o.putArray("incidentIds").add(7).add(0)),
        bad("incidentIds[1]", "incident 7 is listed twice", o -> o.putArray("incidentIds").add(7).add(7)),
        bad("failureStart", "expected an ISO-8601 time", o -> o.put("failureStart", "yesterday")),
        bad("failureEnd", "is in the future", o -> o.put("failureEnd", "2026-11-21T13:00:00Z")),
        bad("failureEnd", "is before failureStart", o -> o.put("failureEnd", "2026-11-21T08:00:00Z")),
        bad("investigationEnd", "is before investigationStart", o -> o.put("investigationEnd", "2026-11-21T09:05:00Z")),
        bad("investigationStart", "is before failureStart", o -> o.put("investigationStart", "2026-11-21T08:59:00Z")),
        bad("triggerCategory", "expected one of release, configuration_change", o -> o.put("triggerCategory", "rays")),
        bad("detection", "expected one of alert, user_report, colleague", o -> o.put("detection", "psychic")),
        bad("damageCategory", "expected one of unavailability, slowness, wrong_behaviour, data_loss",
            o -> o.put("damageCategory", "meh")),
        bad("damageText", "at most 50000 characters", o -> o.put("damageText", repeat(50_001))),
        bad("damageFigures[0].value", "expected a number, got a string",
            o -> ((ObjectNode) o.get("damageFigures").get(0)).put("value", "many")),
        bad("damageFigures[0].name", "required", o -> ((ObjectNode) o.get("damageFigures").get(0)).remove("name")),
        bad("damageFigures[0].unit", "at most 30 characters",
            o -> ((ObjectNode) o.get("damageFigures").get(0)).put("unit", repeat(31))),
        bad("damageFigures[0].colour", "unknown field",
            o -> ((ObjectNode) o.get("damageFigures").get(0)).put("colour", "red")),
        bad("damageFigures", "at most 20 entries", o -> {
          ArrayNode a = o.putArray("damageFigures");
          for (int i = 0; i < 21; i++) {
            a.addObject().put("name", "n" + i).put("value", i);
          }
        }),
        bad("teams[1]", "'web' is listed twice", o -> o.putArray("teams").add("web").add("web")),
        bad("teams[0]", "required, got an empty string", o -> o.putArray("teams").add("  ")),
        bad("teams", "expected a list, got a string", o -> o.put("teams", "web")),
        bad("services[0]", "at most 100 characters", o -> o.putArray("services").add(repeat(101))),
        bad("alertWouldHave", "expected one of no, prevented, shortened", o -> o.put("alertWouldHave", "maybe")),
        bad("alertKind", "required when alertWouldHave is prevented", o -> {
          o.put("alertWouldHave", "prevented");
          o.remove("alertKind");
        }),
        bad("alertKind", "only with alertWouldHave prevented or shortened (it is no)", o -> o.put("alertWouldHave", "no")),
        bad("alertKind", "expected one of http_errors, new_log_errors", o -> o.put("alertKind", "horoscope")),
        bad("sections[0].title", "required", o -> ((ObjectNode) o.get("sections").get(0)).remove("title")),
        bad("sections[1].title", "another section is titled 'summary'", o -> ((ArrayNode) o.get("sections")).addObject()
            .put("title", "summary")),
        bad("sections[0].questions[0]", "expected a string, got a number",
            o -> ((ObjectNode) o.get("sections").get(0)).putArray("questions").add(3)),
        bad("sections[0].answer", "at most 50000 characters",
            o -> ((ObjectNode) o.get("sections").get(0)).put("answer", repeat(50_001))),
        bad("glossary[0].definition", "required", o -> ((ObjectNode) o.get("glossary").get(0)).remove("definition")),
        bad("glossary[1].term", "'Relay' is defined twice", o -> ((ArrayNode) o.get("glossary")).addObject()
            .put("term", "Relay").put("definition", "again")),
        bad("owner", "required when status is done", o -> o.remove("owner")),
        bad("failureEnd", "required when status is done", o -> o.remove("failureEnd")),
        bad("triggerCategory", "required when status is done", o -> o.remove("triggerCategory")),
        bad("detection", "required when status is done", o -> o.remove("detection")),
        bad("damageCategory", "required when status is done", o -> o.remove("damageCategory")),
        bad("alertWouldHave", "required when status is done", o -> {
          o.remove("alertWouldHave");
          o.remove("alertKind");
        }));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("badFields")
  void eachBadFieldIsReportedAtItsPath(String field, String message, Consumer<ObjectNode> change) {
    ObjectNode body = valid();
    change.accept(body);
    InvalidPostmortem e = assertThrows(InvalidPostmortem.class, () -> validator.fields(body, NOW));
    assertEquals(1, e.problems().size(), e.getMessage());
    FieldProblem p = e.problems().get(0);
    assertEquals(field, p.field(), e.getMessage());
    assertTrue(p.message().contains(message), p.message());
  }

  @Test
  void aDraftMayLeaveTheAnalyticsFieldsEmpty() {
    ObjectNode body = JSON.createObjectNode();
    body.put("title", "Started during the fire");
    body.put("status", "draft");
    body.putArray("incidentIds").add(3);
    PostmortemFields f = validator.fields(body, NOW);
    assertEquals(List.of(), f.teams());
    assertEquals(null, f.triggerCategory());
  }

  @Test
  void everyProblemOfABodyIsReportedAtOnce() {
    ObjectNode body = valid();
    body.put("title", "");
    body.put("detection", "psychic");
    body.put("failureEnd", "soon");
    InvalidPostmortem e = assertThrows(InvalidPostmortem.class, () -> validator.fields(body, NOW));
    assertEquals(List.of("title", "failureEnd", "detection"), e.problems().stream().map(FieldProblem::field).toList());
    assertTrue(e.getMessage().startsWith("3 invalid fields: title: required"), e.getMessage());
  }

  @Test
  void aBodyMustBeAnObject() {
    InvalidPostmortem e = assertThrows(InvalidPostmortem.class, () -> validator.fields(JSON.createArrayNode(), NOW));
    assertEquals("(body)", e.problems().get(0).field());
  }

  static Stream<Arguments> badNotesAndActions() {
    return Stream.of(
        Arguments.of("note", "{\"text\":\"x\"}", "at", "required"),
        Arguments.of("note", "{\"at\":\"2026-11-21T11:00:00Z\",\"text\":\" \"}", "text", "required"),
        Arguments.of("note", "{\"at\":\"2026-11-21T11:00:00Z\",\"text\":\"x\",\"who\":\"me\"}", "who", "unknown field"),
        Arguments.of("note", "{\"at\":\"2026-11-21T11:00:00Z\",\"text\":\"" + repeat(5001) + "\"}", "text", "at most 5000"),
        Arguments.of("action", "{\"link\":\"https://t.example/1\"}", "title", "required"),
        Arguments.of("action", "{\"title\":\"x\",\"link\":\"ftp://t.example/1\"}", "link", "expected an http(s) URL"),
        Arguments.of("action", "{\"title\":\"x\",\"done\":\"yes\"}", "done", "expected true or false"),
        Arguments.of("create", "{}", "incidentIds", "required"),
        Arguments.of("create", "{\"incidentIds\":[1],\"title\":\"" + repeat(201) + "\"}", "title", "at most 200"));
  }

  @ParameterizedTest(name = "{0} {2}: {3}")
  @MethodSource("badNotesAndActions")
  void notesActionsAndNewPostmortemsAreCheckedToo(String kind, String body, String field, String message)
      throws Exception {
    JsonNode node = JSON.readTree(body);
    InvalidPostmortem e = assertThrows(InvalidPostmortem.class, () -> {
      switch (kind) {
        case "note" -> validator.note(node, NOW);
        case "action" -> validator.action(node);
        default -> validator.create(node);
      }
    });
    assertEquals(field, e.problems().get(0).field(), e.getMessage());
    assertTrue(e.problems().get(0).message().contains(message), e.getMessage());
  }
}
