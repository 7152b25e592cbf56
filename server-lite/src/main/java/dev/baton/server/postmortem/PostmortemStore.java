package dev.baton.server.postmortem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.api.model.ActionItem;
import dev.baton.api.model.ActionItemFields;
import dev.baton.api.model.ArtifactInfo;
import dev.baton.api.model.DamageFigure;
import dev.baton.api.model.FieldProblem;
import dev.baton.api.model.GlossaryEntry;
import dev.baton.api.model.NewPostmortem;
import dev.baton.api.model.Postmortem;
import dev.baton.api.model.PostmortemFields;
import dev.baton.api.model.PostmortemPage;
import dev.baton.api.model.PostmortemSection;
import dev.baton.api.model.PostmortemSummary;
import dev.baton.api.model.PostmortemTimelineEntry;
import dev.baton.api.model.TimelineNote;
import dev.baton.mql.sql.SqlFragment;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The post-mortem tables' SQL. Reads take any connection (the read-only pool); writes take the
 * writer's connection inside its transaction (through {@link dev.baton.server.pipeline.WriterCommand})
 * and answer refusals as an {@link Outcome}, never by throwing.
 */
final class PostmortemStore {

  /** Most incident events copied into one post-mortem's timeline (a flapping alert makes thousands). */
  static final int MAX_IMPORTED = 2_000;
  /**
   * Kinds the receiver writes for alert changes (and a close, which ends an investigation); any
   * other kind in an incident's timeline, by someone other than the receiver itself, is a person's doing.
   */
  static final Set<String> RECEIVER_KINDS = Set.of("opened", "alert_joined", "alert_state", "alert_repeated",
      "alert_acknowledged", "severity_raised", "woke", "closed");
  /** The actor the receiver writes its own entries as. */
  static final String RECEIVER = "baton";
  static final String NOTE = "note";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
  private static final TypeReference<List<DamageFigure>> FIGURES = new TypeReference<>() {};
  private static final TypeReference<List<PostmortemSection>> SECTIONS = new TypeReference<>() {};
  private static final TypeReference<List<GlossaryEntry>> GLOSSARY = new TypeReference<>() {};
  private static final TypeReference<Map<String, Object>> DETAIL = new TypeReference<>() {};
  private static final String COLUMNS = "p.id, p.title, p.status, p.owner, p.failure_start, p.failure_end,"
      + " p.investigation_start, p.investigation_end, p.trigger_category, p.detection, p.damage_category,"
      + " p.damage_text, p.damage_figures, p.teams, p.services, p.alert_would_have, p.alert_kind, p.sections,"
      + " p.glossary, p.created_at, p.created_by, p.updated_at, p.updated_by, p.version";

  private PostmortemStore() {}

  /** What a write came to. */
  enum Kind { DONE, MISSING, STALE, CONFLICT, INVALID }

  /**
   * @param id       the post-mortem (or, for parts, the part) written, when DONE
   * @param problems the fields at fault, when INVALID
   */
  record Outcome(Kind kind, long id, String message, List<FieldProblem> problems) {

    static Outcome done(long id) {
      return new Outcome(Kind.DONE, id, null, List.of());
    }

    static Outcome of(Kind kind, String message) {
      return new Outcome(kind, 0, message, List.of());
    }
  }

  /** A list request, already validated. */
  record ListFilter(List<String> statuses, String owner, String trigger, Long incident, SqlFragment q, int limit,
      Long before) {
  }

  // ---------------------------------------------------------------- reads

