package dev.baton.server.heartbeat;

/**
 * What the receiver remembers of one source across restarts. Times are epoch milliseconds; 0 means never.
 *
 * @param name               the source name (a configured source, or the client and endpoint of an unnamed sender)
 * @param lastMessageAt      when it last sent a message (alerts or heartbeats)
 * @param lastHeartbeatAt    when its last heartbeat arrived (a Watchdog alert or a heartbeat call)
 * @param alertsReceived     alerts (events) received from it, heartbeats not counted
 * @param heartbeatsReceived heartbeats received from it
 * @param missingSince       since when its heartbeat is missing (its {@code no-data-for} alert fires); 0 while it is not
 * @param noDataProject      the project its {@code no-data-for} alert was opened in, while it is missing
 */
public record SourceState(String name, long lastMessageAt, long lastHeartbeatAt, long alertsReceived,
    long heartbeatsReceived, long missingSince, String noDataProject) {

  static SourceState unseen(String name) {
    return new SourceState(name, 0, 0, 0, 0, 0, null);
  }

  public boolean missing() {
    return missingSince != 0;
  }

  SourceState received(int alerts, long at) {
    return new SourceState(name, Math.max(lastMessageAt, at), lastHeartbeatAt, alertsReceived + alerts,
        heartbeatsReceived, missingSince, noDataProject);
  }

  SourceState beat(long at) {
    return new SourceState(name, lastMessageAt, Math.max(lastHeartbeatAt, at), alertsReceived, heartbeatsReceived + 1,
        0, null);
  }

  SourceState missingSince(long since, String project) {
    return new SourceState(name, lastMessageAt, lastHeartbeatAt, alertsReceived, heartbeatsReceived, since, project);
  }

  SourceState found() {
    return new SourceState(name, lastMessageAt, lastHeartbeatAt, alertsReceived, heartbeatsReceived, 0, null);
  }
}
