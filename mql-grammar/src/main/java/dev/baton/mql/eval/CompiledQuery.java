package dev.baton.mql.eval;

import dev.baton.mql.field.FieldCatalog;
import java.util.BitSet;
import java.util.function.Predicate;

/**
 * A query compiled for one field catalog: tests single subjects or filters a whole
 * {@link SubjectTable}. Immutable and thread-safe.
 */
public final class CompiledQuery implements Predicate<Subject> {

    /** One compiled node of the query, evaluated on a row of a table. */
    interface Node {
        boolean test(SubjectTable table, int row);
    }

    private final FieldCatalog catalog;
    private final Node root;

    CompiledQuery(FieldCatalog catalog, Node root) {
        this.catalog = catalog;
        this.root = root;
    }

    /**
     * @throws IllegalArgumentException if the subject was built for another catalog
     */
    @Override
    public boolean test(Subject subject) {
        checkCatalog(subject.row);
        return root.test(subject.row, 0);
    }

    /**
     * The rows of {@code table} that match.
     *
     * @throws IllegalArgumentException if the table was built for another catalog
     */
    public BitSet filter(SubjectTable table) {
        checkCatalog(table);
        BitSet matching = new BitSet(table.size);
        for (int row = 0; row < table.size; row++) {
            if (root.test(table, row)) {
                matching.set(row);
            }
        }
        return matching;
    }

    /** How many rows of {@code table} match. */
    public int count(SubjectTable table) {
        checkCatalog(table);
        int count = 0;
        for (int row = 0; row < table.size; row++) {
            if (root.test(table, row)) {
                count++;
            }
        }
        return count;
    }

    private void checkCatalog(SubjectTable table) {
        if (!table.sameCatalog(catalog)) {
            throw new IllegalArgumentException("the subject was built for another field catalog");
        }
    }
}
