package dev.baton.mql.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code mql}: check MQL files and evaluate queries from the command line. */
@Command(name = "mql", mixinStandardHelpOptions = true, versionProvider = MqlVersion.class,
        description = "Check and evaluate MQL, Baton's label query and routing language.",
        subcommands = {CheckCommand.class, EvalCommand.class})
public final class MqlCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true)).execute(args));
    }

    /** The command with its output streams, so tests can run it in-process. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new MqlCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        return commandLine;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: check or eval");
    }
}
