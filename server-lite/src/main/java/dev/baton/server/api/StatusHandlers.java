package dev.baton.server.api;

import com.sun.net.httpserver.HttpHandler;
import dev.baton.api.model.WhoAmI;
import dev.baton.server.config.BatonConfig;
import dev.baton.server.config.TeamConfig;
import dev.baton.server.http.Exchanges;
import dev.baton.server.http.Principal;
import dev.baton.server.metrics.Metrics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Health, readiness, status and metrics: what probes, amtool and Prometheus ask of a receiver. */
public final class StatusHandlers {

  private StatusHandlers() {}

  /** {@code /-/healthy}: 200 "OK" as Alertmanager answers, while the process runs. */
  public static HttpHandler ok() {
    return exchange -> Exchanges.text(exchange, 200, "OK");
  }

  /**
   * {@code /-/ready}: 200 "OK" as Alertmanager answers once alerts are being applied; 503 while
   * the receiver still loads its state (alerts sent meanwhile wait and are stored).
   */
  public static HttpHandler ready(BooleanSupplier loaded) {
    return exchange -> {
      if (loaded.getAsBoolean()) {
        Exchanges.text(exchange, 200, "OK");
      } else {
        Exchanges.text(exchange, 503, "loading");
      }
    };
  }

  /**
   * {@code /api/v2/status} shaped like Alertmanager's {@code alertmanagerStatus}, so amtool,
   * which asks it before every command, works against Baton.
   */
  public static HttpHandler status(Supplier<BatonConfig> config, Instant startedAt, String version) {
    return exchange -> {
      Map<String, Object> cluster = new LinkedHashMap<>();
      cluster.put("name", "baton");
      cluster.put("status", "disabled");
      cluster.put("peers", List.of());
      Map<String, Object> versionInfo = new LinkedHashMap<>();
      versionInfo.put("branch", "");
      versionInfo.put("buildDate", "");
      versionInfo.put("buildUser", "");
      versionInfo.put("goVersion", "java" + Runtime.version().feature());
      versionInfo.put("revision", "");
      versionInfo.put("version", version);
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("cluster", cluster);
      body.put("versionInfo", versionInfo);
      body.put("config", Map.of("original", redacted(config.get())));
      body.put("uptime", startedAt.toString());
      Exchanges.json(exchange, 200, body);
    };
  }

  /**
   * {@code /api/v1/whoami}: the caller's actor name, role and the configured teams that list it as
   * a member, so a console acting through a token knows which incidents are its own.
   */
  public static HttpHandler whoami(Supplier<BatonConfig> config) {
    return exchange -> {
      Principal p = Principal.of(exchange);
      List<String> teams = config.get().teams().values().stream()
          .filter(t -> t.members().contains(p.name()))
          .map(TeamConfig::name)
          .sorted()
          .toList();
      ApiJson.ok(exchange, new WhoAmI(p.name(), p.role().wire(), p.token(), teams));
    };
  }

  /** {@code /metrics} in the Prometheus text format. */
  public static HttpHandler metrics(Metrics registry) {
    return exchange -> Exchanges.send(exchange, 200, "text/plain; version=0.0.4; charset=utf-8",
        registry.render().getBytes(StandardCharsets.UTF_8));
  }

  /** The configuration text without token secrets. */
  private static String redacted(BatonConfig config) {
    String text = config.original();
    for (var token : config.tokens()) {
      text = text.replace(token.secret(), "<secret>");
    }
    return text;
  }
}
