package vn.solieu.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vn.solieu.corpus.DocxReportWriter;
import vn.solieu.corpus.PdfReportWriter;
import vn.solieu.corpus.ReportDocument;
import vn.solieu.corpus.SeedTextReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "corpus", mixinStandardHelpOptions = true,
        description = {"Turns seed reports (text extracted from real PDFs) into a PDF and a DOCX each,",
                "with real page layout: A4, page numbers, footnotes at the foot of their page.",
                "Footnote marks are placed from <name>.marks.yaml next to the seed when the seed has footnotes.",
                "Writes <name>.pdf and <name>.docx next to each seed, or into --out. Same input, same bytes."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:every seed was written", "1:some seeds failed (each named on stderr with the reason)", "2:bad usage"})
public final class CorpusCommand implements Callable<Integer> {
    @Option(names = "--out", paramLabel = "DIR", description = "Folder for the PDF and DOCX files (default: next to each seed)")
    Path out;

    @Option(names = "--date", paramLabel = "INSTANT",
            description = "Creation date stamped into the files, e.g. 2024-02-20T00:00:00Z (default: ${DEFAULT-VALUE})",
            defaultValue = "2024-01-01T00:00:00Z")
    String date;

    @Parameters(arity = "1..*", paramLabel = "SEED.txt", description = "Seed text files")
    List<Path> seeds;

    @Override
    public Integer call() {
        Instant stamp;
        try {
            stamp = Instant.parse(date);
        } catch (DateTimeParseException e) {
            System.err.println("solieu corpus: --date " + date + ": not an instant like 2024-01-01T00:00:00Z");
            return 2;
        }
        List<String> failures = new ArrayList<>();
        if (out != null) {
            try {
                Files.createDirectories(out);
            } catch (IOException e) {
                System.err.println("solieu corpus: " + out + ": cannot create the folder (" + e.getMessage() + ")");
                return 1;
            }
        }
        PdfReportWriter pdf = new PdfReportWriter();
        DocxReportWriter docx = new DocxReportWriter();
        for (Path seed : seeds) {
            try {
                ReportDocument document = SeedTextReader.read(seed);
                document = new ReportDocument(document.title(), stamp, document.blocks(), document.footnotes());
                Path folder = out != null ? out : seed.toAbsolutePath().getParent();
                String name = baseName(seed);
                Path pdfFile = folder.resolve(name + ".pdf");
                Path docxFile = folder.resolve(name + ".docx");
                int pages = pdf.write(document, pdfFile);
                docx.write(document, docxFile);
                System.err.println("solieu corpus: " + seed + ": wrote " + pdfFile + " (" + pages + " pages) and " + docxFile
                        + " (" + document.footnotes().size() + " footnotes)");
            } catch (IOException | RuntimeException e) {
                failures.add(seed + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            }
        }
        for (String failure : failures) System.err.println("solieu: " + failure);
        return failures.isEmpty() ? 0 : 1;
    }

    private static String baseName(Path seed) {
        String name = seed.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
