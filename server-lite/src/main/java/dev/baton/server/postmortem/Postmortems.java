package dev.baton.server.postmortem;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.api.model.ActionItemFields;
import dev.baton.api.model.NewPostmortem;
import dev.baton.api.model.Postmortem;
import dev.baton.api.model.PostmortemFields;
import dev.baton.api.model.PostmortemOptions;
import dev.baton.api.model.PostmortemPage;
import dev.baton.api.model.TimelineNote;
import dev.baton.server.config.PostmortemConfig;
import dev.baton.server.pipeline.Pipeline;
import dev.baton.server.pipeline.Unavailable;
import dev.baton.server.postmortem.PostmortemStore.Outcome;
import dev.baton.server.query.BadRequest;
import dev.baton.server.query.IncidentFilter;
import dev.baton.server.query.ListRequest;
import dev.baton.server.query.NotFound;
import dev.baton.server.query.ReadConnections;
import dev.baton.server.store.SqlWork;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Post-mortems: validated writes through the receiver's single writer, reads on read-only
 * connections. Writes are not on the alert path, but SQLite allows one writer at a time: going
 * through the writer's queue (one short command in its next group commit) means an alert batch
 * never waits on a busy lock held by a post-mortem save, and a save never fails with SQLITE_BUSY.
 * Every write answers the whole post-mortem as committed, with its new version.
 */
public final class Postmortems {

  private final ReadConnections readers;
  private final Pipeline writer;
  private final Supplier<PostmortemConfig> config;
  private final Clock clock;
  private final Duration commitTimeout;
  /** The vocabulary of the configuration in effect, rebuilt when a reload changes it. */
  private volatile Vocabulary vocabulary;

  /** @param config the {@code postmortems} section in effect now (it follows configuration reloads) */
  public Postmortems(ReadConnections readers, Pipeline writer, Supplier<PostmortemConfig> config, Clock clock,
      Duration commitTimeout) {
    this.readers = readers;
    this.writer = writer;
    this.config = config;
    this.clock = clock;
    this.commitTimeout = commitTimeout;
    this.vocabulary = new Vocabulary(config.get());
  }

  public PostmortemOptions options() {
    return vocabulary().options();
  }

  /** The lists and template in effect now. */
  public Vocabulary vocabulary() {
    PostmortemConfig now = config.get();
    Vocabulary v = vocabulary;
    if (!v.config().equals(now)) {
      v = new Vocabulary(now);
      vocabulary = v;
    }
    return v;
  }

  private PostmortemValidator validator() {
    return new PostmortemValidator(vocabulary());
  }

  public Postmortem get(long id) {
    Postmortem p = readers.read(c -> PostmortemStore.read(c, id));
    if (p == null) {
      throw new NotFound("no post-mortem " + id);
    }
    return p;
  }

  /** A page, newest first; every filter optional (statuses comma-separated, {@code q} MQL over the incidents). */
  public PostmortemPage list(String status, String owner, String trigger, String incident, String q, String limit,
      String cursor) {
    List<String> statuses = new ArrayList<>();
    if (status != null && !status.isBlank()) {
      for (String s : status.split(",")) {
        String word = s.trim().toLowerCase(Locale.ROOT);
        if (Vocabulary.STATUSES.stream().noneMatch(c -> c.id().equals(word))) {
          throw new BadRequest("status", "unknown status '" + s.trim() + "'; expected draft, in_review or done"
              + " (comma-separated)");
        }
        statuses.add(word);
      }
    }
    PostmortemStore.ListFilter filter = new PostmortemStore.ListFilter(statuses, blankToNull(owner),
        blankToNull(trigger), positive(incident, "incident"), IncidentFilter.where("q", q),
        ListRequest.limit(limit, ListRequest.DEFAULT_LIMIT, ListRequest.MAX_LIMIT), positive(cursor, "cursor"));
    return readers.read(c -> PostmortemStore.list(c, filter));
  }

  public Postmortem create(JsonNode body, String actor) {
    NewPostmortem request = validator().create(body);
    Outcome o = write((c, now) -> PostmortemStore.create(c, request, vocabulary(), actor, now));
    return get(o.id());
  }

  public Postmortem update(long id, Long expected, JsonNode body, String actor) {
    PostmortemFields fields = validator().fields(body, clock.instant());
    write((c, now) -> PostmortemStore.update(c, id, expected, fields, actor, now));
    return get(id);
  }

  public Postmortem addNote(long id, Long expected, JsonNode body, String actor) {
    TimelineNote note = validator().note(body, clock.instant());
    writePart(id, expected, actor, (c, now) -> PostmortemStore.addNote(c, id, note, actor));
    return get(id);
  }

  public Postmortem editEntry(long id, Long expected, long entry, JsonNode body, String actor) {
    TimelineNote note = validator().note(body, clock.instant());
    writePart(id, expected, actor, (c, now) -> PostmortemStore.editEntry(c, id, entry, note));
    return get(id);
  }

