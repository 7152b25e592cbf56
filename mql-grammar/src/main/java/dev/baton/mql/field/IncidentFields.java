package dev.baton.mql.field;

import java.util.List;

/** The built-in fields of a Baton incident, shared by the receiver and the console. */
public final class IncidentFields {

    public static final FieldCatalog CATALOG = FieldCatalog.of(
            new FieldSpec("project", FieldKind.STRING, "project the incident belongs to"),
            new FieldSpec("trigger", FieldKind.MULTI_STRING, "alert names (triggers) in the incident"),
            new FieldSpec("severity", FieldKind.SEVERITY, "severity S1 (worst) .. S9"),
            new FieldSpec("state", FieldKind.STRING, "state of the incident's alerts",
                    List.of("firing", "pending", "ok", "unknown")),
            new FieldSpec("status", FieldKind.STRING, "workflow status of the incident",
                    List.of("open", "taken", "snoozed", "closed")),
            new FieldSpec("holder", FieldKind.STRING, "team queue or person holding the baton"),
            new FieldSpec("assignee", FieldKind.STRING, "person assigned to the incident"),
            new FieldSpec("source", FieldKind.MULTI_STRING, "senders of the incident's alerts",
                    List.of("prometheus", "alertmanager", "grafana", "script")),
            new FieldSpec("class", FieldKind.STRING, "SLA class: urgent (live deadline), async (24 h batch) or retro",
                    List.of("urgent", "async", "retro")),
            new FieldSpec("service_level", FieldKind.STRING, "service level of the project",
                    List.of("Platinum", "Gold", "Silver", "None")),
            new FieldSpec("summary", FieldKind.STRING, "short description"),
            new FieldSpec("opened", FieldKind.TIME, "when the incident was opened"),
            new FieldSpec("updated", FieldKind.TIME, "when the incident last changed"));

    private IncidentFields() {
    }
}
