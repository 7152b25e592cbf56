package dev.baton.console.ui.theme;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;

/** The console's one theme, in a light and a dark variant: AtlantaFX Primer plus baton.css. */
public enum Theme {
  LIGHT(new PrimerLight().getUserAgentStylesheet()),
  DARK(new PrimerDark().getUserAgentStylesheet());

  private static final String BATON_CSS = Theme.class.getResource("baton.css").toExternalForm();

  private final String userAgentStylesheet;

  Theme(String userAgentStylesheet) {
    this.userAgentStylesheet = userAgentStylesheet;
  }

  /** Applies this variant to the whole application and adds baton.css to {@code scene}. */
  public void apply(Scene scene) {
    Application.setUserAgentStylesheet(userAgentStylesheet);
    addStylesheet(scene);
    scene.getRoot().getStyleClass().removeAll(BatonStyle.LIGHT, BatonStyle.DARK);
    scene.getRoot().getStyleClass().add(this == DARK ? BatonStyle.DARK : BatonStyle.LIGHT);
  }

  /** baton.css for a scene of its own (dialogs), inheriting the variant of the application. */
  public static void addStylesheet(Scene scene) {
    if (!scene.getStylesheets().contains(BATON_CSS)) {
      scene.getStylesheets().add(BATON_CSS);
    }
  }

  public Theme other() {
    return this == LIGHT ? DARK : LIGHT;
  }
}