  public Postmortem removeEntry(long id, Long expected, long entry, String actor) {
    writePart(id, expected, actor, (c, now) -> PostmortemStore.removeEntry(c, id, entry));
    return get(id);
  }

  /** Copies in incident events that arrived since (e.g. the close, after a report started during the fire). */
  public Postmortem syncTimeline(long id, Long expected, String actor) {
    writePart(id, expected, actor, (c, now) -> PostmortemStore.syncTimeline(c, id));
    return get(id);
  }

  public Postmortem addAction(long id, Long expected, JsonNode body, String actor) {
    ActionItemFields fields = validator().action(body);
    writePart(id, expected, actor, (c, now) -> PostmortemStore.addAction(c, id, fields, now));
    return get(id);
  }

  public Postmortem updateAction(long id, Long expected, long action, JsonNode body, String actor) {
    ActionItemFields fields = validator().action(body);
    writePart(id, expected, actor, (c, now) -> PostmortemStore.updateAction(c, id, action, fields));
    return get(id);
  }

  public Postmortem removeAction(long id, Long expected, long action, String actor) {
    writePart(id, expected, actor, (c, now) -> PostmortemStore.removeAction(c, id, action));
    return get(id);
  }

  /** Most bytes one artifact may have (larger bodies are 413). */
  public long maxArtifactBytes() {
    return vocabulary().config().maxArtifactBytes();
  }

  public Postmortem addArtifact(long id, Long expected, String name, String contentType, byte[] data, String actor) {
    String checkedName = ArtifactTypes.name(name);
    if (data.length == 0) {
      throw InvalidPostmortem.of("body", "empty: send the file's bytes as the request body");
    }
    String type = ArtifactTypes.check(contentType, data);
    String sha = sha256(data);
    PostmortemConfig config = vocabulary().config();
    PostmortemStore.Limits limits = new PostmortemStore.Limits(config.maxArtifacts(), config.maxTotalBytes());
    writePart(id, expected, actor,
        (c, now) -> PostmortemStore.addArtifact(c, id, checkedName, type, data, sha, limits, actor, now));
    return get(id);
  }

  public StoredArtifact artifact(long id, long artifactId) {
    StoredArtifact a = readers.read(c -> PostmortemStore.artifact(c, id, artifactId));
    if (a == null) {
      throw new NotFound("no artifact " + artifactId + " in post-mortem " + id);
    }
    return a;
  }

  public Postmortem removeArtifact(long id, Long expected, long artifact, String actor) {
    writePart(id, expected, actor, (c, now) -> PostmortemStore.removeArtifact(c, id, artifact));
    return get(id);
  }

  /** The report as Markdown with images inline ({@code md}) or as a zip of Markdown and artifact files ({@code zip}). */
  public MarkdownExport.Export export(long id, String format) {
    String f = format == null || format.isBlank() ? "md" : format.trim().toLowerCase(Locale.ROOT);
    if (!f.equals("md") && !f.equals("zip")) {
      throw new BadRequest("format", "unknown format '" + format + "'; expected md (one file, images inline) or zip"
          + " (Markdown and the artifacts as files)");
    }
    Postmortem p = get(id);
    List<StoredArtifact> artifacts = readers.read(c -> PostmortemStore.artifacts(c, id));
    MarkdownExport export = new MarkdownExport(vocabulary());
    return f.equals("md") ? export.inline(p, artifacts) : export.zip(p, artifacts);
  }

  /** A store write on the writer connection. */
  @FunctionalInterface
  private interface StoreWrite {
    Outcome run(java.sql.Connection c, long now) throws java.sql.SQLException;
  }

  /** A write to a part of post-mortem {@code id}: also a new version of the whole, refused when not {@code expected}. */
  private void writePart(long id, Long expected, String actor, StoreWrite part) {
    write((c, now) -> {
      Outcome refused = PostmortemStore.touch(c, id, expected, actor, now);
      return refused != null ? refused : part.run(c, now);
    });
  }

  /** Runs the write in the writer's next transaction and turns a refusal into its exception. */
  private Outcome write(StoreWrite work) {
    CompletableFuture<Outcome> done = writer.write((tx, now) -> tx.sql((SqlWork<Outcome>) c -> work.run(c, now)));
    Outcome o;
    try {
      o = done.get(commitTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new Unavailable(Unavailable.Reason.TIMEOUT, "the store did not commit within " + commitTimeout.toSeconds()
          + " s; retry later", null);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Unavailable u ? u
          : new Unavailable(Unavailable.Reason.STORE_FAILED, "the store could not commit; retry later", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Unavailable(Unavailable.Reason.STOPPED, "the receiver is stopping; retry later", null);
    }
    switch (o.kind()) {
      case DONE:
        return o;
      case MISSING:
        throw new NotFound(o.message());
      case INVALID:
        throw new InvalidPostmortem(o.problems());
      default: // STALE, CONFLICT
        throw new Conflict(o.message());
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  private static Long positive(String text, String parameter) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      long v = Long.parseLong(text.trim());
      if (v > 0) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new BadRequest(parameter, parameter + " '" + text + "' is not a positive whole number");
  }

  private static String sha256(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
