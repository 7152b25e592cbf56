package dev.baton.server.ingest;

import dev.baton.server.ingest.DecodeResult.Problem;
import dev.baton.server.ingest.IngestProtocol.Reply;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Baton's own JSON answer, used where the sender defines none (its events API, the webhook
 * receiver): 200 {@code {"accepted":n,"rejected":[]}} when everything was stored; 400
 * {@code {"error":…,"accepted":n,"rejected":[{index,field,message}…]}} when some items were
 * rejected (the accepted ones are stored); 400 {@code {"error":…,"problems":[…]}} when the body as
 * a whole was unusable and nothing was stored.
 */
final class BatonReply {

  /** At most this many problems are listed; {@code "unlisted"} counts the rest. */
  static final int MAX_LISTED = 100;

  private BatonReply() {}

  static Reply of(DecodeResult result, String itemPath, String noun) {
    int accepted = result.events().size();
    if (result.problems().isEmpty()) {
      // what Jackson writes for this object, without building and serializing it for every request
      return new Reply(200, "application/json",
          ("{\"accepted\":" + accepted + ",\"rejected\":[]}").getBytes(StandardCharsets.US_ASCII));
    }
    Map<String, Object> body;
    if (Problems.bodyLevel(result.problems())) {
      body = ReplyJson.object("error", Problems.join(result.problems(), itemPath), "problems", listed(result.problems()));
    } else {
      long rejected = result.problems().stream().mapToInt(Problem::index).distinct().count();
      String error = rejected + " of " + (rejected + accepted) + " " + noun + "s rejected, " + accepted + " accepted: "
          + Problems.describe(result.problems().get(0), itemPath)
          + (result.problems().size() > 1 ? " (and " + (result.problems().size() - 1) + " more problems)" : "");
      body = ReplyJson.object("error", error, "accepted", accepted, "rejected", listed(result.problems()));
    }
    if (result.problems().size() > MAX_LISTED) {
      body.put("unlisted", result.problems().size() - MAX_LISTED);
    }
    return new Reply(400, "application/json", ReplyJson.bytes(body));
  }

  private static List<Map<String, Object>> listed(List<Problem> problems) {
    List<Map<String, Object>> listed = new ArrayList<>();
    for (Problem p : problems.subList(0, Math.min(problems.size(), MAX_LISTED))) {
      listed.add(ReplyJson.object("index", p.index(), "field", p.field(), "message", p.message()));
    }
    return listed;
  }
}
