package dev.baton.api.model;

/**
 * How many incidents fall in a category.
 *
 * @param id    the stored id ({@code (not set)} when the field is empty)
 * @param share count divided by the figure's base (0..1)
 */
public record CategoryCount(String id, String label, long count, double share) {
}
