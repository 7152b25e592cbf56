package dev.baton.console.ui.sources;

/**
 * One line of the Sources window, as shown.
 *
 * @param missing its heartbeat is missing: the line is drawn as an alarm
 */
public record SourceRow(String name, String status, String heartbeat, String lastHeartbeat, String lastMessage,
    long alertsReceived, long activeAlerts, long unknownAlerts, boolean missing) {
}
