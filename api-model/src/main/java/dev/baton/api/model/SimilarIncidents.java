package dev.baton.api.model;

/** Incidents with the same trigger: in this project, and in all projects. */
public record SimilarIncidents(long incidentId, String trigger, String project, SimilarGroup inProject,
    SimilarGroup inAllProjects) {
}
