package dev.baton.api.model;

import java.util.List;

/**
 * A page of post-mortems, newest first.
 *
 * @param nextCursor pass as {@code cursor} for the next page; null on the last page
 */
public record PostmortemPage(List<PostmortemSummary> items, String nextCursor) {
}
