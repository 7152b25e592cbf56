package dev.baton.mql.sql;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How the caller stores subjects, so MQL can be compiled to SQL over it. Names are SQL identifiers
 * (optionally {@code alias.column}); they are checked, never quoted values. Storage per field kind:
 * <ul>
 * <li>single-valued text field: a column of the subject row (NULL = missing);</li>
 * <li>severity: an INTEGER column holding the rank 1..9; time: an INTEGER column of epoch milliseconds;</li>
 * <li>multi-valued field: a table of (subject id, value) rows;</li>
 * <li>labels: an alert table (alert id, subject id) and a label table (alert id, name, value).</li>
 * </ul>
 * Example for {@code SELECT i.id FROM incident i WHERE <fragment>}:
 * <pre>{@code
 * SqlSchema.builder("i.id")
 *     .column("project", "i.project")
 *     .column("severity", "i.severity_rank")
 *     .valueTable("trigger", "incident_trigger", "incident_id", "trigger")
 *     .labels("alert", "id", "incident_id", "alert_label", "alert_id", "name", "value")
 *     .build();
 * }</pre>
 */
public final class SqlSchema {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

    /** A multi-valued field's table: one row per value. */
    record ValueTable(String table, String subjectColumn, String valueColumn) {
    }

    /** Where labels live: alerts of a subject, and labels of an alert. */
    record LabelTables(String alertTable, String alertIdColumn, String alertSubjectColumn,
            String labelTable, String labelAlertColumn, String nameColumn, String valueColumn) {
    }

    private final String subjectId;
    private final Map<String, String> columns;
    private final Map<String, ValueTable> valueTables;
    private final LabelTables labels;

    private SqlSchema(Builder builder) {
        this.subjectId = builder.subjectId;
        this.columns = Map.copyOf(builder.columns);
        this.valueTables = Map.copyOf(builder.valueTables);
        this.labels = builder.labels;
    }

    /** @param subjectId the outer query's expression for the subject's id, e.g. {@code i.id} */
    public static Builder builder(String subjectId) {
        return new Builder(identifier(subjectId));
    }

    String subjectId() {
        return subjectId;
    }

    Optional<String> column(String field) {
        return Optional.ofNullable(columns.get(field));
    }

    Optional<ValueTable> valueTable(String field) {
        return Optional.ofNullable(valueTables.get(field));
    }

    Optional<LabelTables> labels() {
        return Optional.ofNullable(labels);
    }

    private static String identifier(String name) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("not an SQL identifier: " + name);
        }
        return name;
    }

    public static final class Builder {
        private final String subjectId;
        private final Map<String, String> columns = new HashMap<>();
        private final Map<String, ValueTable> valueTables = new HashMap<>();
        private LabelTables labels;

        private Builder(String subjectId) {
            this.subjectId = subjectId;
        }

        /** A single-valued field stored in a column of the subject row. */
        public Builder column(String field, String column) {
            columns.put(Objects.requireNonNull(field, "field"), identifier(column));
            valueTables.remove(field);
            return this;
        }

        /** A multi-valued field stored as rows {@code (subjectColumn, valueColumn)} of {@code table}. */
        public Builder valueTable(String field, String table, String subjectColumn, String valueColumn) {
            valueTables.put(Objects.requireNonNull(field, "field"),
                    new ValueTable(identifier(table), identifier(subjectColumn), identifier(valueColumn)));
            columns.remove(field);
            return this;
        }

        /** Where labels ({@code ~name}) are stored. */
        public Builder labels(String alertTable, String alertIdColumn, String alertSubjectColumn,
                String labelTable, String labelAlertColumn, String nameColumn, String valueColumn) {
            labels = new LabelTables(identifier(alertTable), identifier(alertIdColumn), identifier(alertSubjectColumn),
                    identifier(labelTable), identifier(labelAlertColumn), identifier(nameColumn),
                    identifier(valueColumn));
            return this;
        }

        public SqlSchema build() {
            return new SqlSchema(this);
        }
    }
}
