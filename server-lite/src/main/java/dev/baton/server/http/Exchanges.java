package dev.baton.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writing answers: JSON, plain text, errors. */
public final class Exchanges {

  public static final String JSON_TYPE = "application/json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private Exchanges() {}

  public static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
    if (contentType != null) {
      exchange.getResponseHeaders().set("Content-Type", contentType);
    }
    boolean head = "HEAD".equals(exchange.getRequestMethod());
    if (body == null || body.length == 0 || head || status == 204) {
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  public static void text(HttpExchange exchange, int status, String text) throws IOException {
    send(exchange, status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
  }

  public static void json(HttpExchange exchange, int status, Object value) throws IOException {
    send(exchange, status, JSON_TYPE, JSON.writeValueAsBytes(value));
  }

  /** {@code {"code": 415, "message": "…"}}, Alertmanager's error shape. */
  public static void error(HttpExchange exchange, HttpError error) throws IOException {
    error.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("code", error.status());
    body.put("message", error.getMessage());
    byte[] bytes;
    try {
      bytes = JSON.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      bytes = ("{\"code\":" + error.status() + "}").getBytes(StandardCharsets.UTF_8);
    }
    send(exchange, error.status(), JSON_TYPE, bytes);
  }
}
