package dev.baton.server.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.baton.api.model.FieldProblem;
import dev.baton.api.model.InvalidFields;
import dev.baton.api.model.Postmortem;
import dev.baton.server.config.Role;
import dev.baton.server.http.Exchanges;
import dev.baton.server.http.HttpError;
import dev.baton.server.http.Principal;
import dev.baton.server.http.Routes;
import dev.baton.server.pipeline.Unavailable;
import dev.baton.server.postmortem.Conflict;
import dev.baton.server.postmortem.InvalidPostmortem;
import dev.baton.server.postmortem.MarkdownExport;
import dev.baton.server.postmortem.Postmortems;
import dev.baton.server.query.BadRequest;
import dev.baton.server.query.NotFound;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /api/v1/postmortems…}: post-mortems and their timeline, action items, artifacts and
 * export. Reading needs the read role, writing operate. Handlers parse the path, headers and body
 * and call {@link Postmortems}; a document change needs {@code If-Match} with the version read
 * (409 when someone changed it meanwhile).
 */
public final class PostmortemApi implements HttpHandler {

  static final String LIST = "/api/v1/postmortems";
  static final String PREFIX = "/api/v1/postmortems/";
  /** JSON bodies are small documents; artifacts have their own bound. */
  static final int MAX_JSON = 1024 * 1024;

  private static final Pattern PATH = Pattern.compile(
      "/api/v1/postmortems/([^/]+)(?:/(export|timeline|actions|artifacts)(?:/([^/]+))?)?");

  private final Postmortems postmortems;

  public PostmortemApi(Postmortems postmortems) {
    this.postmortems = postmortems;
  }

