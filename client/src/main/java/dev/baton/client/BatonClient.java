package dev.baton.client;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.baton.api.model.ActionItemFields;
import dev.baton.api.model.AlertPage;
import dev.baton.api.model.ApiError;
import dev.baton.api.model.FieldProblem;
import dev.baton.api.model.GettableAlert;
import dev.baton.api.model.IncidentCard;
import dev.baton.api.model.IncidentDetail;
import dev.baton.api.model.IncidentHistory;
import dev.baton.api.model.IncidentPage;
import dev.baton.api.model.IncidentReport;
import dev.baton.api.model.IncidentRunbooks;
import dev.baton.api.model.InvalidFields;
import dev.baton.api.model.LabelNames;
import dev.baton.api.model.LabelValues;
import dev.baton.api.model.NewPostmortem;
import dev.baton.api.model.OtherIncidents;
import dev.baton.api.model.Postmortem;
import dev.baton.api.model.PostmortemFields;
import dev.baton.api.model.PostmortemOptions;
import dev.baton.api.model.PostmortemPage;
import dev.baton.api.model.RunbookList;
import dev.baton.api.model.ShiftHandoverResult;
import dev.baton.api.model.SimilarIncidents;
import dev.baton.api.model.SlaReport;
import dev.baton.api.model.SnoozeRequest;
import dev.baton.api.model.SnoozeRuleInfo;
import dev.baton.api.model.SnoozeRuleList;
import dev.baton.api.model.SourceInfo;
import dev.baton.api.model.SourceList;
import dev.baton.api.model.WhoAmI;
import dev.baton.api.model.TimelineNote;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The receiver's console API for Java programs (the console, scripts, bots). Thread-safe; one per
 * receiver, closed when done. Every method blocks: call it off the UI thread.
 *
 * <pre>{@code
 * try (BatonClient baton = BatonClient.builder("http://127.0.0.1:9393").token(secret).build()) {
 *   IncidentPage page = baton.incidents(IncidentQuery.of("project = drm AND ~team = bravo"));
 * }
 * }</pre>
 */
public final class BatonClient implements AutoCloseable {

  /** Longest error body kept when the server (or a proxy) answers with something other than JSON. */
  private static final int MAX_PLAIN_ERROR = 500;
  private static final MediaType JSON = MediaType.get("application/json");
  /** Three of the receiver's 15 s keepalives. */
  private static final Duration STREAM_SILENCE = Duration.ofSeconds(45);

  private final HttpUrl base;
  private final String token;
  private final OkHttpClient http;
  private final OkHttpClient streaming;
  private final ObjectMapper json = new ObjectMapper()
      .registerModule(new JavaTimeModule())
      .registerModule(new SimpleModule().addDeserializer(Instant.class, new UtcInstantDeserializer()))
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private BatonClient(Builder b) {
    HttpUrl parsed = HttpUrl.parse(b.baseUrl);
    if (parsed == null) {
      throw new IllegalArgumentException("not an http(s) URL: " + b.baseUrl);
    }
    this.base = parsed;
    this.token = b.token;
    this.http = new OkHttpClient.Builder()
        .connectTimeout(b.connectTimeout)
        .readTimeout(b.readTimeout)
        .callTimeout(b.callTimeout)
        .build();
    // a stream is one endless call; a silence of several keepalive periods means the connection is dead
    this.streaming = http.newBuilder().callTimeout(Duration.ZERO).readTimeout(STREAM_SILENCE).build();
  }

  /** @param baseUrl the receiver, e.g. {@code http://127.0.0.1:9393} */
  public static Builder builder(String baseUrl) {
    return new Builder(baseUrl);
  }

  /** {@code GET /api/v1/incidents}: one page of cards. */
  public IncidentPage incidents(IncidentQuery query) throws IOException {
    HttpUrl.Builder url = url("api/v1/incidents");
    optional(url, "q", query.mql());
    if (!query.statuses().isEmpty()) {
      url.addQueryParameter("status", String.join(",", query.statuses()));
    }
    optional(url, "class", query.slaClass());
    optional(url, "limit", query.limit() == null ? null : query.limit().toString());
    optional(url, "sort", query.sort());
    optional(url, "cursor", query.cursor());
    return get(url.build(), json.constructType(IncidentPage.class));
  }

