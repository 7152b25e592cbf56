package dev.baton.loadgen;

import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Command line of the load generator: flags in, exit code out. */
@Command(name = "baton-loadgen", mixinStandardHelpOptions = true,
    description = "Posts Alertmanager-v2 alerts to a loopback receiver and measures it.",
    subcommands = {Main.Post.class, Main.Compare.class, Main.StreamLatencyCommand.class, Main.FloorReceiverCommand.class})
public final class Main implements Callable<Integer> {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec commandSpec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
      if (ex instanceof IllegalArgumentException) {
        cmd.getErr().println("baton-loadgen: " + ex.getMessage());
        cmd.getErr().flush();
        return 2;
      }
      throw ex;
    });
    return cl;
  }

  @Override
  public Integer call() {
    commandSpec.commandLine().usage(commandSpec.commandLine().getOut());
    return 2;
  }

  @Command(name = "post", mixinStandardHelpOptions = true,
      description = "Post alerts with N connections and batch size B; report alerts/s, latency, target RSS and CPU.")
  static final class Post implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec commandSpec;

    @Option(names = "--url", required = true,
        description = "Where to post, e.g. http://127.0.0.1:9393/api/v2/alerts (loopback only).")
    URI url;

    @Option(names = {"-c", "--connections"}, defaultValue = "8", description = "Concurrent connections (default ${DEFAULT-VALUE}).")
    int connections;

    @Option(names = {"-b", "--batch"}, defaultValue = "1", description = "Alerts per request (default ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = {"-n", "--alerts"}, defaultValue = "100000", description = "Distinct alerts (default ${DEFAULT-VALUE}).")
    int alerts;

    @Option(names = "--resend", defaultValue = "1",
        description = "Sends per alert: R > 1 posts all distinct alerts R times over, as Prometheus re-sends (default ${DEFAULT-VALUE}).")
    int resend;

    @Option(names = "--warmup", defaultValue = "0",
        description = "Alerts posted first, with their own labels, and left out of the figures (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--max-seconds", defaultValue = "600", description = "Stop after this long whatever is left (default ${DEFAULT-VALUE}).")
    long maxSeconds;

    @Option(names = "--pid", description = "Target process to measure: RSS (VmRSS) and CPU (utime+stime) from /proc.")
    Long pid;

    @Option(names = "--run-id", description = "Label value loadgen_run that keeps this run's alerts apart (default: random).")
    String runId;

    @Option(names = "--tsv", description = "Append the measured phase as one row to this TSV file.")
    Path tsv;

    @Option(names = "--target-name", defaultValue = "target", description = "Target name in the TSV row (default ${DEFAULT-VALUE}).")
    String targetName;

    @Option(names = "--scenario", defaultValue = "-", description = "Scenario name in the TSV row.")
    String scenario;

    @Override
    public Integer call() throws Exception {
      String id = runId != null ? runId : UUID.randomUUID().toString().substring(0, 8);
      LoadSpec spec = new LoadSpec(url, connections, batch, alerts, resend, warmup,
          Duration.ofSeconds(maxSeconds), id);
      InetSocketAddress address = LoopbackTarget.resolve(url);
      ProcessProbe probe = pid == null ? null : new ProcessProbe(pid);
      List<PhaseResult> results = new LoadRun(spec, address, probe).run();
      PrintWriter out = commandSpec.commandLine().getOut();
      results.forEach(r -> Report.text(out, spec, r));
      PhaseResult measured = results.get(results.size() - 1);
      if (tsv != null) {
        Report.appendTsv(tsv, targetName, scenario, spec, measured);
      }
      if (measured.alertsAccepted() == 0) {
        commandSpec.commandLine().getErr().println("baton-loadgen: the target accepted no alerts: " + Report.errors(measured.errors()));
        return 1;
      }
      return 0;
    }
  }

  @Command(name = "stream-latency", mixinStandardHelpOptions = true,
      description = "Post alerts at a fixed rate while reading GET /api/v1/stream; report per-alert 2xx -> event latency.")
  static final class StreamLatencyCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec commandSpec;

    @Option(names = "--url", required = true, description = "The receiver, e.g. http://127.0.0.1:9393 (loopback only).")
    URI url;

    @Option(names = "--rate", defaultValue = "1000", description = "Alerts per second (default ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = {"-b", "--batch"}, defaultValue = "10", description = "Alerts per request (default ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = {"-c", "--connections"}, defaultValue = "4", description = "Posting connections (default ${DEFAULT-VALUE}).")
    int connections;

    @Option(names = "--seconds", defaultValue = "30", description = "Measured seconds (default ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--warmup-seconds", defaultValue = "10", description = "Seconds posted first and left out (default ${DEFAULT-VALUE}).")
    int warmupSeconds;

    @Option(names = "--run-id", description = "Label value loadgen_run that keeps this run's alerts apart (default: random).")
    String runId;

    @Override
    public Integer call() throws Exception {
      String id = runId != null ? runId : UUID.randomUUID().toString().substring(0, 8);
      StreamLatency.Spec spec = new StreamLatency.Spec(LoopbackTarget.resolve(url), rate, batch, connections, seconds,
          warmupSeconds, id);
      StreamLatency.Result result = new StreamLatency(spec).run();
      result.print(commandSpec.commandLine().getOut());
      return result.keptUp() ? 0 : 1;
    }
  }

  @Command(name = "compare", mixinStandardHelpOptions = true,
      description = "Print a markdown table of two targets' TSV rows, scenario by scenario, with alerts/s ratios.")
  static final class Compare implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec commandSpec;

    @Option(names = "--tsv", required = true, description = "TSV written by 'post --tsv'.")
    Path tsv;

    @Option(names = "--baseline", required = true, description = "Target name to compare against, e.g. alertmanager.")
    String baseline;

    @Option(names = "--candidate", required = true, description = "Target name measured against it, e.g. baton.")
    String candidate;

    @Override
    public Integer call() throws Exception {
      Comparison.read(tsv).markdown(commandSpec.commandLine().getOut(), baseline, candidate);
      return 0;
    }
  }

  @Command(name = "floor-receiver", mixinStandardHelpOptions = true,
      description = "A receiver on the JDK HTTP server that reads each body and answers 200, storing nothing:"
          + " the floor any receiver on that server pays per request. With --store, it answers once the body is"
          + " committed to SQLite (the durable floor). Runs until stopped.")
  static final class FloorReceiverCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec commandSpec;

    @Option(names = "--listen", required = true, paramLabel = "HOST:PORT", description = "Loopback address, e.g. 127.0.0.1:9393.")
    String listen;

    @Option(names = "--threads", defaultValue = "64", description = "Handler threads, as Baton's default (default ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--store", paramLabel = "FILE", description = "SQLite database each body is committed to before"
        + " its answer (one writer thread, group commit, WAL, synchronous = normal).")
    java.nio.file.Path store;

    @Override
    public Integer call() throws Exception {
      int colon = listen.lastIndexOf(':');
      if (colon < 0) {
        throw new IllegalArgumentException("--listen takes HOST:PORT, not '" + listen + "'");
      }
      InetSocketAddress address = new InetSocketAddress(listen.substring(0, colon),
          Integer.parseInt(listen.substring(colon + 1)));
      if (!address.getAddress().isLoopbackAddress()) {
        throw new IllegalArgumentException("--listen must be a loopback address, not '" + listen + "'");
      }
      try (FloorReceiver receiver = FloorReceiver.start(address, threads, store == null ? null : BodyLog.open(store))) {
        commandSpec.commandLine().getOut().println("floor receiver listening on " + address.getHostString() + ":" + receiver.port());
        commandSpec.commandLine().getOut().flush();
        new CountDownLatch(1).await(); // until the process is stopped
      }
      return 0;
    }
  }
}
