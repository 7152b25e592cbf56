package dev.baton.mql.bench;

import dev.baton.mql.Mql;
import dev.baton.mql.ast.Query;
import dev.baton.mql.eval.CompiledQuery;
import dev.baton.mql.eval.Subject;
import dev.baton.mql.eval.SubjectTable;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * MQL's performance targets: parse + compile a 5-clause query (≤ 50 µs) and evaluate a 4-clause
 * query without regex over 100k subjects (≥ 5 million subjects/s), both as a {@link SubjectTable}
 * (the way to filter lists) and subject by subject. Run with -Pbench (docs/benchmarks.md).
 */
@State(Scope.Benchmark)
@Fork(2)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class MqlBenchmark {

    static final int SUBJECTS = 100_000;

    static final String FIVE_CLAUSES = "project = \"horns-and-hooves\" AND trigger =~ \"^Ingress\" "
            + "AND ~kubernetes = \"msm-prod\" AND severity <= S3 AND NOT ~team = bravo";
    static final String FOUR_CLAUSES = "project = horns-and-hooves AND state = firing AND severity <= S3 "
            + "AND ~kubernetes = msm-prod";

    private final Mql mql = Mql.forIncidents();
    private Subject[] mixed;
    private Subject[] allMatching;
    private SubjectTable mixedTable;
    private SubjectTable allMatchingTable;
    private CompiledQuery fourClauses;
    private CompiledQuery fourClausesRegex;

    @Setup
    public void setUp() {
        Random random = new Random(1);
        String[] projects = {"horns-and-hooves", "drm-stat", "charlie"};
        String[] states = {"firing", "ok", "unknown"};
        String[] clusters = {"msm-prod", "dev"};
        mixed = new Subject[SUBJECTS];
        allMatching = new Subject[SUBJECTS];
        for (int i = 0; i < SUBJECTS; i++) {
            Subject.Builder builder = mql.subject()
                    .field("project", projects[random.nextInt(2) == 0 ? 0 : random.nextInt(3)])
                    .field("state", states[random.nextInt(3)])
                    .field("severity", "S" + (1 + random.nextInt(9)))
                    .field("trigger", "IngressResponses5xx", "NodePressureConditions");
            int alerts = 1 + random.nextInt(4);
            for (int a = 0; a < alerts; a++) {
                builder.alert(Map.of("kubernetes", clusters[random.nextInt(2)], "pod", "web-" + a,
                        "team", "bravo"));
            }
            mixed[i] = builder.build();
            allMatching[i] = mql.subject().field("project", "horns-and-hooves").field("state", "firing")
                    .field("severity", "S" + (1 + random.nextInt(3)))
                    .alert(Map.of("kubernetes", "dev", "pod", "web-0"))
                    .alert(Map.of("kubernetes", "msm-prod", "pod", "web-1")).build();
        }
        mixedTable = SubjectTable.of(mql.catalog(), List.of(mixed));
        allMatchingTable = SubjectTable.of(mql.catalog(), List.of(allMatching));
        fourClauses = mql.predicate(mql.parse(FOUR_CLAUSES).value());
        fourClausesRegex = mql.predicate(mql.parse(FOUR_CLAUSES.replace("= horns-and-hooves", "=~ ^horns")
                .replace("= msm-prod", "=~ prod$")).value());
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public CompiledQuery parseAndCompileFiveClauses() {
        Query query = mql.parse(FIVE_CLAUSES).value();
        return mql.predicate(query);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(SUBJECTS)
    public int tableFourClausesMixed() {
        return fourClauses.count(mixedTable);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(SUBJECTS)
    public int tableFourClausesAllMatching() {
        return fourClauses.count(allMatchingTable);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(SUBJECTS)
    public int tableFourClausesWithRegexAllMatching() {
        return fourClausesRegex.count(allMatchingTable);
    }

    /** The same query subject by subject, as routing does: one pointer chase per subject. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(SUBJECTS)
    public int subjectsFourClausesMixed() {
        return count(fourClauses, mixed);
    }

    private static int count(CompiledQuery predicate, Subject[] subjects) {
        int matching = 0;
        for (Subject subject : subjects) {
            if (predicate.test(subject)) {
                matching++;
            }
        }
        return matching;
    }
}
