package dev.baton.api.model;

import java.time.Duration;
import java.time.Instant;

/**
 * One source of alerts and how alive it is ({@code GET /api/v1/sources}, {@code POST
 * /api/v1/heartbeat/{source}}). Times are null when the thing never happened.
 *
 * @param name               the source name: a configured source, or the client address and
 *                           endpoint of a sender no token names
 * @param configured         listed under {@code sources} in the configuration
 * @param status             {@code ok} (heartbeats arrive in time), {@code missing} (its heartbeat is
 *                           missing: its {@code no-data-for} alert fires), {@code never_seen} (no
 *                           heartbeat yet from a watched source, or nothing at all from an
 *                           unwatched one), {@code unwatched} (heard of, but no heartbeat interval)
 * @param heartbeat          its heartbeat interval: the longest silence allowed; null when not watched
 * @param lastMessage        when its last message (alerts, a Watchdog) was stored
 * @param lastHeartbeat      when its last heartbeat (a Watchdog alert or a heartbeat call) arrived
 * @param missingSince       since when its heartbeat is missing; null unless {@code missing}
 * @param alertsReceived     alerts received from it (heartbeats not counted)
 * @param heartbeatsReceived heartbeats received from it
 * @param activeAlerts       its alerts that are firing, pending or unknown now
 * @param unknownAlerts      of those, the unknown ones
 */
public record SourceInfo(String name, boolean configured, String status, Duration heartbeat, Instant lastMessage,
    Instant lastHeartbeat, Instant missingSince, long alertsReceived, long heartbeatsReceived, long activeAlerts,
    long unknownAlerts) {

  public static final String OK = "ok";
  public static final String MISSING = "missing";
  public static final String NEVER_SEEN = "never_seen";
  public static final String UNWATCHED = "unwatched";
}
