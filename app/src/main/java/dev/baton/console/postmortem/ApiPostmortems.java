package dev.baton.console.postmortem;

import dev.baton.api.model.ActionItemFields;
import dev.baton.api.model.NewPostmortem;
import dev.baton.api.model.Postmortem;
import dev.baton.api.model.PostmortemFields;
import dev.baton.api.model.PostmortemOptions;
import dev.baton.api.model.PostmortemSummary;
import dev.baton.api.model.TimelineNote;
import dev.baton.client.BatonClient;
import dev.baton.client.PostmortemQuery;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** {@link Postmortems} over the receiver's post-mortem API ({@code /api/v1/postmortems}). */
public final class ApiPostmortems implements Postmortems {

  private final BatonClient client;

  public ApiPostmortems(BatonClient client) {
    this.client = client;
  }

  @Override
  public PostmortemOptions options() throws IOException {
    return client.postmortemOptions();
  }

  @Override
  public List<PostmortemSummary> recent(int limit) throws IOException {
    return client.postmortems(new PostmortemQuery(null, null, null, null, null, limit, null)).items();
  }

  @Override
  public Postmortem get(long id) throws IOException {
    return client.postmortem(id);
  }

  @Override
  public Optional<PostmortemSummary> forIncident(long incidentId) throws IOException {
    return client.postmortems(new PostmortemQuery(null, null, null, incidentId, null, 1, null)).items().stream()
        .findFirst();
  }

  @Override
  public Postmortem create(long incidentId) throws IOException {
    return client.createPostmortem(new NewPostmortem(List.of(incidentId), null, null));
  }

  @Override
  public Postmortem update(long id, PostmortemFields fields, long version) throws IOException {
    return client.updatePostmortem(id, fields, version);
  }

  @Override
  public Postmortem addNote(long id, TimelineNote note, long version) throws IOException {
    return client.addTimelineNote(id, note, version);
  }

  @Override
  public Postmortem editEntry(long id, long entry, TimelineNote note, long version) throws IOException {
    return client.editTimelineEntry(id, entry, note, version);
  }

  @Override
  public Postmortem removeEntry(long id, long entry, long version) throws IOException {
    return client.removeTimelineEntry(id, entry, version);
  }

  @Override
  public Postmortem syncTimeline(long id, long version) throws IOException {
    return client.syncTimeline(id, version);
  }

  @Override
  public Postmortem addAction(long id, ActionItemFields item, long version) throws IOException {
    return client.addActionItem(id, item, version);
  }

  @Override
  public Postmortem updateAction(long id, long action, ActionItemFields item, long version) throws IOException {
    return client.updateActionItem(id, action, item, version);
  }

  @Override
  public Postmortem removeAction(long id, long action, long version) throws IOException {
    return client.removeActionItem(id, action, version);
  }

  @Override
  public Postmortem addArtifact(long id, String name, String contentType, byte[] data, long version)
      throws IOException {
    return client.addArtifact(id, name, contentType, data, version);
  }

  @Override
  public byte[] artifact(long id, long artifact) throws IOException {
    return client.artifact(id, artifact);
  }

  @Override
  public Postmortem removeArtifact(long id, long artifact, long version) throws IOException {
    return client.removeArtifact(id, artifact, version);
  }

  @Override
  public byte[] markdown(long id) throws IOException {
    return client.exportPostmortem(id, "md");
  }
}
