package vn.solieu.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vn.solieu.Extraction;
import vn.solieu.Pipeline;
import vn.solieu.audit.AuditFinding;
import vn.solieu.audit.Auditor;
import vn.solieu.audit.FindingWriter;
import vn.solieu.index.IndexedFacts;
import vn.solieu.ingest.IngestException;
import vn.solieu.rules.RulesDir;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {"Finds figures that do not add up: within a report, across months and across provinces.",
                "Reads the index, or, given FILE|DIR, extracts those reports directly (no index needed).",
                "Checks: ratio_over_one, percent_mismatch, parts_vs_total, conflicting_duplicate,",
                "cumulative_decrease, cross_province_outlier, period_anomaly. A summary goes to stderr."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:the audit ran (with or without findings)", "1:some inputs failed (each named on stderr with the reason)", "2:bad usage"})
public final class AuditCommand implements Callable<Integer> {
    @Option(names = "--index", paramLabel = "DIR", defaultValue = "solieu-index", description = "Index to audit when no FILE|DIR is given (default: ${DEFAULT-VALUE})")
    Path index;

    @Mixin
    RulesOption rules;

    @Option(names = "--format", defaultValue = "table", description = "table, jsonl, csv or html (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the findings to FILE instead of standard output")
    Path out;

    @Parameters(arity = "0..*", paramLabel = "FILE|DIR", description = "Reports to audit directly, without an index")
    List<Path> inputs = new ArrayList<>();

    @Override
    public Integer call() {
        Path rulesDir;
        Auditor auditor;
        try {
            rulesDir = RulesDir.resolve(rules.dir());
            auditor = Auditor.withRules(rulesDir);
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            String reason = e instanceof java.io.UncheckedIOException u ? u.getCause().getMessage() : e.getMessage();
            System.err.println("solieu audit: bad rules folder: " + reason);
            return 2;
        }
        List<String> failures = new ArrayList<>();
        if (!inputs.isEmpty()) {
            auditFiles(rulesDir, auditor, failures);
        } else {
            if (!Files.isDirectory(index)) {
                System.err.println("solieu audit: no index at " + index + " (import reports first, or give FILE|DIR to audit them directly)");
                return 1;
            }
            try {
                IndexedFacts.forEach(index, auditor);
            } catch (IOException e) {
                System.err.println("solieu audit: cannot read the index " + index + ": " + e.getMessage());
                return 1;
            }
        }
        List<AuditFinding> findings = auditor.finish();
        try (PrintWriter w = out == null ? Console.out()
                : new PrintWriter(new OutputStreamWriter(Files.newOutputStream(out), StandardCharsets.UTF_8));
             FindingWriter writer = FindingWriter.of(FindingWriter.Format.valueOf(format.name()), w)) {
            findings.forEach(writer::write);
        } catch (IOException e) {
            System.err.println("solieu audit: cannot write " + out + ": " + e.getMessage());
            return 1;
        }
        for (String failure : failures) System.err.println("solieu: " + failure);
        System.err.println(summary(auditor, findings));
        return failures.isEmpty() ? 0 : 1;
    }

    private void auditFiles(Path rulesDir, Auditor auditor, List<String> failures) {
        Pipeline pipeline = Pipeline.load(rulesDir);
        for (InputFiles.Input input : InputFiles.expand(inputs, failures::add)) {
            try {
                Extraction extraction = pipeline.extract(input.path(), input.shownName());
                extraction.facts().forEach(auditor);
            } catch (IngestException e) {
                failures.add(input.shownName() + ": " + e.getMessage());
            }
        }
    }

    private static String summary(Auditor auditor, List<AuditFinding> findings) {
        long[] bySeverity = new long[AuditFinding.Severity.values().length];
        for (AuditFinding f : findings) bySeverity[f.severity().ordinal()]++;
        return String.format("solieu audit: %d facts from %d reports: %d errors, %d warnings, %d info",
                auditor.factsSeen(), auditor.reportsSeen(), bySeverity[0], bySeverity[1], bySeverity[2]);
    }
}
