package dev.baton.console.postmortem;

import dev.baton.api.model.ActionItemFields;
import dev.baton.api.model.Postmortem;
import dev.baton.api.model.PostmortemFields;
import dev.baton.api.model.PostmortemOptions;
import dev.baton.api.model.PostmortemSummary;
import dev.baton.api.model.TimelineNote;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The receiver's post-mortems as the console edits them. Every write names the version it was
 * made against (If-Match): a write over someone else's newer version fails with a 409 instead of
 * undoing their change. Blocks: call it off the UI thread.
 */
public interface Postmortems {

  /** The dropdowns, the template and the artifact bounds. */
  PostmortemOptions options() throws IOException;

  /** The newest post-mortems first, at most {@code limit}. */
  List<PostmortemSummary> recent(int limit) throws IOException;

  Postmortem get(long id) throws IOException;

  /** The post-mortem covering {@code incidentId}, if one does. */
  Optional<PostmortemSummary> forIncident(long incidentId) throws IOException;

  /** A new draft for the incident, prefilled by the receiver from its timeline. */
  Postmortem create(long incidentId) throws IOException;

  Postmortem update(long id, PostmortemFields fields, long version) throws IOException;

  Postmortem addNote(long id, TimelineNote note, long version) throws IOException;

  Postmortem editEntry(long id, long entry, TimelineNote note, long version) throws IOException;

  Postmortem removeEntry(long id, long entry, long version) throws IOException;

  /** Copies in what the incidents recorded since (their close, say). */
  Postmortem syncTimeline(long id, long version) throws IOException;

  Postmortem addAction(long id, ActionItemFields item, long version) throws IOException;

  Postmortem updateAction(long id, long action, ActionItemFields item, long version) throws IOException;

  Postmortem removeAction(long id, long action, long version) throws IOException;

  Postmortem addArtifact(long id, String name, String contentType, byte[] data, long version) throws IOException;

  byte[] artifact(long id, long artifact) throws IOException;

  Postmortem removeArtifact(long id, long artifact, long version) throws IOException;

  /** The whole report as one Markdown file, images inline. */
  byte[] markdown(long id) throws IOException;
}
