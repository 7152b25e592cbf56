package dev.baton.console.ui.postmortem;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/**
 * A date picker and a time of day ({@code HH:mm} or {@code HH:mm:ss}) in the console's zone, as
 * one instant; × clears it. A time that does not read is marked and leaves the value as it was.
 */
final class DateTimeField extends HBox {

  static final String INVALID = "baton-invalid";
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm[:ss]");
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("HH:mm");
  private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss");

  private final ObjectProperty<Instant> value = new SimpleObjectProperty<>();
  private final DatePicker date = new DatePicker();
  private final TextField time = new TextField();
  private final ZoneId zone;
  private boolean showing;

  DateTimeField(ZoneId zone, String idPrefix) {
    this.zone = zone;
    setSpacing(4);
    date.setId(idPrefix + "-date");
    date.setPrefWidth(150);
    date.setMinWidth(150);
    date.setConverter(new javafx.util.converter.LocalDateStringConverter(DateTimeFormatter.ISO_LOCAL_DATE,
        DateTimeFormatter.ISO_LOCAL_DATE));
    date.setPromptText("date");
    time.setId(idPrefix + "-time");
    time.setPrefColumnCount(5);
    time.setPromptText("HH:mm");
    time.setTooltip(new Tooltip("Time of day (" + zone.getId() + "), HH:mm or HH:mm:ss"));
    Button clear = new Button("×");
    clear.setId(idPrefix + "-clear");
    clear.getStyleClass().addAll("flat", "small");
    clear.setTooltip(new Tooltip("Clear"));
    clear.setOnAction(e -> value.set(null));
    getChildren().addAll(date, time, clear);
    value.addListener((obs, was, now) -> show(now));
    date.valueProperty().addListener((obs, was, now) -> read());
    time.setOnAction(e -> read());
    time.focusedProperty().addListener((obs, was, focused) -> {
      if (!focused) {
        read();
      }
    });
  }

  private void show(Instant instant) {
    showing = true;
    try {
      time.getStyleClass().remove(INVALID);
      if (instant == null) {
        date.setValue(null);
        time.setText("");
      } else {
        ZonedDateTime at = instant.atZone(zone);
        date.setValue(at.toLocalDate());
        time.setText((at.getSecond() == 0 ? SHOWN : SECONDS).format(at));
      }
    } finally {
      showing = false;
    }
  }

  /** Takes what the date and time say; a date without a time is midnight. */
  private void read() {
    if (showing) {
      return;
    }
    LocalDate day = date.getValue();
    String text = time.getText().strip();
    if (day == null) {
      if (text.isEmpty()) {
        value.set(null);
      }
      return;
    }
    LocalTime clock;
    try {
      clock = text.isEmpty() ? LocalTime.MIDNIGHT : LocalTime.parse(text, TIME);
    } catch (DateTimeParseException e) {
      if (!time.getStyleClass().contains(INVALID)) {
        time.getStyleClass().add(INVALID);
      }
      return;
    }
    time.getStyleClass().remove(INVALID);
    value.set(day.atTime(clock).atZone(zone).toInstant());
  }

  ObjectProperty<Instant> valueProperty() {
    return value;
  }

  DatePicker date() {
    return date;
  }

  TextField time() {
    return time;
  }
}
