package dev.baton.console.ui.handover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HandoverViewModelTest {

  @Test
  void offersPeopleAndTeamsSeenSortedWithoutDuplicates() {
    HandoverViewModel model = new HandoverViewModel(List.of("@bob", "#l1", "@alice", "#l1", "baton"));
    assertEquals(List.of("#l1", "@alice", "@bob"), model.candidates());
  }

  @Test
  void needsATargetAndAComment() {
    HandoverViewModel model = new HandoverViewModel(List.of());
    assertTrue(model.save().isEmpty());
    assertEquals("Choose a person (@name) or a team (#team) to hand over to.", model.messageProperty().get());
    model.toProperty().set("#l2");
    assertTrue(model.save().isEmpty());
    assertEquals("Say why (the comment goes to the timeline and to #l2).", model.messageProperty().get());
    model.toProperty().set("@bob smith");
    model.commentProperty().set("db owner");
    assertTrue(model.save().isEmpty());
    assertTrue(model.messageProperty().get().startsWith("'@bob smith' is not a name"));
  }

  @Test
  void aBareNameIsAPerson() {
    HandoverViewModel model = new HandoverViewModel(List.of());
    model.toProperty().set(" bob ");
    model.commentProperty().set(" storage owns it ");
    assertEquals(Optional.of(new HandoverViewModel.Handover("@bob", "storage owns it")), model.save());
    assertEquals("", model.messageProperty().get());
  }
}
