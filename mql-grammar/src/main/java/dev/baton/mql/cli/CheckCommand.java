package dev.baton.mql.cli;

import dev.baton.mql.Mql;
import dev.baton.mql.Problem;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code mql check FILE|-}: validates queries and routing rules, one per line. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Validate MQL queries and routing rules, one per line.",
                "A line starting with whitespace continues the one above; blank lines and lines",
                "starting with # are skipped. Problems are printed as FILE:LINE:COL: message.",
                "Exit status: 0 all valid, 1 problems found, 2 the file could not be read."})
final class CheckCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "file to check, or - for standard input")
    private String file;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String name = Inputs.displayName(file);
        String content;
        try {
            content = Inputs.read(file, System.in);
        } catch (IOException e) {
            err.println("mql: cannot read " + name + ": " + e.getMessage());
            return 2;
        }
        int problems = 0;
        Mql mql = Mql.forIncidents();
        for (RuleFile.Entry entry : RuleFile.entries(content)) {
            List<Problem> found = mql.check(entry.text());
            for (Problem problem : found) {
                int line = entry.firstLine() + problem.line() - 1;
                out.println(name + ":" + line + ":" + problem.column() + ": " + problem.message());
                out.println(indent(problem.caret(entry.text())));
            }
            problems += found.size();
        }
        out.flush();
        return problems == 0 ? 0 : 1;
    }

    private static String indent(String caret) {
        return "    " + caret.replace("\n", "\n    ");
    }
}
