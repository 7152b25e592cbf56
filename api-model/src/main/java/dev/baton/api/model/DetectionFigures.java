package dev.baton.api.model;

import java.util.List;

/**
 * How incidents with a post-mortem were noticed.
 *
 * @param methods    per detection method, most first
 * @param byAlerts   share noticed by an alert (of those with a detection method set)
 * @param byUsers    share noticed from a user report
 */
public record DetectionFigures(List<CategoryCount> methods, double byAlerts, double byUsers) {
}
