package dev.baton.console.ui.handover;

import java.util.Collection;
import java.util.Optional;
import java.util.TreeSet;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * "Hand over": to whom ({@code @person} or {@code #team}, picked from those seen in holder chains or
 * typed) and why (required, as the receiver requires it).
 */
public final class HandoverViewModel {

  /** A validated hand-over. */
  public record Handover(String to, String comment) {
  }

  private final ObservableList<String> candidates = FXCollections.observableArrayList();
  private final StringProperty to = new SimpleStringProperty("");
  private final StringProperty comment = new SimpleStringProperty("");
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

  /** {@code seen}: people and teams from holder chains; sorted, teams first, without duplicates. */
  public HandoverViewModel(Collection<String> seen) {
    candidates.setAll(new TreeSet<>(seen.stream().filter(s -> s.startsWith("@") || s.startsWith("#")).toList()));
  }

  /** The hand-over, or empty with {@link #messageProperty()} saying what is missing. */
  public Optional<Handover> save() {
    String target = to.get() == null ? "" : to.get().strip();
    if (target.isEmpty() || target.equals("@") || target.equals("#")) {
      message.set("Choose a person (@name) or a team (#team) to hand over to.");
      return Optional.empty();
    }
    if (!target.startsWith("@") && !target.startsWith("#")) {
      target = "@" + target;
    }
    if (!target.substring(1).matches("[\\w.\\-]+")) {
      message.set("'" + target + "' is not a name: use letters, digits, '.', '-' or '_' after @ or #.");
      return Optional.empty();
    }
    String why = comment.get() == null ? "" : comment.get().strip();
    if (why.isEmpty()) {
      message.set("Say why (the comment goes to the timeline and to " + target + ").");
      return Optional.empty();
    }
    message.set("");
    return Optional.of(new Handover(target, why));
  }

  public ObservableList<String> candidates() {
    return candidates;
  }

  public StringProperty toProperty() {
    return to;
  }

  public StringProperty commentProperty() {
    return comment;
  }

  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }
}
