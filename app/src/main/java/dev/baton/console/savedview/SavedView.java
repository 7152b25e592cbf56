package dev.baton.console.savedview;

import dev.baton.console.incident.IncidentView;
import java.util.Objects;

/**
 * A view an operator saved: a name, the side bar view it starts from and the MQL filter on top.
 *
 * @param view the built-in view it narrows ({@link IncidentView#ALL} when saved from All)
 * @param mql  the filter text, as typed (may be empty)
 */
public record SavedView(String name, IncidentView view, String mql) {

  /** Longest name the side bar shows in full. */
  public static final int MAX_NAME = 60;

  public SavedView {
    Objects.requireNonNull(name, "name");
    view = view == null ? IncidentView.ALL : view;
    mql = mql == null ? "" : mql;
  }

  public SavedView withName(String newName) {
    return new SavedView(newName, view, mql);
  }

  /** Why {@code name} cannot name a view, or null when it can. */
  public static String nameProblem(String name) {
    if (name == null || name.isBlank()) {
      return "A view needs a name.";
    }
    if (name.strip().length() > MAX_NAME) {
      return "A view's name has at most " + MAX_NAME + " characters.";
    }
    return null;
  }
}
