package dev.baton.console.sources;

import dev.baton.api.model.SourceInfo;
import dev.baton.client.BatonClient;
import java.io.IOException;
import java.util.List;

/** {@link Sources} over {@code GET /api/v1/sources}. */
public final class ApiSources implements Sources {

  private final BatonClient client;

  public ApiSources(BatonClient client) {
    this.client = client;
  }

  @Override
  public List<SourceInfo> all() throws IOException {
    return client.sources().sources();
  }
}
