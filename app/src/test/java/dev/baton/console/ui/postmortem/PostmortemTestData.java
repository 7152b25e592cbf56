package dev.baton.console.ui.postmortem;

import dev.baton.api.model.IncidentCard;
import dev.baton.client.BatonClient;
import dev.baton.client.IncidentQuery;
import dev.baton.console.TestReceiver;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import javax.imageio.ImageIO;

/** Incidents and files for post-mortem tests, made through the receiver's real ingest. */
public final class PostmortemTestData {

  private PostmortemTestData() {
  }

  /** Fires {@code alertname} in project alpha and waits for its incident; returns its id. */
  public static long incident(TestReceiver receiver, BatonClient client, String alertname, Map<String, String> labels)
      throws Exception {
    receiver.fire(alertname, "alpha", "critical", labels, Map.of("summary", alertname + " in alpha"));
    Instant until = Instant.now().plus(Duration.ofSeconds(40));
    while (Instant.now().isBefore(until)) {
      for (IncidentCard card : client.incidents(IncidentQuery.of("trigger = \"" + alertname + "\"")).items()) {
        return card.id();
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no incident for " + alertname + " after 40 s");
  }

  /** A small real PNG (a chart-like picture) at {@code file}. */
  public static Path png(Path file) throws IOException {
    BufferedImage image = new BufferedImage(320, 160, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 320, 160);
    g.setColor(new Color(0xCF222E));
    for (int x = 0; x < 300; x += 20) {
      int h = (int) (60 + 50 * Math.sin(x / 40.0));
      g.fillRect(10 + x, 150 - h, 14, h);
    }
    g.dispose();
    ImageIO.write(image, "png", file.toFile());
    return file;
  }
}
