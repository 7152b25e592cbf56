package dev.baton.api.model;

import java.time.Instant;

/** A copied artifact (screenshot, chat log); its bytes are at {@code …/artifacts/{id}}. */
public record ArtifactInfo(long id, String name, String contentType, long size, String sha256, Instant addedAt,
    String addedBy) {
}
