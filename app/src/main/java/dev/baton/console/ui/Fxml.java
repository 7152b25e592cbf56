package dev.baton.console.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/** Loads a view's FXML (same name, same package) with the view itself as its controller. */
public final class Fxml {

  private Fxml() {
  }

  public static <T extends Parent> T load(Object view, String file) {
    URL url = view.getClass().getResource(file);
    if (url == null) {
      throw new IllegalStateException(file + " is missing beside " + view.getClass().getName());
    }
    FXMLLoader loader = new FXMLLoader(url);
    loader.setController(view);
    try {
      return loader.load();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load " + url, e);
    }
  }
}
