package dev.baton.mql.eval;

import dev.baton.mql.field.FieldCatalog;
import dev.baton.mql.field.FieldKind;
import dev.baton.mql.field.FieldSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * What a query is evaluated against: the values of built-in fields and the labels of each alert.
 * Built once (e.g. per incident version) and evaluated many times; values of ordered fields are
 * parsed here, so evaluation does no parsing and no allocation.
 */
public final class Subject {

    private static final Map<String, String>[] NO_ALERTS = newAlertArray(0);

    private final Map<String, FieldValues> fields;
    private final Map<String, String>[] alerts;

    private Subject(Map<String, FieldValues> fields, Map<String, String>[] alerts) {
        this.fields = fields;
        this.alerts = alerts;
    }

    /** A builder that accepts the fields of {@code catalog} only. */
    public static Builder builder(FieldCatalog catalog) {
        return new Builder(catalog);
    }

    /** The values of a field; null when the field is missing (which compares as the empty string). */
    FieldValues values(String field) {
        return fields.get(field);
    }

    Map<String, String>[] alerts() {
        return alerts;
    }

    /** The text values of one field and, for an ordered field, its sort key. */
    static final class FieldValues {
        final String[] texts;
        final long ordinal;

        FieldValues(String[] texts, long ordinal) {
            this.texts = texts;
            this.ordinal = ordinal;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String>[] newAlertArray(int size) {
        return (Map<String, String>[]) new Map[size];
    }

    public static final class Builder {
        private final FieldCatalog catalog;
        private final Map<String, FieldValues> fields = new HashMap<>();
        private final List<Map<String, String>> alerts = new ArrayList<>();

        private Builder(FieldCatalog catalog) {
            this.catalog = catalog;
        }

        /**
         * Sets a field. A single-valued field takes one value, a multi-valued one any number; no
         * value (or null) leaves the field missing. Ordered fields must hold a valid value
         * ({@code S3}, {@code 2026-11-21T10:00:00Z}).
         *
         * @throws IllegalArgumentException for a field not in the catalog or a value it cannot hold
         */
        public Builder field(String name, Collection<String> values) {
            FieldSpec spec = catalog.field(name)
                    .orElseThrow(() -> new IllegalArgumentException("unknown field '" + name + "'"));
            List<String> present = values.stream().filter(v -> v != null).toList();
            if (present.isEmpty()) {
                fields.remove(name);
                return this;
            }
            if (spec.kind() != FieldKind.MULTI_STRING && present.size() > 1) {
                throw new IllegalArgumentException("field '" + name + "' takes one value, got " + present.size());
            }
            long ordinal = 0;
            if (spec.kind().ordered()) {
                OptionalLong parsed = spec.kind().ordinal(present.get(0));
                if (parsed.isEmpty()) {
                    throw new IllegalArgumentException("invalid value '" + present.get(0) + "' for '" + name
                            + "': expected " + spec.kind().expectedValue());
                }
                ordinal = parsed.getAsLong();
            }
            fields.put(name, new FieldValues(present.toArray(String[]::new), ordinal));
            return this;
        }

        public Builder field(String name, String... values) {
            return field(name, List.of(values));
        }

        /** Adds one alert with its labels. */
        public Builder alert(Map<String, String> labels) {
            alerts.add(Map.copyOf(labels));
            return this;
        }

        public Subject build() {
            Map<String, String>[] alertArray = alerts.isEmpty() ? NO_ALERTS : alerts.toArray(newAlertArray(0));
            return new Subject(Map.copyOf(fields), alertArray);
        }
    }
}
