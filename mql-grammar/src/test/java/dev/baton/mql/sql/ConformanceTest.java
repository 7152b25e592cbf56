package dev.baton.mql.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.mql.Mql;
import dev.baton.mql.ast.Expr;
import dev.baton.mql.ast.Operator;
import dev.baton.mql.ast.Query;
import dev.baton.mql.ast.Ref;
import dev.baton.mql.eval.CompiledQuery;
import dev.baton.mql.eval.Subject;
import dev.baton.mql.eval.SubjectTable;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One corpus of queries through both compilers: the in-memory predicate over {@link Subject}s and
 * the SQL fragment over the same incidents stored in a real SQLite file must select the same ids.
 */
class ConformanceTest {

    private static final Mql MQL = Mql.forIncidents();
    private static final int INCIDENTS = 400;
    private static final long DAY_START = 1_795_000_000_000L;

    static final SqlSchema SCHEMA = SqlSchema.builder("i.id")
            .column("project", "i.project")
            .column("severity", "i.severity")
            .column("state", "i.state")
            .column("assignee", "i.assignee")
            .column("summary", "i.summary")
            .column("opened", "i.opened")
            .valueTable("trigger", "incident_trigger", "incident_id", "value")
            .valueTable("source", "incident_source", "incident_id", "value")
            .labels("alert", "id", "incident_id", "alert_label", "alert_id", "name", "value")
            .build();

    @TempDir
    static Path dir;
    private static Connection db;
    private static final Map<Long, Subject> SUBJECTS = new LinkedHashMap<>();
    private static final java.util.concurrent.atomic.AtomicReference<SubjectTable> TABLE =
            new java.util.concurrent.atomic.AtomicReference<>();

    private static final String[] PROJECTS = {"horns-and-hooves", "drm-stat", "charlie", "", null};
    private static final String[] STATES = {"firing", "ok", "unknown", null};
    private static final String[] PEOPLE = {"petr.petrov", "vasiliy.vasiliyev", "", null};
    private static final String[] SUMMARIES = {"Disk full on db-1", "5xx on \"static\"", "it's down", null};
    private static final String[] TRIGGERS = {"IngressResponses5xx", "NodePressureConditions", "no-data-for", ""};
    private static final String[] SOURCES = {"prometheus", "alertmanager", "grafana"};
    private static final String[] LABELS = {"kubernetes", "team", "vhost", "pod"};
    private static final String[][] LABEL_VALUES = {
            {"msm-prod", "dev", ""}, {"bravo", "l1", ""}, {"static.example.com", "api.example.com"}, {"web-1", "web-2"}};

    @BeforeAll
    static void storeIncidents() throws SQLException {
        db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("conformance.db"));
        SqliteRegexp.register(db);
        try (Statement ddl = db.createStatement()) {
            ddl.execute("CREATE TABLE incident (id INTEGER PRIMARY KEY, project TEXT, severity INTEGER, state TEXT,"
                    + " assignee TEXT, summary TEXT, opened INTEGER)");
            ddl.execute("CREATE INDEX incident_project ON incident (project)");
            ddl.execute("CREATE TABLE incident_trigger (incident_id INTEGER NOT NULL, value TEXT NOT NULL)");
            ddl.execute("CREATE TABLE incident_source (incident_id INTEGER NOT NULL, value TEXT NOT NULL)");
            ddl.execute("CREATE TABLE alert (id INTEGER PRIMARY KEY, incident_id INTEGER NOT NULL)");
            ddl.execute("CREATE TABLE alert_label (alert_id INTEGER NOT NULL, name TEXT NOT NULL, value TEXT NOT NULL)");
        }
        Random random = new Random(20261121);
        db.setAutoCommit(false);
        try (PreparedStatement incident = db.prepareStatement("INSERT INTO incident VALUES (?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement trigger = db.prepareStatement("INSERT INTO incident_trigger VALUES (?, ?)");
                PreparedStatement source = db.prepareStatement("INSERT INTO incident_source VALUES (?, ?)");
                PreparedStatement alert = db.prepareStatement("INSERT INTO alert VALUES (?, ?)");
                PreparedStatement label = db.prepareStatement("INSERT INTO alert_label VALUES (?, ?, ?)")) {
            long alertId = 0;
            for (long id = 1; id <= INCIDENTS; id++) {
                Subject.Builder subject = MQL.subject();
                String project = pick(random, PROJECTS);
                Integer severity = random.nextInt(5) == 0 ? null : 1 + random.nextInt(9);
                String state = pick(random, STATES);
                String assignee = pick(random, PEOPLE);
                String summary = pick(random, SUMMARIES);
                Long opened = random.nextInt(6) == 0 ? null : DAY_START + random.nextInt(86_400) * 1000L;
                incident.setLong(1, id);
                incident.setString(2, project);
                incident.setObject(3, severity, Types.INTEGER);
                incident.setString(4, state);
                incident.setString(5, assignee);
                incident.setString(6, summary);
                incident.setObject(7, opened, Types.BIGINT);
                incident.addBatch();
                subject.field("project", nullable(project)).field("state", nullable(state))
                        .field("assignee", nullable(assignee)).field("summary", nullable(summary))
                        .field("severity", nullable(severity == null ? null : "S" + severity))
                        .field("opened", nullable(opened == null ? null : java.time.Instant.ofEpochMilli(opened).toString()));
                List<String> triggers = distinct(random, TRIGGERS, random.nextInt(4));
                for (String t : triggers) {
                    trigger.setLong(1, id);
                    trigger.setString(2, t);
                    trigger.addBatch();
                }
                subject.field("trigger", triggers);
                List<String> sources = distinct(random, SOURCES, random.nextInt(3));
                for (String s : sources) {
                    source.setLong(1, id);
                    source.setString(2, s);
                    source.addBatch();
                }
                subject.field("source", sources);
                int alerts = random.nextInt(4);
                for (int a = 0; a < alerts; a++) {
                    alertId++;
                    alert.setLong(1, alertId);
                    alert.setLong(2, id);
                    alert.addBatch();
                    Map<String, String> labels = new HashMap<>();
                    for (int l = 0; l < LABELS.length; l++) {
                        if (random.nextBoolean()) {
                            String value = pick(random, LABEL_VALUES[l]);
                            labels.put(LABELS[l], value);
                            label.setLong(1, alertId);
                            label.setString(2, LABELS[l]);
                            label.setString(3, value);
                            label.addBatch();
                        }
                    }
                    subject.alert(labels);
                }
                SUBJECTS.put(id, subject.build());
            }
            for (PreparedStatement batch : List.of(incident, trigger, source, alert, label)) {
                batch.executeBatch();
            }
        }
        db.commit();
        TABLE.set(SubjectTable.of(MQL.catalog(), new ArrayList<>(SUBJECTS.values())));
    }

