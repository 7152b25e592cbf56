package dev.baton.server.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.api.model.Alert;
import dev.baton.api.model.IncidentCard;
import dev.baton.api.model.StreamEvent;
import dev.baton.server.query.AlertQueries;
import dev.baton.server.query.IncidentQueries;
import dev.baton.server.query.ReadConnections;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the change log on read-only connections and turns its rows into SSE frames, each with
 * the incident's card or the alert as they are now (read once per page, not per client).
 */
final class ChangeFeed {

  /** The retained part of the log: ids {@code first..head}; {@code first = head + 1} when nothing was ever logged. */
  record Window(long first, long head) {
  }

  private record Row(long id, long at, String entity, long entityId, Long version, String change) {
  }

  private final ReadConnections readers;
  private final IncidentQueries incidents;
  private final AlertQueries alerts;
  private final ObjectMapper json;

  ChangeFeed(ReadConnections readers, IncidentQueries incidents, AlertQueries alerts, ObjectMapper json) {
    this.readers = readers;
    this.incidents = incidents;
    this.alerts = alerts;
    this.json = json;
  }

  Window window() {
    return readers.read(c -> {
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT (SELECT min(id) FROM change_log),"
          + " max(coalesce((SELECT max(id) FROM change_log), 0),"
          + " coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'change_log'), 0))")) {
        long head = rs.getLong(2);
        long first = rs.getLong(1);
        return new Window(rs.wasNull() ? head + 1 : first, head);
      }
    });
  }

  /** The frames of the changes after {@code afterId}, oldest first, at most {@code limit}. */
  List<Frame> after(long afterId, int limit) {
    List<Row> rows = readers.read(c -> {
      List<Row> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT id, at, entity, entity_id, version, change FROM change_log"
          + " WHERE id > ? ORDER BY id LIMIT ?")) {
        ps.setLong(1, afterId);
        ps.setInt(2, limit);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            long version = rs.getLong(5);
            out.add(new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.wasNull() ? null : version,
                rs.getString(6)));
          }
        }
      }
      return out;
    });
    if (rows.isEmpty()) {
      return List.of();
    }
    Set<Long> incidentIds = new LinkedHashSet<>();
    Set<Long> alertIds = new LinkedHashSet<>();
    for (Row r : rows) {
      (StreamEvent.INCIDENT.equals(r.entity()) ? incidentIds : alertIds).add(r.entityId());
    }
    Map<Long, IncidentCard> cards = incidentIds.isEmpty() ? Map.of() : incidents.cards(incidentIds);
    Map<Long, Alert> alertsNow = alertIds.isEmpty() ? Map.of() : alerts.byIds(alertIds);
    List<Frame> frames = new ArrayList<>(rows.size());
    for (Row r : rows) {
      boolean incident = StreamEvent.INCIDENT.equals(r.entity());
      StreamEvent event = new StreamEvent(r.id(), r.entity(), r.change(), r.entityId(), r.version(),
          Instant.ofEpochMilli(r.at()), incident ? cards.get(r.entityId()) : null,
          incident ? null : alertsNow.get(r.entityId()));
      frames.add(Frame.event(r.id(), r.entity(), data(event)));
    }
    return frames;
  }

  private String data(StreamEvent event) {
    try {
      return json.writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stream events are plain records", e);
    }
  }
}
