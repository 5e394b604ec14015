package vn.solieu.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vn.solieu.Pipeline;
import vn.solieu.importer.ConsoleProgress;
import vn.solieu.importer.FileOutcome;
import vn.solieu.importer.ImportListener;
import vn.solieu.importer.ImportOptions;
import vn.solieu.importer.ImportSummary;
import vn.solieu.importer.Importer;
import vn.solieu.index.FactIndexWriter;
import vn.solieu.index.IndexLockedException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Imports reports into a search index: files, folders (recursively) and .zip archives, on all cores.",
                "A file is identified by the hash of its bytes: importing it again adds nothing, a changed file replaces its old facts.",
                "The index is committed every few hundred files and at the end; if the run is killed, running it again continues where it stopped.",
                "Files that cannot be read do not stop the run; they are listed at the end and in <index>/failures.jsonl."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:every input was read", "1:some inputs failed (see the summary and failures.jsonl), or the index could not be opened", "2:bad usage"})
public final class ImportCommand implements Callable<Integer> {
    /** Where the index lives unless --index says otherwise: a folder in the current directory. */
    public static final String DEFAULT_INDEX = "solieu-index";
    private static final int FAILURES_SHOWN = 20;

    @Option(names = "--index", paramLabel = "DIR", defaultValue = DEFAULT_INDEX, description = "Index folder, created if missing (default: ${DEFAULT-VALUE} in the current folder)")
    Path index;

    @Mixin
    RulesOption rules;

    @Option(names = "--threads", paramLabel = "N", description = "Files read at once (default: one per core)")
    Integer threads;

    @Option(names = "--commit-every", paramLabel = "N", defaultValue = "500", description = "Commit after N files (default: ${DEFAULT-VALUE})")
    int commitEvery;

    @Option(names = "--commit-seconds", paramLabel = "S", defaultValue = "10", description = "… or after S seconds, whichever comes first (default: ${DEFAULT-VALUE})")
    int commitSeconds;

    @Option(names = "--delay-ms", hidden = true, defaultValue = "0", description = "Pause per file (tests that stop an import half-way)")
    int delayMs;

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "Report files, folders or .zip archives")
    List<Path> inputs;

    @Override
    public Integer call() throws Exception {
        Pipeline pipeline = Pipeline.load(rules.dir());
        ImportOptions options = ImportOptions.defaults(index)
                .withCommitEvery(Math.max(1, commitEvery), Duration.ofSeconds(Math.max(1, commitSeconds)))
                .withDelayPerFile(Duration.ofMillis(delayMs));
        if (threads != null) options = options.withThreads(Math.max(1, threads));

        FactIndexWriter writer;
        try {
            writer = FactIndexWriter.open(index);
        } catch (IndexLockedException e) {
            System.err.println("solieu import: " + e.getMessage());
            return 1;
        }
        List<FileOutcome> firstFailures = new ArrayList<>();
        ImportSummary summary;
        Thread commitOnInterrupt = new Thread(() -> {
            // Ctrl-C: keep what is done. (A hard kill loses only the work since the last commit.)
            try {
                writer.commit();
            } catch (Exception | Error ignored) {
                // the writer may be closing at this very moment; the last commit stands
            }
        }, "solieu-import-interrupted");
        Runtime.getRuntime().addShutdownHook(commitOnInterrupt);
        try (writer; ConsoleProgress progress = ConsoleProgress.on(System.err, System.console() != null, Duration.ofSeconds(5))) {
            ImportListener listener = new ImportListener() {
                @Override
                public void total(long files) {
                    progress.total(files);
                }

                @Override
                public void fileDone(FileOutcome o) {
                    progress.fileDone(o);
                    if (o.status() == FileOutcome.Status.FAILED) {
                        synchronized (firstFailures) {
                            if (firstFailures.size() < FAILURES_SHOWN) firstFailures.add(o);
                        }
                    }
                }
            };
            summary = new Importer(pipeline, writer, options, listener).run(inputs);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(commitOnInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // already running
            }
        }

        for (FileOutcome f : firstFailures) System.err.println("solieu: " + f.file() + ": " + f.reason());
        if (summary.failed() > firstFailures.size()) System.err.println("solieu: … " + (summary.failed() - firstFailures.size()) + " more failures");
        System.err.println("solieu import: " + summary.describe());
        System.err.println("solieu import: index " + index.toAbsolutePath().normalize()
                + (summary.failed() > 0 ? "; failures listed in " + summary.failuresFile() : ""));
        return summary.failed() > 0 ? 1 : 0;
    }
}
