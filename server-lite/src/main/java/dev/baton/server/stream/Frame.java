package dev.baton.server.stream;

/**
 * One server-sent event as written on the wire, built once and shared by every client.
 *
 * @param id   the change id; 0 for frames outside the log (hello, reload)
 * @param text the complete event, ending with its blank line
 */
record Frame(long id, String text) {

  static Frame event(long id, String type, String json) {
    return new Frame(id, "id: " + id + "\nevent: " + type + "\ndata: " + json + "\n\n");
  }

  /** First on every stream: where it starts ({@code id}, so EventSource clients resume from there) and the log's head. */
  static Frame hello(long from, long head) {
    return new Frame(0, "retry: 2000\nid: " + from + "\nevent: hello\ndata: {\"from\":" + from + ",\"head\":" + head
        + "}\n\n");
  }

  /** The client cannot be brought up to date by events: it refetches what it shows, then reconnects without an id. */
  static Frame reload(String reason) {
    return new Frame(0, "event: reload\ndata: {\"reason\":\"" + reason.replace("\\", "\\\\").replace("\"", "\\\"")
        + "\"}\n\n");
  }

  static final Frame KEEPALIVE = new Frame(0, ": keepalive\n\n");
}
