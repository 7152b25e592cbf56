package dev.baton.mql.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.baton.mql.Mql;
import dev.baton.mql.ParseResult;
import dev.baton.mql.ast.Query;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PredicateTest {

    private static final Mql MQL = Mql.forIncidents();

    /** Two triggers, severity S2, two alerts: one in kubernetes msm-prod with a vhost, one without. */
    private static final Subject INCIDENT = MQL.subject()
            .field("project", "horns-and-hooves")
            .field("trigger", "IngressResponses5xx", "NodePressureConditions")
            .field("severity", "S2")
            .field("state", "firing")
            .field("opened", "2026-11-21T10:00:00Z")
            .alert(Map.of("kubernetes", "msm-prod", "vhost", "static.example.com", "team", "bravo"))
            .alert(Map.of("kubernetes", "msm-prod", "pod", "web-1"))
            .build();

    /** Nothing but a project: every other field is missing. */
    private static final Subject BARE = MQL.subject().field("project", "drm-stat").alert(Map.of()).build();

    private static boolean eval(String query, Subject subject) {
        ParseResult<Query> parsed = MQL.parse(query);
        return MQL.predicate(parsed.value()).test(subject);
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}, {2}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                                                   | true  | true
            project = horns-and-hooves                           | true  | false
            project = horns                                      | false | false
            project != horns-and-hooves                          | false | true
            project =~ horns                                     | true  | false
            project =~ ^horns$                                   | false | false
            project =~ ^horns-and-hooves$                        | true  | false
            project !~ drm                                       | true  | false
            project =~ drm                                       | false | true
            project = x or project = drm-stat                    | false | true
            trigger = NodePressureConditions                     | true  | false
            trigger = IngressResponses5xx                        | true  | false
            trigger != NodePressureConditions                    | false | true
            trigger =~ ^Node                                     | true  | false
            trigger !~ ^Node                                     | false | true
            trigger = ''                                         | false | true
            assignee = ''                                        | true  | true
            assignee != ''                                       | false | false
            assignee =~ '^$'                                     | true  | true
            ~kubernetes = msm-prod                               | true  | false
            ~kubernetes != msm-prod                              | false | true
            ~pod = web-1                                         | true  | false
            ~team = ''                                           | true  | true
            ~team != ''                                          | false | false
            ~team = bravo                                        | true  | false
            ~team != bravo                                       | false | true
            ~vhost =~ "static\\.example"                         | true  | false
            ~vhost !~ example                                    | false | true
            ~vhost =~ '^$'                                       | true  | true
            severity <= S3                                       | true  | false
            severity < S2                                        | false | false
            severity <= S2                                       | true  | false
            severity = S2                                        | true  | false
            severity = s2                                        | true  | false
            severity != S2                                       | false | true
            severity > S1                                        | true  | false
            severity >= S3                                       | false | false
            opened >= 2026-11-21T10:00:00Z                       | true  | false
            opened > 2026-11-21T10:00:00Z                        | false | false
            opened < 2026-11-22                                  | true  | false
            opened > 2026-11-21T12:00:00+03:00                   | true  | false
            NOT project = drm-stat                               | true  | false
            NOT NOT project = drm-stat                           | false | true
            project = drm-stat OR project = horns-and-hooves AND state = ok  | false | true
            (project = drm-stat OR project = horns-and-hooves) AND state = ok | false | false
            NOT project = drm-stat AND state = firing            | true  | false
            NOT (project = drm-stat AND state = firing)          | true  | true
            ~kubernetes = msm-prod AND ~pod = web-1              | true  | false
            """)
    void evaluates(String query, boolean onIncident, boolean onBare) {
        assertEquals(onIncident, eval(query, INCIDENT), "incident");
        assertEquals(onBare, eval(query, BARE), "bare");
    }

    @Test
    void labelMatchesOnlyWithinOneAlertButAnyAlertCounts() {
        // ~vhost and ~pod are on different alerts: each clause holds for some alert.
        assertEquals(true, eval("~vhost = static.example.com AND ~pod = web-1", INCIDENT));
    }

    @Test
    void subjectWithoutAlertsMatchesNoLabelClause() {
        Subject noAlerts = MQL.subject().field("project", "x").build();
        assertEquals(false, eval("~team = ''", noAlerts));
        assertEquals(true, eval("~team != ''", noAlerts));
    }

    @Test
    void negatedOperatorsAreExactlyTheNegation() {
        List<Subject> subjects = List.of(INCIDENT, BARE, MQL.subject().build());
        for (String[] pair : new String[][] {
                {"trigger = IngressResponses5xx", "trigger != IngressResponses5xx"},
                {"~team =~ b", "~team !~ b"},
                {"severity = S2", "severity != S2"},
                {"assignee = ''", "assignee != ''"}}) {
            for (Subject subject : subjects) {
                assertEquals(!eval(pair[0], subject), eval(pair[1], subject), pair[1]);
                assertEquals(eval("NOT " + pair[0], subject), eval(pair[1], subject), pair[1]);
            }
        }
    }

    @Test
    void subjectMustComeFromTheSameCatalog() {
        dev.baton.mql.field.FieldCatalog other = dev.baton.mql.field.FieldCatalog.of(
                new dev.baton.mql.field.FieldSpec("project", dev.baton.mql.field.FieldKind.STRING, "p"));
        Subject foreign = Subject.builder(other).field("project", "horns-and-hooves").build();
        assertThrows(IllegalArgumentException.class,
                () -> MQL.predicate(MQL.parse("project = horns-and-hooves").value()).test(foreign));
        Mql sameFields = Mql.using(dev.baton.mql.field.FieldCatalog.of(
                dev.baton.mql.field.IncidentFields.CATALOG.fields()));
        assertEquals(true, sameFields.predicate(sameFields.parse("severity <= S2").value()).test(INCIDENT));
    }

    @Test
    void tablesFilterLikeSingleSubjects() {
        CompiledQuery onProd = MQL.predicate(MQL.parse("~kubernetes = msm-prod OR project = drm-stat").value());
        Subject none = MQL.subject().build();
        SubjectTable table = SubjectTable.of(MQL.catalog(), List.of(INCIDENT, none, BARE, INCIDENT));
        assertEquals(4, table.size());
        assertEquals(java.util.BitSet.valueOf(new long[] {0b1101}), onProd.filter(table));
        assertEquals(3, onProd.count(table));
        assertEquals(0, onProd.count(SubjectTable.of(MQL.catalog(), List.of())));
        CompiledQuery noTeam = MQL.predicate(MQL.parse("~team = ''").value());
        assertEquals(java.util.BitSet.valueOf(new long[] {0b1101}), noTeam.filter(table));
        dev.baton.mql.field.FieldCatalog other = dev.baton.mql.field.FieldCatalog.of(
                new dev.baton.mql.field.FieldSpec("project", dev.baton.mql.field.FieldKind.STRING, "p"));
        assertThrows(IllegalArgumentException.class, () -> SubjectTable.of(other, List.of(INCIDENT)));
        SubjectTable foreign = SubjectTable.of(other, List.of(Subject.builder(other).field("project", "x").build()));
        assertThrows(IllegalArgumentException.class, () -> onProd.filter(foreign));
    }

    @Test
    void subjectBuilderRejectsWhatTheCatalogForbids() {
        assertThrows(IllegalArgumentException.class, () -> MQL.subject().field("projct", "x"));
        assertThrows(IllegalArgumentException.class, () -> MQL.subject().field("severity", "high"));
        assertThrows(IllegalArgumentException.class, () -> MQL.subject().field("project", "a", "b"));
        assertThrows(IllegalArgumentException.class, () -> MQL.subject().field("opened", "yesterday"));
    }
}