    @AfterAll
    static void close() throws SQLException {
        db.close();
    }

    private static final List<String> CORPUS = List.of(
            "",
            "project = horns-and-hooves",
            "project != horns-and-hooves",
            "project = ''",
            "project != ''",
            "project =~ horns",
            "project !~ '^d'",
            "project =~ '^$'",
            "assignee = ''",
            "summary = \"5xx on \\\"static\\\"\"",
            "summary = \"it's down\"",
            "summary =~ 'db-\\d'",
            "trigger = IngressResponses5xx",
            "trigger != IngressResponses5xx",
            "trigger = ''",
            "trigger != ''",
            "trigger =~ '^$'",
            "trigger =~ Node",
            "trigger !~ '5xx$'",
            "source = grafana AND source = prometheus",
            "severity <= S3",
            "severity < S3",
            "severity > S7",
            "severity >= S7",
            "severity = S5",
            "severity != S5",
            "NOT severity <= S3",
            "opened >= 1970-01-01",
            "opened < 2026-11-19T12:00:00Z",
            "opened > 2026-11-19T06:00:00+03:00",
            "~kubernetes = msm-prod",
            "~kubernetes != msm-prod",
            "~kubernetes = ''",
            "~kubernetes != ''",
            "~team = ''",
            "~team =~ '^$'",
            "~team !~ '^$'",
            "~vhost =~ 'static\\.example'",
            "~vhost !~ example",
            "~nosuchlabel = ''",
            "~nosuchlabel != ''",
            "~nosuchlabel = x",
            "project = horns-and-hooves AND trigger = IngressResponses5xx AND ~kubernetes = msm-prod"
                    + " and ~vhost =~ static.example.com",
            "project =~ drm and trigger =~ no-data-for",
            "project = a OR NOT (state = firing AND ~team = bravo) OR severity <= S2",
            "NOT NOT (~pod = web-1 OR ~pod = web-2)");

    @Test
    void corpusGivesTheSameAnswersInMemoryAndInSqlite() throws SQLException {
        int nonTrivial = 0;
        for (String text : CORPUS) {
            Query query = MQL.parse(text).value();
            List<Long> expected = inMemory(query);
            assertEquals(expected, inSqlite(query), text);
            if (!expected.isEmpty() && expected.size() < INCIDENTS) {
                nonTrivial++;
            }
        }
        assertTrue(nonTrivial > CORPUS.size() * 3 / 4, "the data must make most queries discriminate: " + nonTrivial);
    }

    @Test
    void randomQueriesGiveTheSameAnswersInMemoryAndInSqlite() throws SQLException {
        Random random = new Random(7);
        for (int i = 0; i < 400; i++) {
            Query query = Query.of(randomExpr(random, 3));
            assertEquals(query, MQL.parse(Mql.format(query)).value(), "format round trip");
            assertEquals(inMemory(query), inSqlite(query), Mql.format(query));
        }
    }