  static Postmortem read(Connection c, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM postmortems p WHERE p.id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        return new Postmortem(id, rs.getString(2), rs.getString(3), rs.getString(4), incidents(c, id),
            instant(rs, 5), instant(rs, 6), instant(rs, 7), instant(rs, 8), rs.getString(9), rs.getString(10),
            rs.getString(11), rs.getString(12), json(rs.getString(13), FIGURES), json(rs.getString(14), STRINGS),
            json(rs.getString(15), STRINGS), rs.getString(16), rs.getString(17), json(rs.getString(18), SECTIONS),
            json(rs.getString(19), GLOSSARY), timeline(c, id), actions(c, id), artifactInfos(c, id),
            instant(rs, 20), rs.getString(21), instant(rs, 22), rs.getString(23), rs.getLong(24));
      }
    }
  }

  static PostmortemPage list(Connection c, ListFilter f) throws SQLException {
    StringBuilder sql = new StringBuilder("SELECT p.id, p.title, p.status, p.owner, p.trigger_category,"
        + " p.failure_start, p.failure_end, p.updated_at, p.version,"
        + " (SELECT count(*) FROM postmortem_actions a WHERE a.postmortem_id = p.id AND a.done = 0),"
        + " (SELECT count(*) FROM postmortem_actions a WHERE a.postmortem_id = p.id)"
        + " FROM postmortems p WHERE 1");
    List<Object> params = new ArrayList<>();
    if (!f.statuses().isEmpty()) {
      sql.append(" AND p.status IN (").append("?,".repeat(f.statuses().size() - 1)).append("?)");
      params.addAll(f.statuses());
    }
    if (f.owner() != null) {
      sql.append(" AND p.owner = ?");
      params.add(f.owner());
    }
    if (f.trigger() != null) {
      sql.append(" AND p.trigger_category = ?");
      params.add(f.trigger());
    }
    if (f.incident() != null) {
      sql.append(" AND p.id IN (SELECT postmortem_id FROM postmortem_incidents WHERE incident_id = ?)");
      params.add(f.incident());
    }
    if (f.before() != null) {
      sql.append(" AND p.id < ?");
      params.add(f.before());
    }
    sql.append(" AND EXISTS (SELECT 1 FROM postmortem_incidents pi JOIN incidents i ON i.id = pi.incident_id"
        + " WHERE pi.postmortem_id = p.id AND (").append(f.q().sql()).append("))");
    sql.append(" ORDER BY p.id DESC LIMIT ?");
    List<PostmortemSummary> items = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
      int index = 1;
      for (Object p : params) {
        ps.setObject(index++, p);
      }
      index = f.q().bind(ps, index);
      ps.setInt(index, f.limit() + 1);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next() && items.size() < f.limit() + 1) {
          long id = rs.getLong(1);
          items.add(new PostmortemSummary(id, rs.getString(2), rs.getString(3), rs.getString(4), incidents(c, id),
              rs.getString(5), instant(rs, 6), instant(rs, 7), rs.getInt(10), rs.getInt(11), instant(rs, 8),
              rs.getLong(9)));
        }
      }
    }
    if (items.size() > f.limit()) {
      items.remove(items.size() - 1);
      return new PostmortemPage(items, Long.toString(items.get(items.size() - 1).id()));
    }
    return new PostmortemPage(items, null);
  }

  static StoredArtifact artifact(Connection c, long postmortemId, long artifactId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT id, name, content_type, size, sha256, added_at, added_by,"
        + " data FROM postmortem_artifacts WHERE postmortem_id = ? AND id = ?")) {
      ps.setLong(1, postmortemId);
      ps.setLong(2, artifactId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? new StoredArtifact(artifactInfo(rs), rs.getBytes(8)) : null;
      }
    }
  }

  /** Every artifact of a post-mortem with its bytes, in the order they were added (for the export). */
  static List<StoredArtifact> artifacts(Connection c, long postmortemId) throws SQLException {
    List<StoredArtifact> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT id, name, content_type, size, sha256, added_at, added_by,"
        + " data FROM postmortem_artifacts WHERE postmortem_id = ? ORDER BY id")) {
      ps.setLong(1, postmortemId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new StoredArtifact(artifactInfo(rs), rs.getBytes(8)));
        }
      }
    }
    return out;
  }

  private static List<Long> incidents(Connection c, long id) throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT incident_id FROM postmortem_incidents WHERE postmortem_id = ? ORDER BY incident_id")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
    }
    return ids;
  }

  private static List<PostmortemTimelineEntry> timeline(Connection c, long id) throws SQLException {
    List<PostmortemTimelineEntry> entries = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT id, at, author, kind, text, incident_id FROM"
        + " postmortem_timeline WHERE postmortem_id = ? AND removed = 0 ORDER BY at, id")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long incident = rs.getLong(6);
          Long from = rs.wasNull() ? null : incident;
          entries.add(new PostmortemTimelineEntry(rs.getLong(1), instant(rs, 2), rs.getString(3), rs.getString(4),
              rs.getString(5), from));
        }
      }
    }
    return entries;
  }

  private static List<ActionItem> actions(Connection c, long id) throws SQLException {
    List<ActionItem> items = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT id, title, link, done FROM postmortem_actions WHERE postmortem_id = ? ORDER BY id")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          items.add(new ActionItem(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4) != 0));
        }
      }
    }
    return items;
  }

  private static List<ArtifactInfo> artifactInfos(Connection c, long id) throws SQLException {
    List<ArtifactInfo> items = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT id, name, content_type, size, sha256, added_at, added_by"
        + " FROM postmortem_artifacts WHERE postmortem_id = ? ORDER BY id")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          items.add(artifactInfo(rs));
        }
      }
    }
    return items;
  }

  private static ArtifactInfo artifactInfo(ResultSet rs) throws SQLException {
    return new ArtifactInfo(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
        instant(rs, 6), rs.getString(7));
  }

  // ---------------------------------------------------------------- writes (the writer's connection)

  /** A new post-mortem over the incidents, prefilled from them; its id. */
  static Outcome create(Connection c, NewPostmortem request, Vocabulary vocabulary, String actor, long now)
      throws SQLException {
    Outcome refused = checkIncidents(c, request.incidentIds(), 0);
    if (refused != null) {
      return refused;
    }
    Prefill p = prefill(c, request.incidentIds());
    String title = request.title() != null ? request.title() : p.title;
    long id;
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO postmortems (title, status, owner, failure_start,"
        + " failure_end, investigation_start, investigation_end, teams, services, sections, created_at, created_by,"
        + " updated_at, updated_by, version) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,1) RETURNING id")) {
      ps.setString(1, title);
      ps.setString(2, Vocabulary.DRAFT);
      ps.setString(3, request.owner() != null ? request.owner() : actor);
      setTime(ps, 4, p.failureStart);
      setTime(ps, 5, p.failureEnd);
      setTime(ps, 6, p.investigationStart);
      setTime(ps, 7, p.failureEnd);
      ps.setString(8, write(p.teams));
      ps.setString(9, write(p.services));
      ps.setString(10, write(vocabulary.template()));
      ps.setLong(11, now);
      ps.setString(12, actor);
      ps.setLong(13, now);
      ps.setString(14, actor);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        id = rs.getLong(1);
      }
    }
    linkIncidents(c, id, request.incidentIds());
    importTimeline(c, id);
    return Outcome.done(id);
  }

  /** Replaces the document fields; the incidents too (new ones bring their timelines). */
  static Outcome update(Connection c, long id, Long expected, PostmortemFields f, String actor, long now)
      throws SQLException {
    Outcome refused = touch(c, id, expected, actor, now);
    if (refused == null) {
      refused = checkIncidents(c, f.incidentIds(), id);
    }
    if (refused != null) {
      return refused;
    }
    try (PreparedStatement ps = c.prepareStatement("UPDATE postmortems SET title = ?, status = ?, owner = ?,"
        + " failure_start = ?, failure_end = ?, investigation_start = ?, investigation_end = ?, trigger_category = ?,"
        + " detection = ?, damage_category = ?, damage_text = ?, damage_figures = ?, teams = ?, services = ?,"
        + " alert_would_have = ?, alert_kind = ?, sections = ?, glossary = ? WHERE id = ?")) {
      ps.setString(1, f.title());
      ps.setString(2, f.status());
      ps.setString(3, f.owner());
      setTime(ps, 4, f.failureStart());
      setTime(ps, 5, f.failureEnd());
      setTime(ps, 6, f.investigationStart());
      setTime(ps, 7, f.investigationEnd());
      ps.setString(8, f.triggerCategory());
      ps.setString(9, f.detection());
      ps.setString(10, f.damageCategory());
      ps.setString(11, f.damageText());
      ps.setString(12, write(f.damageFigures()));
      ps.setString(13, write(f.teams()));
      ps.setString(14, write(f.services()));
      ps.setString(15, f.alertWouldHave());
      ps.setString(16, f.alertKind());
      ps.setString(17, write(f.sections()));
      ps.setString(18, write(f.glossary()));
      ps.setLong(19, id);
      ps.executeUpdate();
    }
    List<Long> before = incidents(c, id);
    if (!before.equals(new ArrayList<>(new TreeSet<>(f.incidentIds())))) {
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM postmortem_incidents WHERE postmortem_id = ?")) {
        ps.setLong(1, id);
        ps.executeUpdate();
      }
      linkIncidents(c, id, f.incidentIds());
      importTimeline(c, id);
    }
    return Outcome.done(id);
  }

  /** Copies in the incidents' events not copied yet (nor removed); the number copied. */
  static Outcome syncTimeline(Connection c, long id) throws SQLException {
    return Outcome.done(importTimeline(c, id));
  }

  static Outcome addNote(Connection c, long id, TimelineNote note, String actor) throws SQLException {
    return Outcome.done(insert(c, "INSERT INTO postmortem_timeline (postmortem_id, at, author, text, kind)"
        + " VALUES (?,?,?,?,?) RETURNING id", id, note.at().toEpochMilli(), actor, note.text(), NOTE));
  }

  static Outcome editEntry(Connection c, long id, long entry, TimelineNote note) throws SQLException {
    return changed(entry, "timeline entry", execute(c, "UPDATE postmortem_timeline SET at = ?, text = ?"
        + " WHERE postmortem_id = ? AND id = ? AND removed = 0", note.at().toEpochMilli(), note.text(), id, entry));
  }

  /** Deletes a note; a copied event stays as a tombstone so that a later sync does not bring it back. */
  static Outcome removeEntry(Connection c, long id, long entry) throws SQLException {
    int n = execute(c, "DELETE FROM postmortem_timeline WHERE postmortem_id = ? AND id = ? AND incident_entry_id IS NULL",
        id, entry);
    if (n == 0) {
      n = execute(c, "UPDATE postmortem_timeline SET removed = 1 WHERE postmortem_id = ? AND id = ? AND removed = 0",
          id, entry);
    }
    return changed(entry, "timeline entry", n);
  }

  static Outcome addAction(Connection c, long id, ActionItemFields a, long now) throws SQLException {
    return Outcome.done(insert(c, "INSERT INTO postmortem_actions (postmortem_id, title, link, done, created_at)"
        + " VALUES (?,?,?,?,?) RETURNING id", id, a.title(), a.link(), a.done() ? 1 : 0, now));
  }

  static Outcome updateAction(Connection c, long id, long action, ActionItemFields a) throws SQLException {
    return changed(action, "action item", execute(c, "UPDATE postmortem_actions SET title = ?, link = ?, done = ?"
        + " WHERE postmortem_id = ? AND id = ?", a.title(), a.link(), a.done() ? 1 : 0, id, action));
  }

  static Outcome removeAction(Connection c, long id, long action) throws SQLException {
    return changed(action, "action item",
        execute(c, "DELETE FROM postmortem_actions WHERE postmortem_id = ? AND id = ?", id, action));
  }

  /** Stores a copy, within the per-post-mortem count and byte bounds (checked here, where writes are serial). */
  static Outcome addArtifact(Connection c, long id, String name, String type, byte[] data, String sha256,
      Limits limits, String actor, long now) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT count(*), coalesce(sum(size), 0) FROM postmortem_artifacts WHERE postmortem_id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        if (rs.getInt(1) >= limits.count()) {
          return Outcome.of(Kind.CONFLICT, "post-mortem " + id + " already holds " + rs.getInt(1)
              + " artifacts, the most allowed (postmortems.artifacts.max_count)");
        }
        if (rs.getLong(2) + data.length > limits.totalBytes()) {
          return new Outcome(Kind.INVALID, 0, "too large", List.of(new FieldProblem("body", "post-mortem " + id
              + " holds " + rs.getLong(2) + " bytes of artifacts; with these " + data.length + " it would exceed "
              + limits.totalBytes() + " (postmortems.artifacts.max_total)")));
        }
      }
    }
    return Outcome.done(insert(c, "INSERT INTO postmortem_artifacts (postmortem_id, name, content_type, size, sha256,"
        + " added_at, added_by, data) VALUES (?,?,?,?,?,?,?,?) RETURNING id", id, name, type, data.length, sha256,
        now, actor, data));
  }

  static Outcome removeArtifact(Connection c, long id, long artifact) throws SQLException {
    return changed(artifact, "artifact",
        execute(c, "DELETE FROM postmortem_artifacts WHERE postmortem_id = ? AND id = ?", id, artifact));
  }

  /** Artifact bounds per post-mortem. */
  record Limits(int count, long totalBytes) {
  }

  /**
   * Checks existence and version, then counts the write: a new version, who and when. Null when
   * the write may go on, else the refusal.
   */
  static Outcome touch(Connection c, long id, Long expected, String actor, long now) throws SQLException {
    long version;
    try (PreparedStatement ps = c.prepareStatement("SELECT version FROM postmortems WHERE id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Outcome.of(Kind.MISSING, "no post-mortem " + id);
        }
        version = rs.getLong(1);
      }
    }
    if (expected != null && expected != version) {
      return Outcome.of(Kind.STALE, "post-mortem " + id + " is at version " + version + ", not " + expected
          + ": someone changed it meanwhile; reload it and apply the change again");
    }
    execute(c, "UPDATE postmortems SET version = version + 1, updated_at = ?, updated_by = ? WHERE id = ?", now, actor, id);
    return null;
  }

  private static Outcome changed(long partId, String what, int rows) {
    return rows == 0 ? Outcome.of(Kind.MISSING, "no " + what + " " + partId + " in this post-mortem")
        : Outcome.done(partId);
  }

  /** Every incident must exist and be covered by no other post-mortem than {@code self} (0: none). */
  private static Outcome checkIncidents(Connection c, List<Long> ids, long self) throws SQLException {
    List<FieldProblem> missing = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT i.id, pi.postmortem_id FROM incidents i"
        + " LEFT JOIN postmortem_incidents pi ON pi.incident_id = i.id WHERE i.id = ?")) {
      for (int k = 0; k < ids.size(); k++) {
        ps.setLong(1, ids.get(k));
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            missing.add(new FieldProblem("incidentIds[" + k + "]", "no incident " + ids.get(k)));
            continue;
          }
          long other = rs.getLong(2);
          if (!rs.wasNull() && other != self) {
            return Outcome.of(Kind.CONFLICT, "incident " + ids.get(k) + " is already covered by post-mortem " + other
                + "; add to that one, or take it out of it first");
          }
        }
      }
    }
    return missing.isEmpty() ? null : new Outcome(Kind.INVALID, 0, "unknown incidents", missing);
  }

  private static void linkIncidents(Connection c, long id, List<Long> incidents) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO postmortem_incidents (incident_id, postmortem_id) VALUES (?, ?)")) {
      for (long incident : incidents) {
        ps.setLong(1, incident);
        ps.setLong(2, id);
        ps.executeUpdate();
      }
    }
  }

  /** Copies the incidents' events that are not in the timeline yet, oldest first, up to {@link #MAX_IMPORTED}. */
  private static int importTimeline(Connection c, long id) throws SQLException {
    int room;
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT count(*) FROM postmortem_timeline WHERE postmortem_id = ? AND incident_entry_id IS NOT NULL")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        room = MAX_IMPORTED - rs.getInt(1);
      }
    }
    if (room <= 0) {
      return 0;
    }
    int copied = 0;
    try (PreparedStatement select = c.prepareStatement("SELECT t.id, t.incident_id, t.at, t.actor, t.kind, t.detail"
        + " FROM postmortem_incidents pi JOIN timeline t ON t.incident_id = pi.incident_id"
        + " WHERE pi.postmortem_id = ? AND NOT EXISTS (SELECT 1 FROM postmortem_timeline x"
        + " WHERE x.postmortem_id = pi.postmortem_id AND x.incident_entry_id = t.id) ORDER BY t.at, t.id LIMIT ?");
        PreparedStatement insert = c.prepareStatement("INSERT INTO postmortem_timeline (postmortem_id, at, author,"
            + " text, kind, incident_id, incident_entry_id) VALUES (?,?,?,?,?,?,?)")) {
      select.setLong(1, id);
      select.setInt(2, room);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          insert.setLong(1, id);
          insert.setLong(2, rs.getLong(3));
          insert.setString(3, rs.getString(4));
          insert.setString(4, describe(rs.getString(5), rs.getString(6)));
          insert.setString(5, rs.getString(5));
          insert.setLong(6, rs.getLong(2));
          insert.setLong(7, rs.getLong(1));
          insert.executeUpdate();
          copied++;
        }
      }
    }
    return copied;
  }

  /** An incident event as a line a person reads: {@code alert state: trigger=DiskFull, from=pending, to=firing}. */
  static String describe(String kind, String detailJson) {
    Map<String, Object> detail;
    try {
      detail = detailJson == null || detailJson.isEmpty() ? Map.of() : JSON.readValue(detailJson, DETAIL);
    } catch (JsonProcessingException e) {
      detail = Map.of();
    }
    StringBuilder s = new StringBuilder(kind.replace('_', ' '));
    String said = null;
    List<String> facts = new ArrayList<>();
    for (Map.Entry<String, Object> e : detail.entrySet()) {
      Object v = e.getValue();
      if (v == null || v.toString().isEmpty() || e.getKey().equals("fingerprint")) {
        continue;
      }
      if (said == null && Set.of("comment", "text", "note", "message").contains(e.getKey())) {
        said = v.toString();
      } else {
        facts.add(e.getKey() + "=" + v);
      }
    }
    if (said != null) {
      s.append(": ").append(said);
    }
    if (!facts.isEmpty()) {
      s.append(said == null ? ": " : " (").append(String.join(", ", facts)).append(said == null ? "" : ")");
    }
    return s.toString();
  }

  /** What a new post-mortem starts with, from its incidents. */
  private static final class Prefill {
    String title;
    Long failureStart;
    Long failureEnd;
    Long investigationStart;
    final Set<String> teams = new LinkedHashSet<>();
    final Set<String> services = new LinkedHashSet<>();
  }

  private static Prefill prefill(Connection c, List<Long> ids) throws SQLException {
    Prefill p = new Prefill();
    String in = "(" + "?,".repeat(ids.size() - 1) + "?)";
    boolean allClosed = true;
    long lastClosed = 0;
    Map<Long, String> titles = new LinkedHashMap<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT id, project, trigger, short_description, opened_at,"
        + " taken_at, closed_at FROM incidents WHERE id IN " + in)) {
      bind(ps, ids);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String described = rs.getString(4);
          titles.put(rs.getLong(1), described != null && !described.isBlank() ? described
              : (rs.getString(3) == null ? "Incident " + rs.getLong(1) : rs.getString(3)) + " in " + rs.getString(2));
          p.failureStart = min(p.failureStart, rs.getLong(5));
          long taken = rs.getLong(6);
          if (!rs.wasNull()) {
            p.investigationStart = min(p.investigationStart, taken);
          }
          long closed = rs.getLong(7);
          if (rs.wasNull()) {
            allClosed = false;
          } else {
            lastClosed = Math.max(lastClosed, closed);
          }
        }
      }
    }
    String first = titles.get(ids.get(0));
    p.title = ids.size() == 1 ? first : first + " and " + (ids.size() - 1) + " more";
    p.failureEnd = allClosed ? lastClosed : null;
    // the first thing a person did (took it, wrote a note…) starts the investigation, if before the take
    List<Object> params = new ArrayList<>(ids);
    params.add(RECEIVER);
    params.addAll(RECEIVER_KINDS);
    try (PreparedStatement ps = c.prepareStatement("SELECT min(at) FROM timeline WHERE incident_id IN " + in
        + " AND actor <> ? AND kind NOT IN (" + "?,".repeat(RECEIVER_KINDS.size() - 1) + "?)")) {
      bind(ps, params);
      try (ResultSet rs = ps.executeQuery()) {
        long at = rs.getLong(1);
        if (!rs.wasNull()) {
          p.investigationStart = min(p.investigationStart, at);
        }
      }
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT l.name, l.value FROM incident_alerts m"
        + " JOIN alert_labels l ON l.alert_id = m.alert_id AND l.name IN ('team', 'service')"
        + " WHERE m.incident_id IN " + in + " ORDER BY l.name, l.value LIMIT " + (2 * PostmortemValidator.MAX_LIST))) {
      bind(ps, ids);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Set<String> into = rs.getString(1).equals("team") ? p.teams : p.services;
          if (into.size() < PostmortemValidator.MAX_LIST && rs.getString(2).length() <= PostmortemValidator.MAX_NAME) {
            into.add(rs.getString(2));
          }
        }
      }
    }
    return p;
  }

  // ---------------------------------------------------------------- column helpers

  private static Long min(Long a, long b) {
    return a == null ? b : Math.min(a, b);
  }

  private static void bind(PreparedStatement ps, List<?> values) throws SQLException {
    for (int i = 0; i < values.size(); i++) {
      ps.setObject(i + 1, values.get(i));
    }
  }

  /** Runs an {@code INSERT … RETURNING id}; the new row's id. */
  private static long insert(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, Arrays.asList(params));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static int execute(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, Arrays.asList(params));
      return ps.executeUpdate();
    }
  }

  private static void setTime(PreparedStatement ps, int index, Instant t) throws SQLException {
    setTime(ps, index, t == null ? null : t.toEpochMilli());
  }

  private static void setTime(PreparedStatement ps, int index, Long ms) throws SQLException {
    if (ms == null) {
      ps.setNull(index, Types.INTEGER);
    } else {
      ps.setLong(index, ms);
    }
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    long ms = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(ms);
  }

  private static String write(Object value) {
    try {
      return JSON.writeValueAsString(value == null ? List.of() : value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("records always serialize", e);
    }
  }

  private static <T> T json(String text, TypeReference<T> type) {
    try {
      return JSON.readValue(text == null || text.isEmpty() ? "[]" : text, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the store holds malformed JSON: " + e.getOriginalMessage(), e);
    }
  }
}
