package vn.solieu.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: one subcommand class per verb, as picocli's own examples do. */
@Command(name = "solieu",
        mixinStandardHelpOptions = true,
        version = "solieu 0.1.0",
        description = "Reads Vietnamese provincial reports and turns their figures into searchable, checkable records.",
        subcommands = {
                ExtractCommand.class,
                ImportCommand.class,
                SearchCommand.class,
                StatsCommand.class,
                AuditCommand.class,
                ServeCommand.class,
                CorpusCommand.class,
                GenerateCommand.class,
                BenchCommand.class,
                ScoreCommand.class,
                CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand");
    }

    public static void main(String[] args) {
        Console.useUtf8();
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit status (0 ok, 1 some inputs failed, 2 bad usage). */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("solieu: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            // A bad argument value (a rules folder that is not there) is bad usage, not a failed input.
            return ex instanceof IllegalArgumentException ? 2 : 1;
        });
        return cl.execute(args);
    }
}
