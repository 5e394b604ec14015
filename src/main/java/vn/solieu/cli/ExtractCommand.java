package vn.solieu.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vn.solieu.Extraction;
import vn.solieu.Pipeline;
import vn.solieu.ingest.IngestException;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "extract", mixinStandardHelpOptions = true,
        description = {"Reads reports and prints every figure in them as records; needs no index.",
                "Folders are read recursively. Diagnostics go to stderr."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:every input was read", "1:some inputs failed (each named on stderr with the reason)", "2:bad usage"})
public final class ExtractCommand implements Callable<Integer> {
    @Option(names = "--format", defaultValue = "jsonl", description = "jsonl, csv or table (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    @Mixin
    RulesOption rules;

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "Report files or folders")
    List<Path> inputs;

    @Override
    public Integer call() throws Exception {
        Pipeline pipeline = Pipeline.load(rules.dir());
        PrintWriter out = Console.out();
        List<String> failures = new ArrayList<>();
        try (FactWriter writer = FactWriter.of(format, out)) {
            for (InputFiles.Input input : InputFiles.expand(inputs, failures::add)) {
                try {
                    Extraction extraction = pipeline.extract(input.path(), input.shownName());
                    extraction.facts().forEach(writer::write);
                } catch (IngestException e) {
                    failures.add(input.shownName() + ": " + e.getMessage());
                }
                out.flush();
            }
        }
        for (String failure : failures) System.err.println("solieu: " + failure);
        return failures.isEmpty() ? 0 : 1;
    }
}
