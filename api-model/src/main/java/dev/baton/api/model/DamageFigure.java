package dev.baton.api.model;

/** A number that measures the damage: {@code failed requests, 12000, requests}. */
public record DamageFigure(String name, double value, String unit) {
}
