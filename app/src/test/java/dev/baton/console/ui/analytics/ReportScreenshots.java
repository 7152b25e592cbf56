package dev.baton.console.ui.analytics;

import dev.baton.api.model.ActionItemFields;
import dev.baton.api.model.DamageFigure;
import dev.baton.api.model.GlossaryEntry;
import dev.baton.api.model.NewPostmortem;
import dev.baton.api.model.Postmortem;
import dev.baton.api.model.PostmortemFields;
import dev.baton.api.model.PostmortemSection;
import dev.baton.api.model.TimelineNote;
import dev.baton.console.analytics.ApiReports;
import dev.baton.console.postmortem.ApiPostmortems;
import dev.baton.console.ui.FileDialogs;
import dev.baton.console.ui.FxTestSupport;
import dev.baton.console.ui.fxthread.FxDelay;
import dev.baton.console.ui.fxthread.FxTaskExecutor;
import dev.baton.console.ui.postmortem.PostmortemEditorView;
import dev.baton.console.ui.postmortem.PostmortemEditorViewModel;
import dev.baton.console.ui.postmortem.PostmortemTestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

/**
 * docs/screenshots/postmortem-editor.png, analytics.png and analytics-times.png: sixteen weeks of a small company's
 * incidents (durations clustered around 1 h and 12 h as in the seed article, triggers led by
 * releases), each with a post-mortem, written through a real receiver; the last one in full.
 */
public final class ReportScreenshots {

  /** Writes a scene as PNG under a name (ScreenshotsTest's save). */
  @FunctionalInterface
  public interface Save {
    void save(Scene scene, String name) throws Exception;
  }

  private static final String[] ALERTS = {"HighErrorRate", "LatencyP99High", "DiskFull", "KafkaConsumerLag",
      "PodCrashLooping", "DBReplicationLag", "QueueBacklog", "CertExpiringSoon"};
  private static final String[] PROJECTS = {"checkout", "payments", "search", "auth"};

  private ReportScreenshots() {
  }

