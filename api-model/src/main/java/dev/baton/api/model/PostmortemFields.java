package dev.baton.api.model;

import java.time.Instant;
import java.util.List;

/**
 * The document fields of a post-mortem, as {@code PUT /api/v1/postmortems/{id}} replaces them (all
 * at once: a field left out is cleared). Timeline, action items and artifacts have their own calls.
 */
public record PostmortemFields(
    String title,
    String status,
    String owner,
    List<Long> incidentIds,
    Instant failureStart,
    Instant failureEnd,
    Instant investigationStart,
    Instant investigationEnd,
    String triggerCategory,
    String detection,
    String damageCategory,
    String damageText,
    List<DamageFigure> damageFigures,
    List<String> teams,
    List<String> services,
    String alertWouldHave,
    String alertKind,
    List<PostmortemSection> sections,
    List<GlossaryEntry> glossary) {

  /** The fields of an existing post-mortem, to change some and send back. */
  public static PostmortemFields of(Postmortem p) {
    return new PostmortemFields(p.title(), p.status(), p.owner(), p.incidentIds(), p.failureStart(), p.failureEnd(),
        p.investigationStart(), p.investigationEnd(), p.triggerCategory(), p.detection(), p.damageCategory(),
        p.damageText(), p.damageFigures(), p.teams(), p.services(), p.alertWouldHave(), p.alertKind(), p.sections(),
        p.glossary());
  }
}
