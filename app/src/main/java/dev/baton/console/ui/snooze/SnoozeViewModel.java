package dev.baton.console.ui.snooze;

import dev.baton.console.snooze.SnoozeRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The snooze dialog of the talk: for 30 min / 1 h / 3 h / 6 h / until a date and time; close it
 * if it becomes OK; snooze forever (use with care: asks to confirm and needs a comment); comment.
 * Validates and produces the {@link SnoozeRequest} for the receiver.
 */
public final class SnoozeViewModel {

  /** The "for how long" choices. */
  public enum Choice {
    MIN_30("30 min", Duration.ofMinutes(30)),
    HOUR_1("1 h", Duration.ofHours(1)),
    HOURS_3("3 h", Duration.ofHours(3)),
    HOURS_6("6 h", Duration.ofHours(6)),
    UNTIL("Until a date", null);

    private final String title;
    private final Duration duration;

    Choice(String title, Duration duration) {
      this.title = title;
      this.duration = duration;
    }

    public String title() {
      return title;
    }
  }

  /** What pressing Save led to. */
  public sealed interface Outcome {
    record Ready(SnoozeRequest request) implements Outcome {
    }

    /** Snooze forever was chosen: the view asks the operator to confirm, then calls {@link #save(boolean)} again. */
    record NeedsConfirmation(String question) implements Outcome {
    }

    record Invalid(String message) implements Outcome {
    }
  }

  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final Clock clock;
  private final ZoneId zone;
  private final ObjectProperty<Choice> choice = new SimpleObjectProperty<>(Choice.MIN_30);
  private final ObjectProperty<LocalDate> untilDate = new SimpleObjectProperty<>();
  private final StringProperty untilTime = new SimpleStringProperty("");
  private final BooleanProperty closeIfOk = new SimpleBooleanProperty(false);
  private final BooleanProperty forever = new SimpleBooleanProperty(false);
  private final StringProperty comment = new SimpleStringProperty("");
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
  private final BooleanBinding untilEditable;

  public SnoozeViewModel(Clock clock, ZoneId zone) {
    this.clock = clock;
    this.zone = zone;
    LocalDate today = clock.instant().atZone(zone).toLocalDate();
    untilDate.set(today.plusDays(1));
    untilTime.set("09:00");
    untilEditable = Bindings.createBooleanBinding(() -> choice.get() == Choice.UNTIL && !forever.get(), choice, forever);
    choice.addListener((obs, was, now) -> message.set(""));
    untilDate.addListener((obs, was, now) -> message.set(""));
    untilTime.addListener((obs, was, now) -> message.set(""));
    forever.addListener((obs, was, now) -> message.set(""));
    comment.addListener((obs, was, now) -> message.set(""));
  }

  /** Validates; {@code foreverConfirmed} says the operator already confirmed "snooze forever". */
  public Outcome save(boolean foreverConfirmed) {
    Outcome outcome = decide(foreverConfirmed);
    message.set(outcome instanceof Outcome.Invalid invalid ? invalid.message() : "");
    return outcome;
  }

  private Outcome decide(boolean foreverConfirmed) {
    if (forever.get()) {
      if (comment.get().isBlank()) {
        return new Outcome.Invalid("Snoozing forever needs a comment: say why nobody should look at it again.");
      }
      if (!foreverConfirmed) {
        return new Outcome.NeedsConfirmation("Snooze this incident forever? It will not wake up by itself at"
            + " any time, only when it gets worse.");
      }
      return new Outcome.Ready(SnoozeRequest.forever(closeIfOk.get(), comment.get()));
    }
    Choice chosen = choice.get();
    if (chosen != Choice.UNTIL) {
      return new Outcome.Ready(SnoozeRequest.lasting(chosen.duration, closeIfOk.get(), comment.get()));
    }
    if (untilDate.get() == null) {
      return new Outcome.Invalid("Choose the date until which to snooze.");
    }
    LocalTime time;
    try {
      time = LocalTime.parse(untilTime.get().strip());
    } catch (DateTimeParseException e) {
      return new Outcome.Invalid("Time '" + untilTime.get() + "' is not a time of day: write it as HH:MM, e.g. 18:30.");
    }
    Instant until = untilDate.get().atTime(time).atZone(zone).toInstant();
    Instant now = clock.instant();
    if (!until.isAfter(now)) {
      return new Outcome.Invalid(SHOWN.format(until.atZone(zone)) + " has already passed (it is "
          + SHOWN.format(now.atZone(zone)) + "): choose a time in the future.");
    }
    return new Outcome.Ready(SnoozeRequest.until(until, closeIfOk.get(), comment.get()));
  }

  public ObjectProperty<Choice> choiceProperty() {
    return choice;
  }

  public ObjectProperty<LocalDate> untilDateProperty() {
    return untilDate;
  }

  public StringProperty untilTimeProperty() {
    return untilTime;
  }

  public BooleanProperty closeIfOkProperty() {
    return closeIfOk;
  }

  public BooleanProperty foreverProperty() {
    return forever;
  }

  public StringProperty commentProperty() {
    return comment;
  }

  /** Why the last Save was refused; empty otherwise. */
  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  /** The date and time fields apply: "Until a date" chosen and not forever. */
  public BooleanBinding untilEditable() {
    return untilEditable;
  }
}