  /** {@code GET /api/v1/incidents/{id}}: the card, its alerts and timeline. */
  public IncidentDetail incident(long id) throws IOException {
    return get(url("api/v1/incidents").addPathSegment(Long.toString(id)).build(), json.constructType(IncidentDetail.class));
  }

  /** {@code …/{id}/history}: earlier incidents of the same identity, at most {@code limit} (null: 20). */
  public IncidentHistory history(long id, Integer limit) throws IOException {
    return get(analytics(id, "history", limit), json.constructType(IncidentHistory.class));
  }

  /** {@code …/{id}/similar}: same trigger in this project and in all projects. */
  public SimilarIncidents similar(long id, Integer limit) throws IOException {
    return get(analytics(id, "similar", limit), json.constructType(SimilarIncidents.class));
  }

  /** {@code …/{id}/others}: what else is open in the project. */
  public OtherIncidents others(long id, Integer limit) throws IOException {
    return get(analytics(id, "others", limit), json.constructType(OtherIncidents.class));
  }

  /** {@code GET /api/v1/alerts}: alerts matching {@code mql}, newest first. */
  public AlertPage alerts(String mql, Integer limit, String cursor) throws IOException {
    HttpUrl.Builder url = url("api/v1/alerts");
    optional(url, "q", mql);
    optional(url, "limit", limit == null ? null : limit.toString());
    optional(url, "cursor", cursor);
    return get(url.build(), json.constructType(AlertPage.class));
  }

  /** {@code GET /api/v1/labels}: label names for completion. */
  public LabelNames labels() throws IOException {
    return get(url("api/v1/labels").build(), json.constructType(LabelNames.class));
  }

  /** {@code GET /api/v1/labels/{name}/values?prefix=}: values of a label for completion. */
  public LabelValues labelValues(String name, String prefix) throws IOException {
    HttpUrl.Builder url = url("api/v1/labels").addPathSegment(name).addPathSegment("values");
    optional(url, "prefix", prefix);
    return get(url.build(), json.constructType(LabelValues.class));
  }

  /** {@code GET /api/v2/alerts} as Alertmanager answers it; {@code matchers} like {@code alertname="X"}. */
  public List<GettableAlert> alertmanagerAlerts(List<String> matchers) throws IOException {
    HttpUrl.Builder url = url("api/v2/alerts");
    for (String m : matchers) {
      url.addQueryParameter("filter", m);
    }
    return get(url.build(), json.getTypeFactory().constructType(new TypeReference<List<GettableAlert>>() {}));
  }

  // Incident actions (the relay baton). Each waits for the receiver's commit and returns the card as
  // it is then. expectedVersion is the card's version the person saw (sent as If-Match): when the
  // incident changed meanwhile the action is refused with a BatonApiException whose isConflict()
  // is true, naming the holder and current version; null skips that check. A take of an incident
  // another person took is refused the same way, whatever the version.

  /** {@code POST …/{id}/take}: the caller becomes the holder and assignee. */
  public IncidentCard take(long id, Long expectedVersion) throws IOException {
    return act(id, "take", Map.of(), expectedVersion);
  }

  /** {@code POST …/{id}/handover}: to {@code @person} or {@code #team}, who must take it; comment required. */
  public IncidentCard handover(long id, String to, String comment, Long expectedVersion) throws IOException {
    return act(id, "handover", fields("to", to, "comment", comment), expectedVersion);
  }

  /** {@code POST …/{id}/snooze}: for a while, until a time, or forever (with a comment). */
  public IncidentCard snooze(long id, SnoozeRequest request, Long expectedVersion) throws IOException {
    return act(id, "snooze", request, expectedVersion);
  }

  /** {@code POST …/{id}/unsnooze}: back to its holder's queue now; comment optional (null). */
  public IncidentCard unsnooze(long id, String comment, Long expectedVersion) throws IOException {
    return act(id, "unsnooze", fields("comment", comment), expectedVersion);
  }

  /** {@code POST …/{id}/close}; comment optional (null). */
  public IncidentCard close(long id, String comment, Long expectedVersion) throws IOException {
    return act(id, "close", fields("comment", comment), expectedVersion);
  }

