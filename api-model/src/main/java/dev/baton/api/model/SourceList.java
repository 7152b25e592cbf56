package dev.baton.api.model;

import java.util.List;

/** {@code GET /api/v1/sources}: configured sources first (in configuration order), then others heard of, by name. */
public record SourceList(List<SourceInfo> sources) {

  public SourceList {
    sources = List.copyOf(sources);
  }
}
