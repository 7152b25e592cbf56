package dev.baton.console.notify;

import java.awt.AWTException;
import java.awt.Color;
import java.awt.EventQueue;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.awt.image.BufferedImage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notifications as messages of a tray icon ({@link SystemTray}), for desktops that have a tray.
 * Used only after {@link DesktopNotifiers} found the tray supported on a display; the icon is
 * added with the first message. Every AWT call runs on AWT's own thread, and a failure is logged
 * once and silences it.
 */
final class TrayNotifier implements DesktopNotifier {

  private static final Logger LOG = LoggerFactory.getLogger(TrayNotifier.class);

  private TrayIcon icon;
  private boolean failed;

  @Override
  public void show(String title, String body) {
    EventQueue.invokeLater(() -> {
      if (failed) {
        return;
      }
      try {
        if (icon == null) {
          icon = new TrayIcon(badge(), "Baton");
          icon.setImageAutoSize(true);
          SystemTray.getSystemTray().add(icon);
        }
        icon.displayMessage(title, body, TrayIcon.MessageType.WARNING);
      } catch (AWTException | RuntimeException | LinkageError e) {
        failed = true;
        LOG.warn("desktop notification through the system tray failed ({}); notifications are off", e.toString());
      }
    });
  }

  /** A red dot: the tray icon, drawn rather than shipped. */
  private static BufferedImage badge() {
    BufferedImage image = new BufferedImage(32, 32, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(new Color(0xe0, 0x00, 0x2b));
    g.fillOval(2, 2, 28, 28);
    g.dispose();
    return image;
  }

  @Override
  public String how() {
    return "through the system tray";
  }
}
