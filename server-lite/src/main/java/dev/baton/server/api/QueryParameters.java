package dev.baton.server.api;

import dev.baton.server.query.BadRequest;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A request's query string, decoded; each name once unless it is meant to repeat. */
public final class QueryParameters {

  private final Map<String, List<String>> values = new LinkedHashMap<>();

  public QueryParameters(URI uri) {
    String raw = uri.getRawQuery();
    if (raw == null || raw.isEmpty()) {
      return;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new BadRequest(null, "malformed percent-encoding in the query string: '" + s + "'");
    }
  }

  /** The single value of {@code name}, or null; a 400 when it is given twice. */
  public String get(String name) {
    List<String> list = values.get(name);
    if (list == null) {
      return null;
    }
    if (list.size() > 1) {
      throw new BadRequest(name, "parameter '" + name + "' is given " + list.size() + " times; give it once");
    }
    return list.get(0);
  }

  List<String> all(String name) {
    return values.getOrDefault(name, List.of());
  }
}
