package dev.baton.console.detail;

import java.io.IOException;

/** Where the detail pane reads an incident from. Blocks (call it off the UI thread). */
public interface DetailSource {

  IncidentDetails load(long incidentId) throws IOException;

  /** A console with no receiver API: says so. */
  DetailSource NONE = id -> {
    throw new IOException("this console has no receiver to read incident " + id + " from");
  };
}
