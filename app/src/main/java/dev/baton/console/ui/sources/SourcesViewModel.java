package dev.baton.console.ui.sources;

import dev.baton.api.model.SourceInfo;
import dev.baton.console.incident.CardText;
import dev.baton.console.incident.ConnectionWords;
import dev.baton.console.sources.Sources;
import dev.baton.console.task.TaskExecutor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Sources window: every source the receiver knows and whether its heartbeat arrives, missing
 * ones first (then in the receiver's order: configured sources, then the others by name). Times
 * are relative to the clock, in its zone.
 */
public final class SourcesViewModel {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final Sources sources;
  private final TaskExecutor tasks;
  private final Clock clock;
  private final ObservableList<SourceRow> rows = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
  private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);

  public SourcesViewModel(Sources sources, TaskExecutor tasks, Clock clock) {
    this.sources = sources;
    this.tasks = tasks;
    this.clock = clock;
  }

  /** Reads the sources off the UI thread; on failure the last list stays and the status says why. */
  public void load() {
    loading.set(true);
    status.set("Reading the sources…");
    tasks.execute(sources::all, all -> {
      loading.set(false);
      Instant now = clock.instant();
      rows.setAll(all.stream().sorted(Comparator.comparing(s -> !SourceInfo.MISSING.equals(s.status())))
          .map(s -> row(s, now)).toList());
      status.set(summary(all));
    }, failure -> {
      loading.set(false);
      status.set("Sources not read: " + ConnectionWords.problem(failure));
    });
  }

  private static String summary(List<SourceInfo> all) {
    if (all.isEmpty()) {
      return "No sources yet: nothing has sent alerts, and the configuration lists no sources.";
    }
    long missing = all.stream().filter(s -> SourceInfo.MISSING.equals(s.status())).count();
    return all.size() + (all.size() == 1 ? " source" : " sources")
        + (missing == 0 ? " · none missing" : " · " + missing + " missing");
  }

  private SourceRow row(SourceInfo s, Instant now) {
    boolean missing = SourceInfo.MISSING.equals(s.status());
    return new SourceRow(s.name(), status(s, now), s.heartbeat() == null ? "not watched" : interval(s.heartbeat()),
        ago(s.lastHeartbeat(), now), ago(s.lastMessage(), now), s.alertsReceived(), s.activeAlerts(),
        s.unknownAlerts(), missing);
  }

  private String status(SourceInfo s, Instant now) {
    return switch (s.status()) {
      case SourceInfo.OK -> "ok";
      case SourceInfo.MISSING -> s.missingSince() == null ? "MISSING"
          : "MISSING since " + WHEN.format(s.missingSince().atZone(clock.getZone())) + " ("
              + ago(s.missingSince(), now) + ")";
      case SourceInfo.NEVER_SEEN -> "never seen";
      case SourceInfo.UNWATCHED -> "unwatched";
      default -> s.status();
    };
  }

  /** {@code just now}, {@code 3 min ago}, {@code 5 h ago}, {@code 2 d ago}; {@code never} for null. */
  static String ago(Instant at, Instant now) {
    if (at == null) {
      return "never";
    }
    long seconds = Duration.between(at, now).getSeconds();
    if (seconds < 60) {
      return seconds < 0 ? "in the future (clocks differ)" : "just now";
    }
    if (seconds < 2 * 3600) {
      return seconds / 60 + " min ago";
    }
    if (seconds < 2 * 86_400) {
      return seconds / 3600 + " h ago";
    }
    return seconds / 86_400 + " d ago";
  }

  /** {@code 2 min}, {@code 25 h}, {@code 1d 01h 30m} when not round. */
  static String interval(Duration d) {
    long seconds = d.getSeconds();
    if (seconds % 3600 == 0) {
      return seconds / 3600 + " h";
    }
    if (seconds % 60 == 0 && seconds < 2 * 3600) {
      return seconds / 60 + " min";
    }
    return CardText.duration(d);
  }

  public ObservableList<SourceRow> rows() {
    return rows;
  }

  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty loadingProperty() {
    return loading.getReadOnlyProperty();
  }
}
