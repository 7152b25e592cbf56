package dev.baton.api.model;

import java.util.List;

/** Label names in use, sorted; {@code truncated} when there were more than the limit. */
public record LabelNames(List<String> names, boolean truncated) {
}
