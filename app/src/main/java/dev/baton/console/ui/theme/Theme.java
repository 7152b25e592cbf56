package dev.baton.console.ui.theme;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Window;

/** The console's one theme, in a light and a dark variant: AtlantaFX Primer plus baton.css. */
public enum Theme {
  LIGHT(new PrimerLight().getUserAgentStylesheet()),
  DARK(new PrimerDark().getUserAgentStylesheet());

  private static final String BATON_CSS = Theme.class.getResource("baton.css").toExternalForm();
  /** The variant last applied; changed on the FX thread only. */
  private static Theme current = LIGHT;

  private final String userAgentStylesheet;

  Theme(String userAgentStylesheet) {
    this.userAgentStylesheet = userAgentStylesheet;
  }

  /**
   * Applies this variant to the whole application: AtlantaFX's controls, and baton.css with this
   * variant's class on {@code scene} and on every window already open with baton.css (post-mortems,
   * analytics, dialogs), so that a switch reaches them too.
   */
  public void apply(Scene scene) {
    Application.setUserAgentStylesheet(userAgentStylesheet);
    current = this;
    addStylesheet(scene);
    for (Window window : Window.getWindows()) {
      Scene other = window.getScene();
      if (other != null && other.getStylesheets().contains(BATON_CSS)) {
        markVariant(other);
      }
    }
  }

  /** The variant the application has now. */
  public static Theme current() {
    return current;
  }

  /** baton.css and the application's current variant for a scene of its own (windows, dialogs). */
  public static void addStylesheet(Scene scene) {
    if (!scene.getStylesheets().contains(BATON_CSS)) {
      scene.getStylesheets().add(BATON_CSS);
    }
    markVariant(scene);
  }

  private static void markVariant(Scene scene) {
    Parent root = scene.getRoot();
    root.getStyleClass().removeAll(BatonStyle.LIGHT, BatonStyle.DARK);
    root.getStyleClass().add(current == DARK ? BatonStyle.DARK : BatonStyle.LIGHT);
  }

  public Theme other() {
    return this == LIGHT ? DARK : LIGHT;
  }
}
