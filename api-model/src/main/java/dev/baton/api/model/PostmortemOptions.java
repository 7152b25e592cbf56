package dev.baton.api.model;

import java.util.List;

/**
 * What a post-mortem's fields accept ({@code GET /api/v1/postmortems/options}): the dropdowns, the
 * template new reports start from, and the artifact bounds.
 *
 * @param artifactTypes content types an artifact may have
 */
public record PostmortemOptions(
    List<Choice> statuses,
    List<Choice> triggerCategories,
    List<Choice> detectionMethods,
    List<Choice> damageCategories,
    List<Choice> alertWouldHave,
    List<Choice> alertKinds,
    List<PostmortemSection> template,
    List<String> artifactTypes,
    long maxArtifactBytes,
    long maxTotalArtifactBytes,
    int maxArtifacts) {
}