  /** Adds the routes: GET for readers, POST/PUT/DELETE for operators. */
  public Routes mount(Routes routes) {
    return routes.add(LIST, Set.of("GET"), Role.READ, this)
        .add(LIST, Set.of("POST"), Role.OPERATE, this)
        .add(PREFIX, Set.of("GET"), Role.READ, this)
        .add(PREFIX, Set.of("POST", "PUT", "DELETE"), Role.OPERATE, this);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      route(exchange, exchange.getRequestURI().getPath(), exchange.getRequestMethod());
    } catch (InvalidPostmortem e) {
      List<FieldProblem> problems = e.problems();
      Exchanges.send(exchange, 400, Exchanges.JSON_TYPE, ApiJson.MAPPER.writeValueAsBytes(
          new InvalidFields(400, e.getMessage(), problems.get(0).field(), problems)));
    } catch (BadRequest e) {
      ApiJson.badRequest(exchange, e);
    } catch (NotFound e) {
      ApiJson.error(exchange, 404, e.getMessage(), null, List.of());
    } catch (Conflict e) {
      ApiJson.error(exchange, 409, e.getMessage(), null, List.of());
    } catch (Unavailable e) {
      exchange.getResponseHeaders().set("Retry-After", "1");
      ApiJson.error(exchange, 503, e.getMessage(), null, List.of());
    }
  }

  private void route(HttpExchange x, String path, String method) throws IOException {
    String actor = Principal.of(x).name();
    QueryParameters params = new QueryParameters(x.getRequestURI());
    if (path.equals(LIST)) {
      if (method.equals("POST")) {
        answer(x, 201, postmortems.create(json(x), actor));
      } else {
        ApiJson.ok(x, postmortems.list(params.get("status"), params.get("owner"), params.get("trigger"),
            params.get("incident"), params.get("q"), params.get("limit"), params.get("cursor")));
      }
      return;
    }
    if (path.equals(PREFIX + "options")) {
      allow(method, "GET");
      ApiJson.ok(x, postmortems.options());
      return;
    }
    Matcher m = PATH.matcher(path);
    if (!m.matches()) {
      throw new NotFound("no such path: " + path);
    }
    long id = id(m.group(1), "post-mortem id");
    String part = m.group(2);
    String sub = m.group(3);
    Long expected = ifMatch(x);
    if (part == null) {
      if (method.equals("PUT")) {
        if (expected == null) {
          throw new HttpError(428, "PUT needs If-Match with the version you edited (the ETag of GET " + path
              + "), so that nobody's changes are overwritten unseen");
        }
        answer(x, 200, postmortems.update(id, expected, json(x), actor));
      } else {
        allow(method, "GET", "PUT");
        answer(x, 200, postmortems.get(id));
      }
      return;
    }
    switch (part) {
      case "export" -> {
        allow(method, "GET");
        noSub(sub, path);
        MarkdownExport.Export export = postmortems.export(id, params.get("format"));
        x.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"" + export.fileName() + "\"");
        Exchanges.send(x, 200, export.contentType(), export.body());
      }
      case "timeline" -> {
        if (sub == null) {
          allow(method, "POST");
          answer(x, 200, postmortems.addNote(id, expected, json(x), actor));
        } else if (sub.equals("sync")) {
          allow(method, "POST");
          answer(x, 200, postmortems.syncTimeline(id, expected, actor));
        } else {
          allow(method, "PUT", "DELETE");
          long entry = id(sub, "timeline entry id");
          answer(x, 200, method.equals("PUT") ? postmortems.editEntry(id, expected, entry, json(x), actor)
              : postmortems.removeEntry(id, expected, entry, actor));
        }
      }
      case "actions" -> {
        if (sub == null) {
          allow(method, "POST");
          answer(x, 200, postmortems.addAction(id, expected, json(x), actor));
        } else {
          allow(method, "PUT", "DELETE");
          long action = id(sub, "action item id");
          answer(x, 200, method.equals("PUT") ? postmortems.updateAction(id, expected, action, json(x), actor)
              : postmortems.removeAction(id, expected, action, actor));
        }
      }
      default -> artifacts(x, method, id, sub, expected, params, actor);
    }
  }

  private void artifacts(HttpExchange x, String method, long id, String sub, Long expected, QueryParameters params,
      String actor) throws IOException {
    if (sub == null) {
      allow(method, "POST");
      long max = postmortems.maxArtifactBytes();
      byte[] data = read(x.getRequestBody(), max, "an artifact may have at most " + max
          + " bytes (postmortems.artifacts.max_bytes)");
      answer(x, 200, postmortems.addArtifact(id, expected, params.get("name"),
          x.getRequestHeaders().getFirst("Content-Type"), data, actor));
      return;
    }
    long artifact = id(sub, "artifact id");
    if (method.equals("DELETE")) {
      answer(x, 200, postmortems.removeArtifact(id, expected, artifact, actor));
      return;
    }
    allow(method, "GET", "DELETE");
    var a = postmortems.artifact(id, artifact);
    String type = a.info().contentType();
    boolean image = type.startsWith("image/");
    // stored bytes are shown, never run: no sniffing, no scripts, text as UTF-8
    x.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    x.getResponseHeaders().set("Content-Security-Policy", "default-src 'none'; sandbox");
    x.getResponseHeaders().set("Content-Disposition", (image ? "inline" : "attachment") + "; filename*=UTF-8''"
        + URLEncoder.encode(a.info().name(), StandardCharsets.UTF_8).replace("+", "%20"));
    Exchanges.send(x, 200, image ? type : type + "; charset=utf-8", a.data());
  }

  private static void answer(HttpExchange x, int status, Postmortem p) throws IOException {
    x.getResponseHeaders().set("ETag", "\"" + p.version() + "\"");
    if (status == 201) {
      x.getResponseHeaders().set("Location", PREFIX + p.id());
    }
    Exchanges.send(x, status, Exchanges.JSON_TYPE, ApiJson.MAPPER.writeValueAsBytes(p));
  }

  private static void allow(String method, String... allowed) {
    for (String a : allowed) {
      if (a.equals(method) || (a.equals("GET") && method.equals("HEAD"))) {
        return;
      }
    }
    String list = String.join(", ", allowed);
    throw new HttpError(405, "method " + method + " is not allowed here; allowed: " + list, Map.of("Allow", list));
  }

  private static void noSub(String sub, String path) {
    if (sub != null) {
      throw new NotFound("no such path: " + path);
    }
  }

  private static long id(String text, String what) {
    try {
      long id = Long.parseLong(text);
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new BadRequest("id", what + " '" + text + "' is not a positive whole number");
  }

  /** The version of {@code If-Match} ({@code "3"}, {@code 3} or {@code W/"3"}), null when absent. */
  static Long ifMatch(HttpExchange x) {
    String h = x.getRequestHeaders().getFirst("If-Match");
    if (h == null || h.isBlank()) {
      return null;
    }
    String v = h.trim();
    if (v.startsWith("W/")) {
      v = v.substring(2);
    }
    v = v.replace("\"", "");
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new BadRequest("If-Match", "If-Match '" + h + "' is not a post-mortem version; send the ETag of the GET,"
          + " e.g. If-Match: \"3\"");
    }
  }

  private static JsonNode json(HttpExchange x) throws IOException {
    byte[] body = read(x.getRequestBody(), MAX_JSON, "a JSON body may have at most " + MAX_JSON + " bytes");
    if (body.length == 0) {
      throw new BadRequest("body", "the request needs a JSON body");
    }
    try {
      return ApiJson.MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw new BadRequest("body", "the body is not valid JSON" + where + ": " + e.getOriginalMessage());
    }
  }

  /** Reads at most {@code max} bytes; 413 with {@code why} beyond. */
  private static byte[] read(InputStream in, long max, String why) throws IOException {
    byte[] data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
    if (data.length > max) {
      throw new HttpError(413, "request body too large: " + why);
    }
    return data;
  }
}
