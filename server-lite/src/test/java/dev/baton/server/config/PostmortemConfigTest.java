package dev.baton.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code postmortems} section of baton.yml: defaults, custom lists and template, located mistakes. */
class PostmortemConfigTest {

  @Test
  void withoutTheSectionTheDefaultsApply() throws Exception {
    PostmortemConfig c = ConfigLoader.parse("", "baton.yml").postmortems();
    assertEquals(PostmortemConfig.DEFAULT, c);
    assertEquals(List.of("release", "configuration_change", "hardware_maintenance", "capacity", "dependency",
        "unknown"), c.triggers().stream().map(PostmortemConfig.Choice::id).toList());
    assertEquals(5L * 1024 * 1024, c.maxArtifactBytes());
  }

  @Test
  void listsTemplateAndBoundsAreConfigurable() throws Exception {
    PostmortemConfig c = ConfigLoader.parse("""
        postmortems:
          triggers: [release, {id: feature_flag, label: Feature flag flipped}]
          alert_kinds: [{id: queue_depth}]
          sections:
            - title: What happened
              questions: ["When did it start?"]
            - title: Follow-up
          artifacts: {max_bytes: 1MiB, max_total: 4MiB, max_count: 7}
        """, "baton.yml").postmortems();
    assertEquals(List.of(new PostmortemConfig.Choice("release", "release"),
        new PostmortemConfig.Choice("feature_flag", "Feature flag flipped")), c.triggers());
    assertEquals(List.of(new PostmortemConfig.Choice("queue_depth", "queue_depth")), c.alertKinds());
    assertEquals(List.of(new PostmortemConfig.Section("What happened", List.of("When did it start?")),
        new PostmortemConfig.Section("Follow-up", List.of())), c.sections());
    assertEquals(1024 * 1024, c.maxArtifactBytes());
    assertEquals(4L * 1024 * 1024, c.maxTotalBytes());
    assertEquals(7, c.maxArtifacts());
  }

  @Test
  void mistakesAreReportedWithTheirPath() {
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse("""
        postmortems:
          triggers: [Release, ok, ok]
          alert_kinds: []
          sections:
            - questions: ["Why?"]
            - title: Summary
            - title: summary
          artifacts: {max_bytes: 10MiB, max_total: 5MiB, max_count: 0}
          colour: red
        """, "baton.yml"));
    assertEquals(List.of(
        "postmortems.colour: unknown key, expected one of [alert_kinds, artifacts, sections, triggers]",
        "postmortems.triggers[0]: id 'Release' must be lower-case letters, digits and _ (at most 40, starting with a letter)",
        "postmortems.triggers[2]: duplicate id 'ok'",
        "postmortems.alert_kinds: expected at least one entry",
        "postmortems.sections[0].title: required",
        "postmortems.sections[2].title: duplicate section 'summary'",
        "postmortems.artifacts.max_count: expected a positive whole number, got '0'",
        "postmortems.artifacts.max_total: 5242880 bytes is less than max_bytes (10485760 bytes)"), e.problems());
  }
}