  /** {@code POST …/{id}/describe}: short (one line) and/or long (markdown) description; null keeps one as it is. */
  public IncidentCard describe(long id, String shortDescription, String longDescription, Long expectedVersion)
      throws IOException {
    return act(id, "describe", fields("short", shortDescription, "long", longDescription), expectedVersion);
  }

  /** {@code POST …/{id}/comment}: a note in the timeline. */
  public IncidentCard comment(long id, String text, Long expectedVersion) throws IOException {
    return act(id, "comment", fields("text", text), expectedVersion);
  }

  /** {@code POST …/{id}/severity}: {@code S1}..{@code S9} by hand, with why; the SLA follows. */
  public IncidentCard severity(long id, String level, String comment, Long expectedVersion) throws IOException {
    return act(id, "severity", fields("level", level, "comment", comment), expectedVersion);
  }

  /** {@code GET /api/v1/whoami}: the actor this client's token acts as, its role and its teams. */
  public WhoAmI whoami() throws IOException {
    return get(url("api/v1/whoami").build(), json.constructType(WhoAmI.class));
  }

  /** {@code GET /api/v1/runbooks}: every usable runbook by priority, and the runbook files the receiver skipped. */
  public RunbookList runbooks() throws IOException {
    return get(url("api/v1/runbooks").build(), json.constructType(RunbookList.class));
  }

  /** {@code GET /api/v1/incidents/{id}/runbooks}: the runbooks whose MQL matches the incident, by priority. */
  public IncidentRunbooks runbooks(long incidentId) throws IOException {
    return get(url("api/v1/incidents").addPathSegment(Long.toString(incidentId)).addPathSegment("runbooks").build(),
        json.constructType(IncidentRunbooks.class));
  }

  /** {@code GET /api/v1/snooze-rules}: the snooze rules (maintenance windows) in force. */
  public SnoozeRuleList snoozeRules() throws IOException {
    return get(url("api/v1/snooze-rules").build(), json.constructType(SnoozeRuleList.class));
  }

  /**
   * {@code POST /api/v1/snooze-rules}: incidents matching {@code mql} are snoozed until {@code until};
   * the answer lists the open incidents it snoozed now.
   */
  public SnoozeRuleInfo createSnoozeRule(String mql, Instant until, String comment) throws IOException {
    Map<String, String> body = fields("mql", mql, "until", until.toString(), "comment", comment);
    return call(new Request.Builder().url(url("api/v1/snooze-rules").build())
        .post(RequestBody.create(json.writeValueAsBytes(body), JSON)), json.constructType(SnoozeRuleInfo.class));
  }

  /** {@code DELETE /api/v1/snooze-rules/{id}}: ends the rule now; the answer lists the incidents it woke. */
  public SnoozeRuleInfo endSnoozeRule(long id) throws IOException {
    return call(new Request.Builder().url(url("api/v1/snooze-rules").addPathSegment(Long.toString(id)).build())
        .delete(), json.constructType(SnoozeRuleInfo.class));
  }

  /**
   * {@code GET /api/v1/sources}: every source (configured ones first) with its status ({@code ok},
   * {@code missing}, {@code never_seen}, {@code unwatched}), last message, last heartbeat and counts.
   */
  public SourceList sources() throws IOException {
    return get(url("api/v1/sources").build(), json.constructType(SourceList.class));
  }

  /**
   * {@code POST /api/v1/heartbeat/{source}} (ingest role): the configured source is alive now; when
   * it was missing, its no-data-for alert turns ok. The answer is the source as it is after it.
   */
  public SourceInfo heartbeat(String source) throws IOException {
    return call(new Request.Builder().url(url("api/v1/heartbeat").addPathSegment(source).build())
        .post(RequestBody.create(new byte[0], JSON)), json.constructType(SourceInfo.class));
  }

  /**
   * {@code POST /api/v1/shift/handover}: every incident {@code from} (a person) holds passes to
   * {@code to} ({@code @person} or {@code #team}) with the comment, in one step.
   */
  public ShiftHandoverResult handOverShift(String from, String to, String comment) throws IOException {
    Map<String, String> body = fields("from", from, "to", to, "comment", comment);
    return call(new Request.Builder().url(url("api/v1/shift/handover").build())
        .post(RequestBody.create(json.writeValueAsBytes(body), JSON)), json.constructType(ShiftHandoverResult.class));
  }

