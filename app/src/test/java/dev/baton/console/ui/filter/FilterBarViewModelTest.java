package dev.baton.console.ui.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.console.incident.CardVocabulary;
import dev.baton.console.incident.IncidentSubjects;
import dev.baton.console.incident.SampleIncidents;
import dev.baton.mql.Mql;
import dev.baton.mql.complete.Completion;
import dev.baton.mql.eval.CompiledQuery;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FilterBarViewModelTest {

  private final FilterBarViewModel model = new FilterBarViewModel(Mql.forIncidents());

  @Test
  void aValidQueryCompilesAndAnEmptyOneMatchesEverything() {
    model.textProperty().set("project = \"payments\" AND severity <= S2");
    assertNotNull(model.queryProperty().get());
    assertNull(model.problemProperty().get());
    model.textProperty().set("   ");
    assertNull(model.queryProperty().get());
  }

  @Test
  void anErrorIsLocatedAndTheLastValidQueryStaysInForce() {
    model.textProperty().set("project = \"payments\"");
    CompiledQuery valid = model.queryProperty().get();
    model.textProperty().set("project = \"payments\" AND projct = x");
    assertSame(valid, model.queryProperty().get());
    assertEquals(1, model.problemProperty().get().line());
    assertEquals(26, model.problemProperty().get().column());
    String error = model.errorTextProperty().get();
    assertEquals(25, error.indexOf('^'), error);
    assertTrue(error.contains("1:26: unknown field 'projct'"), error);
    assertTrue(error.contains("did you mean 'project'?"), error);
    model.textProperty().set("project = \"payments\"");
    assertEquals("", model.errorTextProperty().get());
  }

  @Test
  void spansColourEachTokenAndMarkTheError() {
    model.textProperty().set("~team = \"x\" and severity ! S1");
    List<FilterBarViewModel.Span> spans = model.spans();
    assertEquals(new FilterBarViewModel.Span(0, 5, "label"), spans.get(0));
    assertEquals(new FilterBarViewModel.Span(6, 7, "operator"), spans.get(1));
    assertEquals(new FilterBarViewModel.Span(8, 11, "string"), spans.get(2));
    assertEquals(new FilterBarViewModel.Span(12, 15, "keyword"), spans.get(3));
    assertEquals(new FilterBarViewModel.Span(16, 24, "field"), spans.get(4));
    assertTrue(spans.stream().anyMatch(s -> s.kind().equals("error") && s.start() == 25), spans.toString());
  }

  @Test
  void completionOffersTheVocabularyOfTheCards() {
    model.vocabularyProperty().set(new CardVocabulary(SampleIncidents.around(Instant.now()), Set.of("l1")));
    model.textProperty().set("~kub");
    Completion completion = model.complete(4);
    assertEquals("~kubernetes", completion.suggestions().get(0).text());
    int caret = model.accept(completion, completion.suggestions().get(0));
    assertEquals("~kubernetes ", model.textProperty().get());
    assertEquals(12, caret);
    model.textProperty().set("~kubernetes = ");
    assertEquals("prod-eu", model.complete(14).suggestions().get(0).text());
    model.textProperty().set("project = pay");
    assertEquals("payments", model.complete(13).suggestions().get(0).text().replace("\"", ""));
  }

  @Test
  void labelClicksAddMatchesWithAnd() {
    model.addLabelMatch("kubernetes", "prod-eu", false);
    assertEquals("~kubernetes = \"prod-eu\"", model.textProperty().get());
    model.addLabelMatch("vhost", "say \"hi\"", true);
    assertEquals("~kubernetes = \"prod-eu\" AND ~vhost != \"say \\\"hi\\\"\"", model.textProperty().get());
    assertNull(model.problemProperty().get());
    assertNotNull(model.queryProperty().get());
  }

  @Test
  void theWarmUpTypesFiltersThatAreValidOnceWhole() {
    // Typed prefix by prefix, each passes through problems to a valid query, as typing does: both
    // paths are warmed only while the whole filters stay valid MQL.
    for (String filter : IncidentSubjects.TYPICAL_FILTERS) {
      assertTrue(Mql.forIncidents().parse(filter).ok(), filter);
      assertFalse(Mql.forIncidents().parse(filter.substring(0, filter.indexOf(' '))).ok(), filter);
    }
    FilterBarViewModel.warmUp(Mql.forIncidents());
  }
}
