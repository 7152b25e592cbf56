package dev.baton.server.postmortem;

import dev.baton.api.model.ArtifactInfo;

/** A copied artifact with its bytes. */
public record StoredArtifact(ArtifactInfo info, byte[] data) {
}
