package vn.solieu.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.solieu.generate.CorpusGenerator;
import vn.solieu.reference.Provinces;
import vn.solieu.rules.RulesDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Writes a synthetic corpus of monthly Đề án 06 reports, as the provinces would have filed them,",
                "with the ground truth beside them: OUT/truth/facts.jsonl (every figure, record format),",
                "OUT/truth/inconsistencies.jsonl (every injected inconsistency) and OUT/truth/reports.jsonl.",
                "Formats TXT (NFC or NFD; three layouts), PDF and DOCX. Same seed, same bytes."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:the corpus was written", "1:a file could not be written", "2:bad usage"})
public final class GenerateCommand implements Callable<Integer> {
    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Folder to write into (created if missing)")
    Path out;

    @Option(names = "--provinces", paramLabel = "N", defaultValue = "63", description = "How many of the 63 pre-merger provinces file reports (default: ${DEFAULT-VALUE})")
    int provinces;

    @Option(names = "--months", paramLabel = "N", defaultValue = "36", description = "How many months (default: ${DEFAULT-VALUE})")
    int months;

    @Option(names = "--from", paramLabel = "YYYY-MM", defaultValue = "2023-01", description = "First month (default: ${DEFAULT-VALUE}); months from 2025-07 are filed by the 34 merged units")
    String from;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "6", description = "Random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--copies", paramLabel = "N", defaultValue = "1", description = "Write each report N times in other formats and wording, same figures (default: ${DEFAULT-VALUE})")
    int copies;

    @Option(names = "--inject-rate", paramLabel = "P", defaultValue = "0.02", description = "Per report and audit check, the chance of an injected inconsistency (default: ${DEFAULT-VALUE})")
    double injectRate;

    @Option(names = "--formats", paramLabel = "TXT,PDF,DOCX", defaultValue = "0.5,0.3,0.2", description = "Relative weights of the formats (default: ${DEFAULT-VALUE})")
    String formats;

    @Option(names = "--threads", paramLabel = "N", description = "Threads (default: the number of processors)")
    Integer threads;

    @Override
    public Integer call() {
        YearMonth first;
        try {
            first = YearMonth.parse(from);
        } catch (DateTimeParseException e) {
            System.err.println("solieu generate: --from " + from + ": not a month like 2023-01");
            return 2;
        }
        String[] w = formats.split(",");
        if (w.length != 3) {
            System.err.println("solieu generate: --formats " + formats + ": give three weights, e.g. 0.5,0.3,0.2");
            return 2;
        }
        CorpusGenerator.Options options;
        try {
            options = CorpusGenerator.Options.defaults().withSeed(seed).withProvinces(provinces).withMonths(first, months)
                    .withCopies(copies).withInjectRate(injectRate)
                    .withFormats(Double.parseDouble(w[0]), Double.parseDouble(w[1]), Double.parseDouble(w[2]));
        } catch (NumberFormatException e) {
            System.err.println("solieu generate: --formats " + formats + ": not numbers");
            return 2;
        }
        if (threads != null) options = options.withThreads(threads);
        if (provinces < 1 || months < 1 || copies < 1 || injectRate < 0 || injectRate > 1) {
            System.err.println("solieu generate: --provinces, --months and --copies must be at least 1, --inject-rate within 0..1");
            return 2;
        }
        try {
            Files.createDirectories(out);
            CorpusGenerator generator = new CorpusGenerator(options, Provinces.load(RulesDir.resolve(null)));
            int total = generator.plan().size();
            CorpusGenerator.Summary s = generator.run(out, done -> System.err.printf("\rsolieu generate: %d/%d reports", done, total));
            System.err.println();
            System.err.printf("solieu generate: %d reports (%s), %d facts, injected %s, %.1f MB in %.1f s%n",
                    s.reports(), s.byFormat(), s.facts(), s.injections(), s.bytes() / 1e6, s.seconds());
            return 0;
        } catch (IOException e) {
            System.err.println("solieu generate: " + out + ": " + e.getMessage());
            return 1;
        }
    }
}