    @Test
    void sqlTextNeverContainsValues() {
        SqlFragment fragment = MQL.sql(MQL.parse("project = \"x' OR 1=1 --\" AND ~team =~ \"b.*\"").value(), SCHEMA);
        assertFalse(fragment.sql().contains("1=1"), fragment.sql());
        assertFalse(fragment.sql().contains("b.*"), fragment.sql());
        assertEquals(List.of("x' OR 1=1 --", "team", "b.*"), fragment.parameters());
    }

    @Test
    void equalityOnAColumnCanUseItsIndex() throws SQLException {
        SqlFragment where = MQL.sql(MQL.parse("project = drm-stat AND NOT state = ok").value(), SCHEMA);
        StringBuilder plan = new StringBuilder();
        try (PreparedStatement explain = db.prepareStatement(
                "EXPLAIN QUERY PLAN SELECT i.id FROM incident i WHERE " + where.sql())) {
            where.bind(explain, 1);
            try (ResultSet rows = explain.executeQuery()) {
                while (rows.next()) {
                    plan.append(rows.getString("detail")).append('\n');
                }
            }
        }
        assertTrue(plan.toString().contains("USING INDEX incident_project"), plan::toString);
    }

    /** The ids matching one by one, after checking that filtering the table as a whole agrees. */
    private static List<Long> inMemory(Query query) {
        CompiledQuery predicate = MQL.predicate(query);
        List<Long> ids = new ArrayList<>();
        List<Long> rows = new ArrayList<>(SUBJECTS.keySet());
        SUBJECTS.forEach((id, subject) -> {
            if (predicate.test(subject)) {
                ids.add(id);
            }
        });
        List<Long> fromTable = predicate.filter(TABLE.get()).stream().mapToObj(rows::get).toList();
        assertEquals(ids, fromTable, "subject by subject vs table of " + Mql.format(query));
        assertEquals(ids.size(), predicate.count(TABLE.get()));
        return ids;
    }

    private static List<Long> inSqlite(Query query) throws SQLException {
        SqlFragment where = MQL.sql(query, SCHEMA);
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement select = db.prepareStatement(
                "SELECT i.id FROM incident i WHERE " + where.sql() + " ORDER BY i.id")) {
            where.bind(select, 1);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
        }
        return ids;
    }

    private static Expr randomExpr(Random random, int depth) {
        int choice = depth == 0 ? 3 : random.nextInt(6);
        switch (choice) {
            case 0:
                return Expr.And.of(randomExpr(random, depth - 1), randomExpr(random, depth - 1));
            case 1:
                return Expr.Or.of(randomExpr(random, depth - 1), randomExpr(random, depth - 1));
            case 2:
                return new Expr.Not(randomExpr(random, depth - 1));
            default:
                return randomMatch(random);
        }
    }

    private static Expr randomMatch(Random random) {
        Operator[] textOps = {Operator.EQ, Operator.NE, Operator.MATCHES, Operator.NOT_MATCHES};
        String[] regexes = {"^$", ".", "^h", "prod$", "o", "5xx", "e.*e"};
        switch (random.nextInt(5)) {
            case 0: {
                Operator op = Operator.values()[random.nextInt(Operator.values().length)];
                if (op.regex()) {
                    op = Operator.EQ;
                }
                return new Expr.Match(new Ref.Field("severity"), op, "S" + (1 + random.nextInt(9)));
            }
            case 1: {
                int l = random.nextInt(LABELS.length + 1);
                String name = l == LABELS.length ? "absent" : LABELS[l];
                Operator op = textOps[random.nextInt(textOps.length)];
                String value = op.regex() ? pick(random, regexes)
                        : l == LABELS.length ? "" : pick(random, LABEL_VALUES[l]);
                return new Expr.Match(new Ref.Label(name), op, value);
            }
            case 2: {
                Operator op = textOps[random.nextInt(textOps.length)];
                return new Expr.Match(new Ref.Field("trigger"), op,
                        op.regex() ? pick(random, regexes) : pick(random, TRIGGERS));
            }
            default: {
                String field = random.nextBoolean() ? "project" : "state";
                String[] values = field.equals("project") ? PROJECTS : STATES;
                Operator op = textOps[random.nextInt(textOps.length)];
                String value = op.regex() ? pick(random, regexes) : pick(random, values);
                return new Expr.Match(new Ref.Field(field), op, value == null ? "" : value);
            }
        }
    }

    private static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }

    private static List<String> nullable(String value) {
        List<String> list = new ArrayList<>();
        list.add(value);
        return list;
    }

    private static List<String> distinct(Random random, String[] values, int count) {
        List<String> pool = new ArrayList<>(List.of(values));
        java.util.Collections.shuffle(pool, random);
        return pool.subList(0, Math.min(count, pool.size()));
    }
}
