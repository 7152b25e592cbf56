package dev.baton.console.ui.snooze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.console.snooze.SnoozeRequest;
import dev.baton.console.ui.snooze.SnoozeViewModel.Choice;
import dev.baton.console.ui.snooze.SnoozeViewModel.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class SnoozeViewModelTest {

  private static final ZoneId ZONE = ZoneId.of("Europe/Moscow");
  private final Clock clock = Clock.fixed(Instant.parse("2026-11-21T14:00:00Z"), ZONE); // 17:00 in Moscow
  private final SnoozeViewModel model = new SnoozeViewModel(clock, ZONE);

  private SnoozeRequest ready(Outcome outcome) {
    return assertInstanceOf(Outcome.Ready.class, outcome).request();
  }

  @Test
  void presetDurations() {
    assertEquals(Duration.ofMinutes(30), ready(model.save(false)).duration());
    model.choiceProperty().set(Choice.HOURS_6);
    model.closeIfOkProperty().set(true);
    model.commentProperty().set("waiting for the vendor");
    SnoozeRequest request = ready(model.save(false));
    assertEquals(Duration.ofHours(6), request.duration());
    assertTrue(request.closeIfOk());
    assertEquals("waiting for the vendor", request.comment());
  }

  @Test
  void untilADateAndTimeInTheOperatorsZone() {
    model.choiceProperty().set(Choice.UNTIL);
    model.untilDateProperty().set(LocalDate.of(2026, 11, 21));
    model.untilTimeProperty().set("18:30");
    assertEquals(Instant.parse("2026-11-21T15:30:00Z"), ready(model.save(false)).until());
  }

  @Test
  void pastTimesAndNonsenseAreRefusedWithAMessage() {
    model.choiceProperty().set(Choice.UNTIL);
    model.untilDateProperty().set(LocalDate.of(2026, 11, 21));
    model.untilTimeProperty().set("16:59");
    assertInstanceOf(Outcome.Invalid.class, model.save(false));
    assertEquals("2026-11-21 16:59 has already passed (it is 2026-11-21 17:00): choose a time in the future.",
        model.messageProperty().get());
    model.untilTimeProperty().set("25:00");
    assertEquals("", model.messageProperty().get(), "editing clears the message");
    model.save(false);
    assertEquals("Time '25:00' is not a time of day: write it as HH:MM, e.g. 18:30.", model.messageProperty().get());
    model.untilDateProperty().set(null);
    model.save(false);
    assertEquals("Choose the date until which to snooze.", model.messageProperty().get());
  }

  @Test
  void foreverNeedsACommentAndAConfirmation() {
    model.foreverProperty().set(true);
    assertInstanceOf(Outcome.Invalid.class, model.save(false));
    model.commentProperty().set("decommissioned host");
    assertInstanceOf(Outcome.NeedsConfirmation.class, model.save(false));
    SnoozeRequest request = ready(model.save(true));
    assertTrue(request.forever());
    assertEquals("decommissioned host", request.comment());
  }

  @Test
  void dateFieldsApplyOnlyToUntilAndNotForever() {
    assertEquals(false, model.untilEditable().get());
    model.choiceProperty().set(Choice.UNTIL);
    assertEquals(true, model.untilEditable().get());
    model.foreverProperty().set(true);
    assertEquals(false, model.untilEditable().get());
  }
}