  /** Name, value pairs without the null values. */
  private static Map<String, String> fields(String... nameValue) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < nameValue.length; i += 2) {
      if (nameValue[i + 1] != null) {
        m.put(nameValue[i], nameValue[i + 1]);
      }
    }
    return m;
  }

  private IncidentCard act(long id, String action, Object body, Long expectedVersion) throws IOException {
    HttpUrl url = url("api/v1/incidents").addPathSegment(Long.toString(id)).addPathSegment(action).build();
    Request.Builder request = new Request.Builder().url(url)
        .post(RequestBody.create(json.writeValueAsBytes(body), JSON));
    if (expectedVersion != null) {
      request.header("If-Match", "\"" + expectedVersion + "\"");
    }
    return call(request, json.constructType(IncidentCard.class));
  }

  /**
   * {@code GET /api/v1/stream}: every change to incidents and alerts, live, until the returned
   * subscription is closed. With {@code lastEventId} null the stream starts now and the listener's
   * {@link StreamListener#onReload()} comes first (fetch the list then); with the id of the last
   * event seen it resumes right after it, exactly once, even across a receiver restart. Dropped
   * connections are retried with backoff, resuming from the last event delivered.
   */
  public StreamSubscription stream(String lastEventId, StreamListener listener) {
    Objects.requireNonNull(listener, "listener");
    HttpUrl url = url("api/v1/stream").build();
    return new StreamSubscription(streaming, id -> {
      Request.Builder request = new Request.Builder().url(url).header("Accept", "text/event-stream");
      if (id != null) {
        request.header("Last-Event-ID", id);
      }
      if (token != null) {
        request.header("Authorization", "Bearer " + token);
      }
      return request.build();
    }, lastEventId, listener, json, response -> error(response.code(), StreamSubscription.bodyOf(response)));
  }

  // Post-mortems and incident analytics (docs/api.md, "Post-mortems"). Writes need the operate
  // role and answer the whole post-mortem as committed; expectedVersion (If-Match) refuses the
  // write with a 409 (isConflict()) when someone changed it since; null skips that check except
  // for updatePostmortem, which always needs it. Invalid fields come back as a 400 whose
  // parameter() is the first field at fault and whose message lists every one.

  /** {@code GET /api/v1/postmortems/options}: the dropdowns, the template and the artifact bounds. */
  public PostmortemOptions postmortemOptions() throws IOException {
    return get(url("api/v1/postmortems/options").build(), json.constructType(PostmortemOptions.class));
  }

  /** {@code POST /api/v1/postmortems}: a new draft covering the incidents, prefilled from them. */
  public Postmortem createPostmortem(NewPostmortem request) throws IOException {
    return postmortemWrite("POST", url("api/v1/postmortems").build(), jsonBody(request), null);
  }

  /** {@code GET /api/v1/postmortems/{id}}. */
  public Postmortem postmortem(long id) throws IOException {
    return get(postmortemUrl(id).build(), json.constructType(Postmortem.class));
  }

  /** {@code GET /api/v1/postmortems}: a page, newest first. */
  public PostmortemPage postmortems(PostmortemQuery query) throws IOException {
    HttpUrl.Builder url = url("api/v1/postmortems");
    optional(url, "status", query.statuses());
    optional(url, "owner", query.owner());
    optional(url, "trigger", query.trigger());
    optional(url, "incident", query.incident() == null ? null : query.incident().toString());
    optional(url, "q", query.mql());
    optional(url, "limit", query.limit() == null ? null : query.limit().toString());
    optional(url, "cursor", query.cursor());
    return get(url.build(), json.constructType(PostmortemPage.class));
  }

  /** {@code PUT /api/v1/postmortems/{id}}: replaces the document fields (see {@link PostmortemFields#of}). */
  public Postmortem updatePostmortem(long id, PostmortemFields fields, long expectedVersion) throws IOException {
    return postmortemWrite("PUT", postmortemUrl(id).build(), jsonBody(fields), expectedVersion);
  }

  /** {@code POST …/{id}/timeline}: a timestamped note. */
  public Postmortem addTimelineNote(long id, TimelineNote note, Long expectedVersion) throws IOException {
    return postmortemWrite("POST", postmortemUrl(id).addPathSegment("timeline").build(), jsonBody(note),
        expectedVersion);
  }

  /** {@code PUT …/{id}/timeline/{entry}}: a new time and text for a note or a copied event. */
  public Postmortem editTimelineEntry(long id, long entry, TimelineNote note, Long expectedVersion) throws IOException {
    return postmortemWrite("PUT", postmortemUrl(id).addPathSegment("timeline").addPathSegment(Long.toString(entry))
        .build(), jsonBody(note), expectedVersion);
  }

  /** {@code DELETE …/{id}/timeline/{entry}}. */
  public Postmortem removeTimelineEntry(long id, long entry, Long expectedVersion) throws IOException {
    return postmortemWrite("DELETE", postmortemUrl(id).addPathSegment("timeline").addPathSegment(Long.toString(entry))
        .build(), null, expectedVersion);
  }

  /** {@code POST …/{id}/timeline/sync}: copies in the incidents' events that came since. */
  public Postmortem syncTimeline(long id, Long expectedVersion) throws IOException {
    return postmortemWrite("POST", postmortemUrl(id).addPathSegment("timeline").addPathSegment("sync").build(),
        jsonBody(Map.of()), expectedVersion);
  }

  /** {@code POST …/{id}/actions}. */
  public Postmortem addActionItem(long id, ActionItemFields item, Long expectedVersion) throws IOException {
    return postmortemWrite("POST", postmortemUrl(id).addPathSegment("actions").build(), jsonBody(item),
        expectedVersion);
  }

  /** {@code PUT …/{id}/actions/{action}}: its title, link and done. */
  public Postmortem updateActionItem(long id, long action, ActionItemFields item, Long expectedVersion)
      throws IOException {
    return postmortemWrite("PUT", postmortemUrl(id).addPathSegment("actions").addPathSegment(Long.toString(action))
        .build(), jsonBody(item), expectedVersion);
  }

  /** {@code DELETE …/{id}/actions/{action}}. */
  public Postmortem removeActionItem(long id, long action, Long expectedVersion) throws IOException {
    return postmortemWrite("DELETE", postmortemUrl(id).addPathSegment("actions").addPathSegment(Long.toString(action))
        .build(), null, expectedVersion);
  }

  /** {@code POST …/{id}/artifacts?name=}: copies a screenshot or a log in ({@code image/png}, {@code text/plain}…). */
  public Postmortem addArtifact(long id, String name, String contentType, byte[] data, Long expectedVersion)
      throws IOException {
    HttpUrl url = postmortemUrl(id).addPathSegment("artifacts").addQueryParameter("name", name).build();
    return postmortemWrite("POST", url, RequestBody.create(data, MediaType.get(contentType)), expectedVersion);
  }

  /** {@code GET …/{id}/artifacts/{artifact}}: the bytes as stored. */
  public byte[] artifact(long id, long artifact) throws IOException {
    return bytes(postmortemUrl(id).addPathSegment("artifacts").addPathSegment(Long.toString(artifact)).build());
  }

  /** {@code DELETE …/{id}/artifacts/{artifact}}. */
  public Postmortem removeArtifact(long id, long artifact, Long expectedVersion) throws IOException {
    return postmortemWrite("DELETE", postmortemUrl(id).addPathSegment("artifacts")
        .addPathSegment(Long.toString(artifact)).build(), null, expectedVersion);
  }

  /** {@code GET …/{id}/export?format=}: {@code md} (UTF-8 Markdown, images inline) or {@code zip}. */
  public byte[] exportPostmortem(long id, String format) throws IOException {
    return bytes(postmortemUrl(id).addPathSegment("export").addQueryParameter("format", format).build());
  }

  /** {@code GET /api/v1/reports/incidents}: analytics over incidents opened in [from, to) matching {@code mql}; each may be null. */
  public IncidentReport incidentReport(Instant from, Instant to, String mql) throws IOException {
    return report("incidents", from, to, mql, IncidentReport.class);
  }

  /**
   * {@code GET /api/v1/reports/sla}: response figures per project, team and severity of the
   * incidents opened in [from, to) matching {@code mql}, and the noise per trigger; each may be null.
   */
  public SlaReport slaReport(Instant from, Instant to, String mql) throws IOException {
    return report("sla", from, to, mql, SlaReport.class);
  }

  private <T> T report(String name, Instant from, Instant to, String mql, Class<T> type) throws IOException {
    HttpUrl.Builder url = url("api/v1/reports").addPathSegment(name);
    optional(url, "from", from == null ? null : from.toString());
    optional(url, "to", to == null ? null : to.toString());
    optional(url, "q", mql);
    return get(url.build(), json.constructType(type));
  }

  private HttpUrl.Builder postmortemUrl(long id) {
    return url("api/v1/postmortems").addPathSegment(Long.toString(id));
  }

  private RequestBody jsonBody(Object value) throws IOException {
    return RequestBody.create(json.writeValueAsBytes(value), JSON);
  }

  private Postmortem postmortemWrite(String method, HttpUrl url, RequestBody body, Long expectedVersion)
      throws IOException {
    Request.Builder request = new Request.Builder().url(url).method(method, body);
    if (expectedVersion != null) {
      request.header("If-Match", "\"" + expectedVersion + "\"");
    }
    return call(request, json.constructType(Postmortem.class));
  }

  private byte[] bytes(HttpUrl url) throws IOException {
    Request.Builder request = new Request.Builder().url(url);
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try (Response response = http.newCall(request.build()).execute()) {
      ResponseBody body = response.body();
      byte[] data = body == null ? new byte[0] : body.bytes();
      if (!response.isSuccessful()) {
        throw error(response.code(), new String(data, java.nio.charset.StandardCharsets.UTF_8));
      }
      return data;
    }
  }

  private HttpUrl analytics(long id, String what, Integer limit) {
    HttpUrl.Builder url = url("api/v1/incidents").addPathSegment(Long.toString(id)).addPathSegment(what);
    optional(url, "limit", limit == null ? null : limit.toString());
    return url.build();
  }

  private HttpUrl.Builder url(String path) {
    return base.newBuilder().addPathSegments(path);
  }

  private static void optional(HttpUrl.Builder url, String name, String value) {
    if (value != null && !value.isEmpty()) {
      url.addQueryParameter(name, value);
    }
  }

  private <T> T get(HttpUrl url, JavaType type) throws IOException {
    return call(new Request.Builder().url(url), type);
  }

  private <T> T call(Request.Builder request, JavaType type) throws IOException {
    request.header("Accept", "application/json");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try (Response response = http.newCall(request.build()).execute()) {
      ResponseBody body = response.body();
      if (!response.isSuccessful()) {
        throw error(response.code(), body == null ? "" : body.string());
      }
      // decoded from the bytes as they arrive: a page of 2,000 cards is ~1.4 MB, never held as text
      return body == null ? json.readValue("", type) : json.readValue(body.byteStream(), type);
    }
  }

  private BatonApiException error(int status, String text) {
    try {
      ApiError e = json.readValue(text, ApiError.class);
      if (e.message() != null) {
        // InvalidFields is ApiError's shape plus the field problems of a rejected body.
        List<FieldProblem> fields = json.readValue(text, InvalidFields.class).fields();
        return new BatonApiException(status, e.message(), e.parameter(), e.problems(), e.holder(), e.version(),
            fields);
      }
    } catch (IOException notJson) {
      // a proxy's page or plain text: keep the start of it as the message
    }
    String plain = text.length() > MAX_PLAIN_ERROR ? text.substring(0, MAX_PLAIN_ERROR) + "…" : text;
    return new BatonApiException(status, plain.isBlank() ? "HTTP " + status : plain.strip(), null, List.of());
  }

  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  /** Base URL, optional bearer token, timeouts. */
  public static final class Builder {
    private final String baseUrl;
    private String token;
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration readTimeout = Duration.ofSeconds(30);
    private Duration callTimeout = Duration.ofSeconds(60);

    private Builder(String baseUrl) {
      this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
    }

    /** A bearer token (viewer role is enough for reading); none on loopback without tokens. */
    public Builder token(String bearer) {
      this.token = bearer;
      return this;
    }

    public Builder connectTimeout(Duration d) {
      this.connectTimeout = Objects.requireNonNull(d);
      return this;
    }

    public Builder readTimeout(Duration d) {
      this.readTimeout = Objects.requireNonNull(d);
      return this;
    }

    /** The whole call, connect to last byte. */
    public Builder callTimeout(Duration d) {
      this.callTimeout = Objects.requireNonNull(d);
      return this;
    }

    public BatonClient build() {
      return new BatonClient(this);
    }
  }
}
