package dev.baton.api.model;

import java.util.List;

/**
 * {@code POST /api/v1/postmortems}: the incidents to cover; times, teams, services, timeline and
 * the template's sections are prefilled from them.
 *
 * @param title null: from the first incident's description or trigger
 * @param owner null: whoever creates it
 */
public record NewPostmortem(List<Long> incidentIds, String title, String owner) {
}
