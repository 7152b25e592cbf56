package dev.baton.console.sources;

import dev.baton.api.model.SourceInfo;
import java.io.IOException;
import java.util.List;

/** The receiver's sources of alerts and whether their heartbeats arrive. Blocks: call it off the UI thread. */
public interface Sources {

  /** Configured sources first (in configuration order), then the others heard of, by name. */
  List<SourceInfo> all() throws IOException;
}
