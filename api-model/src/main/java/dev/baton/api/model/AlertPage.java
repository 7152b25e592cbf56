package dev.baton.api.model;

import java.util.List;

/** A page of alerts, newest first; {@code nextCursor} is null on the last page. */
public record AlertPage(List<Alert> items, String nextCursor) {
}