  public static void render(Save save) throws Exception {
    Path dir = Files.createTempDirectory("baton-report-screenshots");
    Instant now = Instant.now();
    try (ReportData data = new ReportData(dir, now.minus(Duration.ofDays(16 * 7)));
        FxTaskExecutor tasks = new FxTaskExecutor(2)) {
      history(data, now.minus(Duration.ofDays(2)));
      long id = fullPostmortem(data, dir);
      data.clock.advance(Duration.ofHours(6));

      PostmortemEditorView editor = FxTestSupport.onFx(() -> {
        PostmortemEditorView view = new PostmortemEditorView(new PostmortemEditorViewModel(
            new ApiPostmortems(data.client), tasks, new FxDelay(), Clock.system(ZoneOffset.UTC)),
            FileDialogs.NATIVE, url -> { });
        Stage stage = view.show(null);
        stage.setWidth(1440);
        stage.setHeight(900);
        view.model().open(id);
        return view;
      });
      WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> editor.model().loadedProperty().get());
      save.save(editor.root().getScene(), "postmortem-editor.png");
      FxTestSupport.onFx(() -> {
        TabPane parts = (TabPane) editor.root().lookup("#pm-parts");
        parts.getSelectionModel().select(2);
      });
      save.save(editor.root().getScene(), "postmortem-artifacts.png");
      FxTestSupport.onFx(() -> editor.root().getScene().getWindow().hide());

      AnalyticsView analytics = FxTestSupport.onFx(() -> {
        AnalyticsView view = new AnalyticsView(new AnalyticsViewModel(new ApiReports(data.client), tasks,
            Clock.systemUTC()), FileDialogs.NATIVE);
        Stage stage = view.show(null);
        stage.setWidth(1440);
        stage.setHeight(1000);
        view.model().last(null);
        return view;
      });
      WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !analytics.model().loadingProperty().get()
          && analytics.model().reportProperty().get() != null);
      save.save(analytics.root().getScene(), "analytics.png");
      FxTestSupport.onFx(() -> {
        // The row of MTTA and MTTR at the top of the window.
        ScrollPane scroll = (ScrollPane) analytics.root().lookup("#analytics-scroll");
        double below = scroll.getContent().getLayoutBounds().getHeight() - scroll.getViewportBounds().getHeight();
        scroll.setVvalue(Math.min(1, analytics.chart("mtta").getParent().getBoundsInParent().getMinY() / below));
      });
      WaitForAsyncUtils.waitForFxEvents();
      save.save(analytics.root().getScene(), "analytics-times.png");
      FxTestSupport.onFx(() -> analytics.root().getScene().getWindow().hide());
    }
  }

  /** About five incidents a week until {@code until}, as a small company has them. */
  private static void history(ReportData data, Instant until) throws Exception {
    SplittableRandom random = new SplittableRandom(2);
    while (data.clock.instant().isBefore(until)) {
      int kind = random.nextInt(20);
      long minutes = kind < 7 ? 50 + random.nextInt(25) // around 1 h
          : kind < 12 ? 600 + random.nextInt(240) // around 12 h
          : (long) Math.exp(Math.log(3) + random.nextDouble() * Math.log(1400)); // 3 min .. 3 days
      String trigger = pick(random, new String[] {"release", "release", "release", "release", "configuration_change",
          "configuration_change", "hardware_maintenance", "hardware_maintenance", "capacity", "dependency",
          "dependency", "unknown"});
      String wouldHave = pick(random, new String[] {"no", "no", "no", "no", "prevented", "shortened", "shortened"});
      boolean helps = !wouldHave.equals("no");
      boolean written = random.nextInt(10) < 8;
      data.add(new ReportData.Spec(pick(random, ALERTS), pick(random, PROJECTS),
          random.nextInt(3) == 0 ? "critical" : "warning", Duration.ofMinutes(2 + random.nextInt(25)),
          Duration.ofMinutes(Math.max(minutes, 30)), written ? trigger : null,
          pick(random, new String[] {"alert", "alert", "alert", "user_report", "user_report", "colleague",
              "dashboard"}),
          pick(random, new String[] {"unavailability", "unavailability", "slowness", "slowness", "wrong_behaviour",
              "data_loss"}), wouldHave, helps ? pick(random, new String[] {"http_errors", "http_errors",
              "new_log_errors", "system_resources", "latency"}) : null));
      data.clock.advance(Duration.ofHours(8 + random.nextInt(40)));
    }
  }

  private static String pick(SplittableRandom random, String[] from) {
    return from[random.nextInt(from.length)];
  }

  /** The post-mortem the editor shows: every part written as a team would. */
  private static long fullPostmortem(ReportData data, Path dir) throws Exception {
    Instant opened = data.clock.instant();
    long incident = data.add(new ReportData.Spec("HighErrorRate", "checkout", "critical", Duration.ofMinutes(4),
        Duration.ofMinutes(38), null, null, null, null, null));
    Postmortem p = data.client.createPostmortem(new NewPostmortem(List.of(incident),
        "Checkout answered 502 for 38 minutes after release 4.12", "maria"));
    List<String> answers = List.of(
        "Release 4.12 of checkout-api shipped a connection pool of 4 instead of 40. Under the evening peak every"
            + " request waited for a connection and the gateway answered **502** after 5 s.",
        "Checkout failed for about 60 % of the buyers for 38 minutes. No orders were lost; carts were kept.",
        "", "", "", "", "");
    List<PostmortemSection> sections = new ArrayList<>();
    for (int i = 0; i < p.sections().size(); i++) {
      PostmortemSection s = p.sections().get(i);
      sections.add(new PostmortemSection(s.title(), s.questions(), i < answers.size() ? answers.get(i) : ""));
    }
    PostmortemFields f = PostmortemFields.of(p);
    p = data.client.updatePostmortem(p.id(), new PostmortemFields(f.title(), "in_review", "maria", f.incidentIds(),
        opened, opened.plus(Duration.ofMinutes(38)), opened.plus(Duration.ofMinutes(3)),
        opened.plus(Duration.ofMinutes(38)), "release", "alert", "unavailability",
        "Buyers saw *Something went wrong* on the payment step; retries mostly failed too.",
        List.of(new DamageFigure("failed checkout requests", 18400, "requests"),
            new DamageFigure("support tickets", 37, "tickets")),
        List.of("checkout", "payments"), List.of("checkout-api", "gateway"), "shortened", "http_errors", sections,
        List.of(new GlossaryEntry("pool", "the database connections one checkout-api process keeps open"),
            new GlossaryEntry("canary", "a release to 5 % of the traffic first"))), p.version());
    String[][] notes = {{"6", "502s on the checkout dashboard, alert HighErrorRate fired"},
        {"12", "pool at 4/4 in every pod: the 4.12 config sets maxPoolSize=4"},
        {"19", "rolling back to 4.11"}, {"31", "rollback done, errors falling"}};
    for (String[] note : notes) {
      p = data.client.addTimelineNote(p.id(), new TimelineNote(opened.plus(Duration.ofMinutes(
          Long.parseLong(note[0]))), note[1]), p.version());
    }
    p = data.client.addActionItem(p.id(), new ActionItemFields("Canary releases for checkout-api",
        "https://tracker.example/CHK-212", false), p.version());
    p = data.client.addActionItem(p.id(), new ActionItemFields("Alert when the pool is over 90 % for 2 min",
        "https://tracker.example/CHK-213", true), p.version());
    p = data.client.addActionItem(p.id(), new ActionItemFields("Config review in the release checklist", null,
        false), p.version());
    Path png = PostmortemTestData.png(dir.resolve("errors-dashboard.png"));
    p = data.client.addArtifact(p.id(), "errors-dashboard.png", "image/png", Files.readAllBytes(png), p.version());
    p = data.client.addArtifact(p.id(), "incident-chat.log", "text/plain", String.join("\n",
        "19:02 <oleg> checkout 502s, looking", "19:08 <maria> pool exhausted, 4.12 config?",
        "19:15 <oleg> rolling back").getBytes(java.nio.charset.StandardCharsets.UTF_8), p.version());
    return p.id();
  }
}
