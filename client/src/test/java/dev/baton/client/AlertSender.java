package dev.baton.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** Fires alerts into a receiver through Alertmanager's API v2, as Prometheus sends them, with an ingest token. */
final class AlertSender {

  private AlertSender() {}

  /** One firing alert that started a minute ago, with a summary; waits for the receiver's 200. */
  static void fire(String receiverUrl, String ingestToken, Map<String, String> labels) throws IOException {
    Map<String, Object> alert = new LinkedHashMap<>();
    alert.put("labels", labels);
    alert.put("annotations", Map.of("summary", labels.get("alertname") + " on " + labels.get("instance")));
    alert.put("startsAt", Instant.now().minusSeconds(60).toString());
    byte[] body = new ObjectMapper().writeValueAsBytes(List.of(alert));
    try (Response r = new OkHttpClient().newCall(new Request.Builder().url(receiverUrl + "/api/v2/alerts")
        .header("Authorization", "Bearer " + ingestToken)
        .post(RequestBody.create(body, MediaType.get("application/json"))).build()).execute()) {
      assertEquals(200, r.code(), r.body().string());
    }
  }
}
