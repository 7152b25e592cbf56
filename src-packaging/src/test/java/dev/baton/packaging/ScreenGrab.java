package dev.baton.packaging;

import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.Robot;
import java.io.File;
import javax.imageio.ImageIO;

/**
 * {@code java -cp … ScreenGrab out.png}: saves the whole X screen named by DISPLAY as a PNG.
 * Run in its own JVM because the test's JVM has no DISPLAY of its own.
 */
public final class ScreenGrab {

  private ScreenGrab() {}

  public static void main(String[] args) throws Exception {
    Rectangle screen = GraphicsEnvironment.getLocalGraphicsEnvironment().getDefaultScreenDevice()
        .getDefaultConfiguration().getBounds();
    ImageIO.write(new Robot().createScreenCapture(screen), "png", new File(args[0]));
  }
}
