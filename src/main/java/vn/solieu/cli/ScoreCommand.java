package vn.solieu.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vn.solieu.Pipeline;
import vn.solieu.eval.CorpusScorer;
import vn.solieu.eval.Score;
import vn.solieu.eval.ScoreTables;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "score", mixinStandardHelpOptions = true,
        description = {"Scores extraction and audit against a generated corpus's ground truth (DIR/truth/, see `solieu generate`):",
                "precision and recall per kind of fact, label and indicator agreement, audit precision and recall per check.",
                "The matching rule is in bench/README.md."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:scored", "1:the corpus or its truth could not be read", "2:bad usage"})
public final class ScoreCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "A folder written by `solieu generate`")
    Path corpus;

    @Option(names = "--sample", paramLabel = "N", defaultValue = "0", description = "Score at most N reports, evenly spread (default: all)")
    int sample;

    @Option(names = "--no-audit", description = "Skip the audit (it needs whole months of provinces, not a sample)")
    boolean noAudit;

    @Option(names = "--misses", paramLabel = "N", defaultValue = "15", description = "Show the N most frequent kinds of misses (default: ${DEFAULT-VALUE})")
    int misses;

    @Option(names = "--threads", paramLabel = "N", description = "Threads (default: the number of processors)")
    Integer threads;

    @Option(names = "--rules", paramLabel = "DIR", description = "Rules folder (default: the bundled rules)")
    Path rules;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(corpus.resolve("truth/reports.jsonl"))) {
            System.err.println("solieu score: " + corpus + ": no truth/reports.jsonl (not a folder written by solieu generate)");
            return 1;
        }
        try {
            int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
            CorpusScorer.Result r = CorpusScorer.score(corpus, Pipeline.load(rules), sample, n, !noAudit && sample == 0);
            PrintWriter out = Console.out();
            out.printf("%d reports, %d facts produced, %d failed, province right %d, report period right %d, %.1f s%n%n",
                    r.files(), r.facts(), r.failures().size(), r.provinceRight(), r.periodRight(), r.seconds());
            out.println(ScoreTables.extraction(r.extraction(), r.byVariant()));
            if (r.audit() != null) {
                out.println(ScoreTables.audit(r.audit()));
                r.audit().byCheck().forEach((check, c) -> {
                    for (String m : c.missedInjections) out.println("missed " + check + ": " + m);
                    for (String m : c.unmatchedFindings) out.println("unmatched " + check + ": " + m);
                });
                out.println();
            }
            Score s = r.extraction();
            out.printf("Misses (%d) by reason:%n%s", s.missCount(), ScoreTables.misses(s, misses));
            for (String f : r.failures()) System.err.println("solieu: " + f);
            out.flush();
            return 0;
        } catch (IOException e) {
            System.err.println("solieu score: " + corpus + ": " + e.getMessage());
            return 1;
        }
    }
}
