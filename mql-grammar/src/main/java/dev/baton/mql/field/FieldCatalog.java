package dev.baton.mql.field;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The built-in fields a caller offers to MQL. The language knows no field of its own: the receiver
 * and the console describe theirs here ({@link IncidentFields#CATALOG} for incidents).
 */
public interface FieldCatalog {

    /** Every field, in the order completion should offer them. */
    List<FieldSpec> fields();

    /** The field with exactly this name. */
    default Optional<FieldSpec> field(String name) {
        for (FieldSpec spec : fields()) {
            if (spec.name().equals(name)) {
                return Optional.of(spec);
            }
        }
        return Optional.empty();
    }

    static FieldCatalog of(FieldSpec... fields) {
        return of(Arrays.asList(fields));
    }

    static FieldCatalog of(List<FieldSpec> fields) {
        Map<String, FieldSpec> byName = new LinkedHashMap<>();
        for (FieldSpec spec : fields) {
            if (byName.put(spec.name(), spec) != null) {
                throw new IllegalArgumentException("field declared twice: " + spec.name());
            }
        }
        List<FieldSpec> ordered = List.copyOf(byName.values());
        return new FieldCatalog() {
            @Override
            public List<FieldSpec> fields() {
                return ordered;
            }

            @Override
            public Optional<FieldSpec> field(String name) {
                return Optional.ofNullable(byName.get(name));
            }
        };
    }
}
