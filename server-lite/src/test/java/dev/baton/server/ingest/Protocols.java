package dev.baton.server.ingest;

/** Finds a protocol through the public entry point, so tests exercise what the server wires. */
final class Protocols {

  private Protocols() {}

  static IngestProtocol byPath(IngestLimits limits, String path) {
    return IngestProtocols.all(limits).stream()
        .filter(p -> p.path().equals(path))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no protocol at " + path));
  }
}
