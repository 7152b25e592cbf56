package dev.baton.api.model;

/** The first and last firing periods over an incident's alerts and how many there were in all. */
public record FiringSummary(FiringPeriod first, int count, FiringPeriod last) {
}
