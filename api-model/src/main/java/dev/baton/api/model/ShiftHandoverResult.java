package dev.baton.api.model;

import java.util.List;

/**
 * What {@code POST /api/v1/shift/handover} passed on.
 *
 * @param from      the person going off shift ({@code @name})
 * @param to        who holds their incidents now ({@code @person} or {@code #team}), each to take
 * @param comment   written in each incident's timeline
 * @param incidents the incidents handed over, by id (empty when the person held none)
 */
public record ShiftHandoverResult(String from, String to, String comment, List<Long> incidents) {
}
