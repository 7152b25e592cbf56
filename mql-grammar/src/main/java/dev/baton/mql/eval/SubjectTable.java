package dev.baton.mql.eval;

import dev.baton.mql.field.FieldCatalog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Many subjects stored column by column, for filtering a whole list at once (the console's
 * incident list, a receiver's open incidents). A query scans each column it needs from start to
 * end, which keeps evaluation fast when the subjects do not fit in the CPU cache; equal strings
 * are stored once. Immutable; rebuild it when subjects change.
 */
public final class SubjectTable {

    final FieldCatalog catalog;
    final int size;
    /** [slot][row]: the first value of a field, null when missing. */
    final String[][] first;
    /** [slot][row]: further values of a multi-valued field; the slot or row is null when there are none. */
    final String[][][] more;
    /** [slot][row]: the sort key of an ordered field; the slot is null for other fields. */
    final long[][] ordinals;
    /** [row]: the alerts of row r are numbers alertStart[r] .. alertStart[r + 1] - 1. */
    final int[] alertStart;
    /** Label name to [alert number]: the label's value on each alert, null when the alert lacks it. */
    final Map<String, String[]> labels;

    SubjectTable(FieldCatalog catalog, int size, String[][] first, String[][][] more, long[][] ordinals,
            int[] alertStart, Map<String, String[]> labels) {
        this.catalog = catalog;
        this.size = size;
        this.first = first;
        this.more = more;
        this.ordinals = ordinals;
        this.alertStart = alertStart;
        this.labels = labels;
    }

    /** Lays out the alerts' labels column by column; equal strings are stored once. */
    static Map<String, String[]> labelColumns(List<Map<String, String>> alerts, Map<String, String> canonical) {
        Map<String, String[]> columns = new HashMap<>();
        for (int alert = 0; alert < alerts.size(); alert++) {
            for (Map.Entry<String, String> label : alerts.get(alert).entrySet()) {
                String[] column = columns.computeIfAbsent(label.getKey(), k -> new String[alerts.size()]);
                column[alert] = canonical.computeIfAbsent(label.getValue(), v -> v);
                column[alert].hashCode(); // cached in the string: evaluation compares hashes first
            }
        }
        return Map.copyOf(columns);
    }

    /**
     * The subjects as one table, rows in list order.
     *
     * @throws IllegalArgumentException if a subject was built for another catalog
     */
    public static SubjectTable of(FieldCatalog catalog, List<Subject> subjects) {
        int slots = catalog.fields().size();
        int size = subjects.size();
        String[][] first = new String[slots][size];
        String[][][] more = new String[slots][][];
        long[][] ordinals = new long[slots][];
        int[] alertStart = new int[size + 1];
        List<Map<String, String>> alerts = new ArrayList<>();
        Map<String, String> canonical = new HashMap<>();
        for (int row = 0; row < size; row++) {
            SubjectTable one = subjects.get(row).row;
            if (one.catalog != catalog && !one.catalog.fields().equals(catalog.fields())) {
                throw new IllegalArgumentException("subject " + row + " was built for another field catalog");
            }
            for (int slot = 0; slot < slots; slot++) {
                String value = one.first[slot][0];
                first[slot][row] = value == null ? null : canonical.computeIfAbsent(value, v -> v);
                if (one.more[slot] != null && one.more[slot][0] != null) {
                    if (more[slot] == null) {
                        more[slot] = new String[size][];
                    }
                    more[slot][row] = one.more[slot][0];
                }
                if (one.ordinals[slot] != null) {
                    if (ordinals[slot] == null) {
                        ordinals[slot] = new long[size];
                    }
                    ordinals[slot][row] = one.ordinals[slot][0];
                }
            }
            alertStart[row] = alerts.size();
            alerts.addAll(subjects.get(row).alerts);
        }
        alertStart[size] = alerts.size();
        return new SubjectTable(catalog, size, first, more, ordinals, alertStart, labelColumns(alerts, canonical));
    }

    public int size() {
        return size;
    }

    boolean sameCatalog(FieldCatalog other) {
        return catalog == other || catalog.fields().equals(other.fields());
    }
}
