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
 * Built once (e.g. per incident version) and evaluated many times: values of ordered fields are
 * parsed here and string hashes computed here, so evaluation does no parsing and no allocation.
 * To filter many subjects at once, put them in a {@link SubjectTable}.
 */
public final class Subject {

    /** This subject as a table of one row, so one evaluator serves both. */
    final SubjectTable row;
    /** The alerts' labels, kept for building tables. */
    final List<Map<String, String>> alerts;

    private Subject(SubjectTable row, List<Map<String, String>> alerts) {
        this.row = row;
        this.alerts = alerts;
    }

    /** A builder that accepts the fields of {@code catalog} only. */
    public static Builder builder(FieldCatalog catalog) {
        return new Builder(catalog);
    }

    /** The slot of a field in subjects of {@code catalog}, or -1. */
    static int slot(FieldCatalog catalog, String name) {
        List<FieldSpec> fields = catalog.fields();
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    public static final class Builder {
        private final FieldCatalog catalog;
        private final List<FieldSpec> specs;
        private final String[] first;
        private final String[][] more;
        private final long[] ordinals;
        private final List<Map<String, String>> alerts = new ArrayList<>();

        private Builder(FieldCatalog catalog) {
            this.catalog = catalog;
            this.specs = catalog.fields();
            this.first = new String[specs.size()];
            this.more = new String[specs.size()][];
            this.ordinals = new long[specs.size()];
        }

        /**
         * Sets a field. A single-valued field takes one value, a multi-valued one any number; no
         * value (or null) leaves the field missing. Ordered fields must hold a valid value
         * ({@code S3}, {@code 2026-11-21T10:00:00Z}).
         *
         * @throws IllegalArgumentException for a field not in the catalog or a value it cannot hold
         */
        public Builder field(String name, Collection<String> values) {
            int slot = slot(catalog, name);
            if (slot < 0) {
                throw new IllegalArgumentException("unknown field '" + name + "'");
            }
            FieldSpec spec = specs.get(slot);
            List<String> present = values.stream().filter(v -> v != null).toList();
            first[slot] = null;
            more[slot] = null;
            if (present.isEmpty()) {
                return this;
            }
            if (spec.kind() != FieldKind.MULTI_STRING && present.size() > 1) {
                throw new IllegalArgumentException("field '" + name + "' takes one value, got " + present.size());
            }
            if (spec.kind().ordered()) {
                OptionalLong parsed = spec.kind().ordinal(present.get(0));
                if (parsed.isEmpty()) {
                    throw new IllegalArgumentException("invalid value '" + present.get(0) + "' for '" + name
                            + "': expected " + spec.kind().expectedValue());
                }
                ordinals[slot] = parsed.getAsLong();
            }
            for (String value : present) {
                value.hashCode(); // cached in the string: evaluation compares hashes before contents
            }
            first[slot] = present.get(0);
            if (present.size() > 1) {
                more[slot] = present.subList(1, present.size()).toArray(String[]::new);
            }
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
            int slots = specs.size();
            String[][] firstColumns = new String[slots][];
            String[][][] moreColumns = new String[slots][][];
            long[][] ordinalColumns = new long[slots][];
            for (int slot = 0; slot < slots; slot++) {
                firstColumns[slot] = new String[] {first[slot]};
                if (more[slot] != null) {
                    moreColumns[slot] = new String[][] {more[slot]};
                }
                if (specs.get(slot).kind().ordered()) {
                    ordinalColumns[slot] = new long[] {ordinals[slot]};
                }
            }
            List<Map<String, String>> alertList = List.copyOf(alerts);
            return new Subject(new SubjectTable(catalog, 1, firstColumns, moreColumns, ordinalColumns,
                    new int[] {0, alertList.size()}, SubjectTable.labelColumns(alertList, new HashMap<>())),
                    alertList);
        }
    }
}
