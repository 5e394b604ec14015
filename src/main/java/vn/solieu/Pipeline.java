package vn.solieu;

import vn.solieu.facts.Fact;
import vn.solieu.facts.FactExtractor;
import vn.solieu.facts.ReportInfo;
import vn.solieu.facts.ReportReader;
import vn.solieu.ingest.Ingest;
import vn.solieu.ingest.IngestException;
import vn.solieu.ingest.SourceDocument;
import vn.solieu.rules.RuleBook;
import vn.solieu.rules.RulesDir;
import vn.solieu.structure.Outline;

import java.nio.file.Path;
import java.util.List;

/**
 * The whole pipeline in one place:
 * <pre>
 *   source file ──Ingest──▶ text with pages ──Outline──▶ sections ──FactExtractor──▶ facts ──(index)──▶ Lucene
 * </pre>
 * Each arrow is one package ({@code ingest}, {@code structure}, {@code facts}, {@code index}).
 * A Pipeline is immutable after loading and safe to share between threads.
 */
public final class Pipeline {
    private final Ingest ingest;
    private final RuleBook rules;
    private final ReportReader reportReader;
    private final FactExtractor extractor;

    private Pipeline(Ingest ingest, RuleBook rules) {
        this.ingest = ingest;
        this.rules = rules;
        this.reportReader = new ReportReader(rules);
        this.extractor = new FactExtractor(rules);
    }

    /** Loads the rules from {@code rulesDir}, or the bundled ones when it is null. */
    public static Pipeline load(Path rulesDir) {
        return new Pipeline(new Ingest(), RuleBook.load(RulesDir.resolve(rulesDir)));
    }

    public RuleBook rules() {
        return rules;
    }

    /** Reads, structures and extracts one file; {@code shownName} is recorded as its provenance. */
    public Extraction extract(Path file, String shownName) throws IngestException {
        return extract(ingest.read(file, shownName));
    }

    /** The same for bytes already in hand (a zip entry, a file the importer hashed); {@code file} names the type. */
    public Extraction extract(Path file, String shownName, byte[] bytes) throws IngestException {
        return extract(ingest.read(file, shownName, bytes));
    }

    /** The stages after ingest, for text that is already in hand (tests, rule examples). */
    public Extraction extract(SourceDocument document) {
        Outline outline = Outline.of(document);
        ReportInfo report = reportReader.read(document, outline);
        List<Fact> facts = extractor.extract(document, outline, report);
        return new Extraction(document, report, facts);
    }
}
