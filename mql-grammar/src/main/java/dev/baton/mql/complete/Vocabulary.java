package dev.baton.mql.complete;

import java.util.List;

/**
 * What completion may offer beyond the field catalog, supplied by the caller from live data
 * (label names and values seen in alerts, projects, people, teams). Every method may return an
 * empty list; implementations should answer from memory, as completion runs on every keystroke.
 */
public interface Vocabulary {

    Vocabulary NONE = new Vocabulary() {
    };

    /** Label names, without the {@code ~}. */
    default List<String> labelNames() {
        return List.of();
    }

    default List<String> labelValues(String label) {
        return List.of();
    }

    /** Values seen for a built-in field, in addition to the catalog's known values. */
    default List<String> fieldValues(String field) {
        return List.of();
    }

    /** People for {@code -> @name}, without the {@code @}. */
    default List<String> people() {
        return List.of();
    }

    /** Team queues for {@code -> #name}, without the {@code #}. */
    default List<String> teams() {
        return List.of();
    }
}
