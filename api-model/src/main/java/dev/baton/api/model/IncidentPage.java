package dev.baton.api.model;

import java.util.List;

/**
 * A page of incident cards.
 *
 * @param nextCursor pass as {@code cursor} for the next page; null on the last page
 */
public record IncidentPage(List<IncidentCard> items, String nextCursor) {
}
