package dev.baton.mql.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MqlCommandTest {

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = MqlCommand.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private Path file(String name, String content) throws IOException {
        Path path = dir.resolve(name);
        Files.writeString(path, content);
        return path;
    }

    @Test
    void versionIsTheBuildsProjectVersion() {
        Run run = run("--version");
        assertEquals(0, run.exit(), run.err());
        // the surefire run passes the reactor's version; the resource must have been filtered to it
        assertEquals("mql " + System.getProperty("baton.project.version"), run.out().strip());
    }

    @Test
    void checkAcceptsValidQueriesAndRules() throws IOException {
        Path rules = file("routing.mql", """
                # routing for horns-and-hooves
                project = "horns-and-hooves" AND ~server = "gitlab" -> @vasiliy.vasiliyev
                project = "horns-and-hooves" AND trigger = "IngressResponses5xx"
                  AND ~kubernetes = "msm-prod" and ~vhost =~ "static.example.com"

                project =~ drm and trigger =~ no-data-for
                """);
        Run run = run("check", rules.toString());
        assertEquals(0, run.exit(), run.out() + run.err());
        assertEquals("", run.out());
    }

    @Test
    void checkReportsEveryProblemWithFileLineAndColumn() throws IOException {
        Path rules = file("bad.mql", """
                project = a
                projct = b
                  AND severity <= S0
                # a comment
                project = c ->
                """);
        Run run = run("check", rules.toString());
        assertEquals(1, run.exit());
        String[] lines = run.out().split("\n");
        assertEquals(rules + ":2:1: unknown field 'projct' — did you mean 'project'?", lines[0]);
        assertEquals("    projct = b", lines[1]);
        assertEquals("    ^", lines[2]);
        assertEquals(rules + ":3:19: invalid value 'S0' for 'severity': expected a severity S1..S9", lines[3]);
        assertEquals(rules + ":5:15: expected a target (@person or #team) after '->', found end of input", lines[6]);
        assertEquals(9, lines.length);
    }

    @Test
    void checkOfAMissingFileExitsTwo() {
        Run run = run("check", dir.resolve("absent.mql").toString());
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("cannot read") && run.err().contains("no such file"), run.err());
    }

    @Test
    void evalPrintsOneAnswerPerSubject() throws IOException {
        Path subjects = file("subjects.json", """
                [
                  {"fields": {"project": "horns-and-hooves", "trigger": ["IngressResponses5xx", "Other"],
                              "severity": "S2"},
                   "labels": [{"kubernetes": "msm-prod", "vhost": "static.example.com"}, {"kubernetes": "dev"}]},
                  {"fields": {"project": "horns-and-hooves", "severity": "S5"}, "labels": [{"kubernetes": "dev"}]},
                  {"fields": {}, "labels": []},
                  {}
                ]
                """);
        Run run = run("eval", "--query", "project = horns-and-hooves AND ~kubernetes = msm-prod AND severity <= S3",
                "--subjects", subjects.toString());
        assertEquals(0, run.exit(), run.err());
        assertEquals("true\nfalse\nfalse\nfalse\n", run.out().replace("\r", ""));
        Run negated = run("eval", "-q", "~kubernetes != msm-prod", "-s", subjects.toString());
        assertEquals("false\ntrue\ntrue\ntrue\n", negated.out().replace("\r", ""));
    }

    @Test
    void evalWithAnInvalidQueryExitsTwoWithALocatedMessage() throws IOException {
        Path subjects = file("subjects.json", "[]");
        Run run = run("eval", "--query", "project = a AND", "--subjects", subjects.toString());
        assertEquals(2, run.exit());
        assertEquals("", run.out());
        assertTrue(run.err().startsWith(
                "query:1:16: expected a field, a ~label, NOT or '(' after 'AND', found end of input\n"
                        + "    project = a AND\n"
                        + "                   ^"), run.err());
    }

    @Test
    void evalWithBadSubjectsExitsTwo() throws IOException {
        Run notJson = run("eval", "-q", "project = a", "-s", file("a.json", "[{\"fields\": ").toString());
        assertEquals(2, notJson.exit());
        assertTrue(notJson.err().contains("a.json:1:") && notJson.err().contains("invalid JSON"), notJson.err());
        Run unknown = run("eval", "-q", "project = a", "-s", file("b.json", "[{\"fields\": {\"sevrity\": \"S1\"}}]")
                .toString());
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("b.json: subject 1: unknown field 'sevrity'"), unknown.err());
        Run badValue = run("eval", "-q", "project = a", "-s", file("c.json", "[{\"fields\": {\"severity\": \"high\"}}]")
                .toString());
        assertEquals(2, badValue.exit());
        assertTrue(badValue.err().contains("invalid value 'high' for 'severity'"), badValue.err());
        Run notArray = run("eval", "-q", "project = a", "-s", file("d.json", "{}").toString());
        assertTrue(notArray.err().contains("expected a JSON array of subjects"), notArray.err());
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(2, run("eval", "-q", "project = a").exit());
        assertEquals(2, run("frobnicate").exit());
        assertEquals(2, run().exit());
        assertEquals(0, run("--help").exit());
    }
}
