package dev.baton.api.model;

import java.time.Instant;
import java.util.List;

/**
 * A post-mortem with all its parts, as {@code GET /api/v1/postmortems/{id}} and every write answer it.
 * Category fields hold ids from {@link PostmortemOptions}; null means not filled in yet.
 *
 * @param status             draft, in_review or done
 * @param incidentIds        the incidents it covers (at least one; each in one post-mortem only)
 * @param alertWouldHave     no, prevented or shortened: whether an alert would have prevented the
 *                           incident or made it shorter; null when not judged yet
 * @param alertKind          which kind of alert, when {@code alertWouldHave} is prevented or shortened
 * @param timeline           the incidents' events and the notes, in time order
 * @param version            changes with every write; send it back as {@code If-Match}
 */
public record Postmortem(
    long id,
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
    List<GlossaryEntry> glossary,
    List<PostmortemTimelineEntry> timeline,
    List<ActionItem> actions,
    List<ArtifactInfo> artifacts,
    Instant createdAt,
    String createdBy,
    Instant updatedAt,
    String updatedBy,
    long version) {
}
