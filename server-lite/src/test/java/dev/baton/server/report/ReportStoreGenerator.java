package dev.baton.server.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes a store for the report benchmark: incidents over the past year (one alert each, labelled
 * with a team), durations clustered around 1 h and 12 h plus a spread, 70 % taken; and
 * post-mortems with their analytics fields over distinct incidents, a third of them covering two;
 * for the SLA report, response deadlines (S1..S6), escalation entries on one incident in six and
 * one alert resolved while pending per four incidents (drawn apart, so the incidents stay as they were).
 *
 * <pre>
 * ReportStoreGenerator FILE [incidents=100000] [postmortems=5000]
 * </pre>
 */
public final class ReportStoreGenerator {

  private static final long MIN = 60_000;
  private static final String[] CHAINS = {"[]", "[\"#l1\"]", "[\"#l1\",\"#bravo\",\"@dmitry\"]", "[\"#l1\",\"@alice\"]",
      "[\"#ops\"]", "[\"#l1\",\"#storage\"]"};
  private static final String[] TRIGGERS = {"release", "release", "release", "configuration_change",
      "hardware_maintenance", "capacity", "dependency", "unknown", "unknown", null};
  private static final String[] DETECTION = {"alert", "alert", "user_report", "colleague", "dashboard", null};
  private static final String[] DAMAGE = {"unavailability", "unavailability", "slowness", "wrong_behaviour",
      "data_loss", null};
  private static final String[] WOULD_HAVE = {"no", "no", "no", "prevented", "shortened", null};
  private static final String[] KINDS = {"http_errors", "new_log_errors", "system_resources", "latency"};

  private ReportStoreGenerator() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: ReportStoreGenerator FILE [incidents=100000] [postmortems=5000]");
      System.exit(2);
    }
    Path file = Path.of(args[0]);
    int incidents = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
    int postmortems = args.length > 2 ? Integer.parseInt(args[2]) : 5_000;
    if (postmortems * 2L > incidents) {
      throw new IllegalArgumentException("post-mortems cover up to two incidents each: at most incidents / 2");
    }
    long started = System.nanoTime();
    SplittableRandom random = new SplittableRandom(42);
    SplittableRandom policy = new SplittableRandom(43);
    long now = System.currentTimeMillis();
    long yearAgo = now - 365L * 24 * 60 * MIN;
    try (IncidentRows rows = IncidentRows.create(file)) {
      for (long id = 1; id <= incidents; id++) {
        long opened = yearAgo + (365L * 24 * 60 - 24 * 60) * MIN * id / incidents;
        long duration = switch (random.nextInt(20)) {
          case 0, 1, 2, 3, 4, 5, 6 -> (50 + random.nextInt(25)) * MIN;
          case 7, 8, 9, 10, 11 -> (600 + random.nextInt(240)) * MIN;
          default -> (long) Math.exp(Math.log(MIN) + random.nextDouble() * Math.log(7200));
        };
        long taken = random.nextInt(10) < 7 ? opened + (1 + random.nextInt(30)) * MIN : 0;
        long closed = random.nextInt(50) == 0 ? 0 : opened + duration;
        IncidentRows.Incident incident = new IncidentRows.Incident(id, String.format("p%02d", random.nextInt(50)),
            1 + random.nextInt(9), opened, closed != 0 && taken > closed ? 0 : taken, closed,
            CHAINS[random.nextInt(CHAINS.length)], String.format("team%02d", random.nextInt(20)));
        rows.add(incident);
        rows.deadline(id, incident.severity() <= 6 ? opened + (5 + policy.nextInt(56)) * MIN : 0);
        if (policy.nextInt(6) == 0) {
          rows.timeline(id, opened + 10 * MIN, SlaReports.ESCALATED, "{\"from\":\"#l1\",\"to\":\"#bravo\"}");
        }
        if (id % 4 == 0) {
          rows.pendingNoise(incidents + id, incident.project(), "Trigger" + policy.nextInt(50), incident.team(),
              opened - MIN);
        }
        if (id % 10_000 == 0) {
          rows.commit();
        }
      }
      // distinct incidents: post-mortem k covers incident 1 + k * stride (and the next one for a third)
      long stride = incidents / postmortems;
      for (long k = 0; k < postmortems; k++) {
        long first = 1 + k * stride;
        long[] covered = k % 3 == 0 && stride > 1 ? new long[] {first, first + 1} : new long[] {first};
        String wouldHave = WOULD_HAVE[random.nextInt(WOULD_HAVE.length)];
        boolean helps = "prevented".equals(wouldHave) || "shortened".equals(wouldHave);
        rows.add(new IncidentRows.Postmortem(k + 1, covered, 0, 0, TRIGGERS[random.nextInt(TRIGGERS.length)],
            DETECTION[random.nextInt(DETECTION.length)], DAMAGE[random.nextInt(DAMAGE.length)], wouldHave,
            helps ? KINDS[random.nextInt(KINDS.length)] : null));
      }
    }
    System.out.printf("generated %s: %d incidents, %d post-mortems, in %.1f s (%d MiB)%n", file, incidents,
        postmortems, (System.nanoTime() - started) / 1e9, Files.size(file) >> 20);
  }
}
