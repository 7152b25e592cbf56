package dev.baton.server.api;

import com.sun.net.httpserver.HttpExchange;
import dev.baton.api.model.SourceInfo;
import dev.baton.api.model.SourceList;
import dev.baton.server.config.BatonConfig;
import dev.baton.server.config.Role;
import dev.baton.server.config.SourceConfig;
import dev.baton.server.heartbeat.SourceState;
import dev.baton.server.http.Principal;
import dev.baton.server.http.Routes;
import dev.baton.server.incident.Refusal;
import dev.baton.server.pipeline.Pipeline;
import dev.baton.server.pipeline.Unavailable;
import dev.baton.server.query.SourceQueries;
import dev.baton.server.query.SourceQueries.SourceRow;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Monitoring of monitoring: {@code POST /api/v1/heartbeat/{source}} (ingest) says a configured
 * source is alive; {@code GET /api/v1/sources} (read) lists every source with its last message,
 * last heartbeat, status and counts.
 */
final class SourceApi {

  static final String HEARTBEAT = "/api/v1/heartbeat/";
  static final String SOURCES = "/api/v1/sources";

  private final SourceQueries queries;
  private final Pipeline pipeline;
  private final Supplier<BatonConfig> config;
  private final Duration timeout;

  SourceApi(SourceQueries queries, Pipeline pipeline, Supplier<BatonConfig> config, Duration timeout) {
    this.queries = queries;
    this.pipeline = pipeline;
    this.config = config;
    this.timeout = timeout;
  }

  Routes mount(Routes routes) {
    return routes.add(SOURCES, Set.of("GET"), Role.READ, e -> ApiJson.ok(e, list()))
        .add(HEARTBEAT, Set.of("POST"), Role.INGEST, this::heartbeat);
  }

  private SourceList list() {
    BatonConfig c = config.get();
    Map<String, SourceRow> rows = new LinkedHashMap<>(queries.all());
    List<SourceInfo> sources = new ArrayList<>();
    for (SourceConfig s : c.sources()) {
      sources.add(info(s.name(), s, rows.remove(s.name())));
    }
    rows.forEach((name, row) -> sources.add(info(name, null, row)));
    return new SourceList(sources);
  }

  private void heartbeat(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      in.readAllBytes(); // a body is allowed and ignored: the call itself is the heartbeat
    }
    String name = exchange.getRequestURI().getPath().substring(HEARTBEAT.length());
    BatonConfig c = config.get();
    Optional<SourceConfig> source = c.source(name);
    if (source.isEmpty()) {
      ApiJson.error(exchange, 404, name.isEmpty() ? "name the source: POST " + HEARTBEAT + "{source}"
          : "no source named '" + name + "' in the configuration's sources; configured: "
              + c.sources().stream().map(SourceConfig::name).sorted().toList(), "source", List.of());
      return;
    }
    Principal caller = Principal.of(exchange);
    if (caller != null && caller.token()) {
      Optional<SourceConfig> own = c.sourceForToken(caller.name());
      if (own.isPresent() && !own.get().name().equals(name)) {
        // one sender must not keep another's silence hidden
        ApiJson.error(exchange, 403, "token '" + caller.name() + "' sends as source '" + own.get().name()
            + "'; it may not send heartbeats of source '" + name + "'", "source", List.of());
        return;
      }
    }
    try {
      WriterWait.await(pipeline.heartbeat(name), timeout);
    } catch (Refusal e) {
      // the configuration was reloaded between the check above and the writer
      ApiJson.error(exchange, 404, e.getMessage(), "source", List.of());
      return;
    } catch (Unavailable e) {
      exchange.getResponseHeaders().set("Retry-After", "1");
      ApiJson.error(exchange, 503, e.getMessage(), null, List.of());
      return;
    }
    ApiJson.ok(exchange, info(name, source.get(), queries.all().get(name)));
  }

  private static SourceInfo info(String name, SourceConfig configured, SourceRow row) {
    SourceState s = row == null ? null : row.state();
    Duration heartbeat = configured == null ? null : configured.heartbeat();
    boolean heardOf = s != null && (s.lastMessageAt() != 0 || s.lastHeartbeatAt() != 0);
    String status;
    if (s != null && s.missing()) {
      status = SourceInfo.MISSING;
    } else if (heartbeat != null) {
      status = s != null && s.lastHeartbeatAt() != 0 ? SourceInfo.OK : SourceInfo.NEVER_SEEN;
    } else {
      status = heardOf || (row != null && row.activeAlerts() > 0) ? SourceInfo.UNWATCHED : SourceInfo.NEVER_SEEN;
    }
    return new SourceInfo(name, configured != null, status, heartbeat, time(s == null ? 0 : s.lastMessageAt()),
        time(s == null ? 0 : s.lastHeartbeatAt()), time(s == null ? 0 : s.missingSince()),
        s == null ? 0 : s.alertsReceived(), s == null ? 0 : s.heartbeatsReceived(),
        row == null ? 0 : row.activeAlerts(), row == null ? 0 : row.unknownAlerts());
  }

  private static Instant time(long millis) {
    return millis == 0 ? null : Instant.ofEpochMilli(millis);
  }
}
