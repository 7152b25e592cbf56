package dev.baton.api.model;

import java.util.List;

/** Values of one label starting with {@code prefix}, sorted; {@code truncated} when there were more. */
public record LabelValues(String name, String prefix, List<String> values, boolean truncated) {
}
