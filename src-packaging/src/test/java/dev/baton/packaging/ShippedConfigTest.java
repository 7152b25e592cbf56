package dev.baton.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.server.config.BatonConfig;
import dev.baton.server.config.ConfigLoader;
import dev.baton.server.config.Role;
import dev.baton.server.policy.ServiceLevel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The /etc/baton/baton.yml the receiver package installs, as shipped and with its examples switched on. */
class ShippedConfigTest {

  private static final Path SHIPPED = Path.of("linux/server/baton.yml");
  private static final Pattern EXAMPLE_LINE = Pattern.compile("#(\\S|\\s{2})");

  @Test
  void asShippedItIsValidAndMeansTheDefaults() throws Exception {
    BatonConfig config = ConfigLoader.load(SHIPPED);
    assertTrue(config.tokens().isEmpty(), "no tokens as shipped: the receiver stays on loopback");
    assertTrue(config.projects().isEmpty());
    assertTrue(config.teams().isEmpty() && config.routing().isEmpty());
    assertEquals(BatonConfig.DEFAULT.limits(), config.limits());
  }

  @Test
  void everyCommentedExampleIsValidOnceUncommented() throws Exception {
    String uncommented = uncomment(Files.readString(SHIPPED));
    assertFalse(uncommented.equals(Files.readString(SHIPPED)), "the file carries examples");
    BatonConfig config = ConfigLoader.parse(uncommented, "baton.yml with every example uncommented");
    assertEquals(3, config.tokens().size());
    assertEquals(Role.INGEST, config.tokens().get(0).role());
    assertEquals(ServiceLevel.GOLD, config.project("horns-and-hooves").serviceLevel());
    assertEquals("horns-and-hooves", config.sourceForToken("prometheus").orElseThrow().defaultProject());
    assertEquals(java.time.Duration.ofHours(25), config.source("nightly-backup").orElseThrow().heartbeat());
    assertEquals(Set.of("Watchdog", "DeadMansSwitch"), config.heartbeats().alertnames());
    assertEquals(Set.of("l1", "bravo"), config.teams().keySet());
    assertEquals(2, config.routing().size());
    assertEquals(2, config.triage().size());
  }

  /**
   * Removes the "#" of example lines. The file's convention: prose is "# " followed by text, or a
   * lone "#"; a setting is "#" followed by YAML at its indentation ("#tokens:", "#  - name: x").
   */
  static String uncomment(String text) {
    return text.lines()
        .map(line -> EXAMPLE_LINE.matcher(line).lookingAt() ? line.substring(1) : line)
        .collect(Collectors.joining("\n", "", "\n"));
  }
}
