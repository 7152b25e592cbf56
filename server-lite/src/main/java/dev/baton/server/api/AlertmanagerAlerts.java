package dev.baton.server.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.baton.api.model.GettableAlert;
import dev.baton.server.query.AlertQueries;
import dev.baton.server.query.BadRequest;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code GET /api/v2/alerts} as Alertmanager 0.25 answers it (its {@code gettableAlerts}), so
 * {@code amtool alert query} and dashboards made for Alertmanager read Baton. Active alerts are
 * the firing and unknown ones; Baton has no silences or inhibitions, so none is suppressed.
 * {@code filter} matchers ({@code name="v"}, {@code !=}, {@code =~}, {@code !~}, regexes anchored
 * as Alertmanager anchors them) are translated to MQL label matches.
 */
public final class AlertmanagerAlerts implements HttpHandler {

  private static final Pattern MATCHER = Pattern.compile(
      "\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*(=~|!~|!=|=)\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|[^\"]*?)\\s*");
  private static final List<GettableAlert.Receiver> RECEIVERS = List.of(new GettableAlert.Receiver("baton"));

  private final AlertQueries alerts;

  public AlertmanagerAlerts(AlertQueries alerts) {
    this.alerts = alerts;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      QueryParameters p = new QueryParameters(exchange.getRequestURI());
      boolean active = flag(p, "active", true);
      // Baton applies every alert at once and has no silences or inhibitions: these only get checked.
      flag(p, "unprocessed", true);
      flag(p, "silenced", true);
      flag(p, "inhibited", true);
      String mql = mql(p.all("filter"));
      List<GettableAlert> answer = new ArrayList<>();
      if (active) {
        for (AlertQueries.ActiveAlert a : alerts.active(mql)) {
          answer.add(gettable(a));
        }
      }
      ApiJson.ok(exchange, answer);
    } catch (BadRequest e) {
      ApiJson.badRequest(exchange, e);
    }
  }

  private static GettableAlert gettable(AlertQueries.ActiveAlert a) {
    var alert = a.alert();
    Instant starts = alert.periods().isEmpty() ? alert.firstSeen() : alert.periods().get(alert.periods().size() - 1).start();
    Instant ends = a.endsAt() == null ? alert.lastSeen() : a.endsAt();
    return new GettableAlert(alert.annotations(), ends, a.amFingerprint(), RECEIVERS, starts,
        new GettableAlert.Status(List.of(), List.of(), "active"), alert.lastSeen(), alert.generatorUrl() == null ? ""
            : alert.generatorUrl(), alert.labels());
  }

  private static boolean flag(QueryParameters p, String name, boolean fallback) {
    String v = p.get(name);
    if (v == null || v.isEmpty()) {
      return fallback;
    }
    if (v.equals("true") || v.equals("false")) {
      return Boolean.parseBoolean(v);
    }
    throw new BadRequest(name, "parameter '" + name + "' must be true or false, not '" + v + "'");
  }

  /** Alertmanager matchers as one MQL query over labels: {@code ~name OP "value"} joined by AND. */
  static String mql(List<String> filters) {
    StringBuilder q = new StringBuilder();
    for (String filter : filters) {
      String text = filter.strip();
      if (text.startsWith("{") && text.endsWith("}")) {
        text = text.substring(1, text.length() - 1);
      }
      Matcher m = MATCHER.matcher(text);
      if (!m.matches()) {
        throw new BadRequest("filter", "bad matcher '" + filter + "'; expected name=\"value\" (or !=, =~, !~)");
      }
      String op = m.group(2);
      String value = unquote(m.group(3));
      if (op.endsWith("~")) {
        try {
          Pattern.compile(value);
        } catch (PatternSyntaxException e) {
          throw new BadRequest("filter", "bad regular expression in matcher '" + filter + "': " + e.getDescription());
        }
        value = "^(?:" + value + ")$";
      }
      if (q.length() > 0) {
        q.append(" AND ");
      }
      q.append('~').append(m.group(1)).append(' ').append(op).append(" \"")
          .append(value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")).append('"');
    }
    return q.toString();
  }

  private static String unquote(String value) {
    if (!value.startsWith("\"")) {
      return value;
    }
    StringBuilder b = new StringBuilder();
    for (int i = 1; i < value.length() - 1; i++) {
      char ch = value.charAt(i);
      if (ch == '\\') {
        char next = value.charAt(++i);
        b.append(next == 'n' ? '\n' : next);
      } else {
        b.append(ch);
      }
    }
    return b.toString();
  }
}
