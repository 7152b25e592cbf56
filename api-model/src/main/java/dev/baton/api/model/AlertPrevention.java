package dev.baton.api.model;

import java.util.List;

/**
 * The "pills": incidents whose post-mortem says an alert would have prevented them or made them
 * shorter, overall and by kind of alert.
 *
 * @param base      incidents with a post-mortem
 * @param share     (prevented + shortened) / base
 * @param byKind    per alert kind, most first; shares of {@code base}
 */
public record AlertPrevention(long base, long prevented, long shortened, double share, List<CategoryCount> byKind) {
}
