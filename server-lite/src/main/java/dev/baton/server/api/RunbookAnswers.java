package dev.baton.server.api;

import dev.baton.api.model.IncidentDetail;
import dev.baton.api.model.IncidentRunbooks;
import dev.baton.api.model.RunbookList;
import dev.baton.server.runbook.IncidentSubject;
import dev.baton.server.runbook.Runbook;
import dev.baton.server.runbook.RunbookLibrary;
import dev.baton.server.runbook.RunbookProblem;
import java.util.List;
import java.util.function.Supplier;

/** {@code GET /api/v1/runbooks} and {@code GET /api/v1/incidents/{id}/runbooks}: the live library as documents. */
final class RunbookAnswers {

  private final Supplier<RunbookLibrary> library;

  RunbookAnswers(Supplier<RunbookLibrary> library) {
    this.library = library;
  }

  RunbookList all() {
    RunbookLibrary l = library.get();
    return new RunbookList(l.folder() == null ? null : l.folder().toString(), l.loadedAt(),
        l.runbooks().stream().map(RunbookAnswers::document).toList(),
        l.problems().stream().map(RunbookAnswers::document).toList());
  }

  IncidentRunbooks forIncident(IncidentDetail incident) {
    List<Runbook> matched = library.get().matching(IncidentSubject.of(incident));
    return new IncidentRunbooks(incident.card().id(), matched.stream().map(RunbookAnswers::document).toList());
  }

  private static dev.baton.api.model.Runbook document(Runbook r) {
    return new dev.baton.api.model.Runbook(r.path(), r.title(), r.mql(), r.priority(), r.body());
  }

  private static dev.baton.api.model.RunbookProblem document(RunbookProblem p) {
    return new dev.baton.api.model.RunbookProblem(p.path(), p.line(), p.message());
  }
}
