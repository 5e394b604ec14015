package vn.solieu.index;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoubleField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import vn.solieu.Extraction;
import vn.solieu.facts.Fact;
import vn.solieu.facts.FactJson;
import vn.solieu.facts.ReportInfo;
import vn.solieu.ingest.SourceDocument;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static vn.solieu.index.IndexSchema.*;

/** Turns what the pipeline read from one file into Lucene documents: its facts, then its report document. */
final class FactDocuments {
    private FactDocuments() {}

    /** The facts of one file followed by the report document that marks the file as done. */
    static List<Document> of(Extraction extraction, Instant importedAt) {
        SourceDocument source = extraction.document();
        ReportInfo report = extraction.report();
        List<Document> docs = new ArrayList<>(extraction.facts().size() + 1);
        for (Fact fact : extraction.facts()) docs.add(fact(fact, source.file(), source.sha256()));
        docs.add(report(source, report, extraction.facts().size(), importedAt));
        return docs;
    }

    static Document fact(Fact f, String file, String sha256) {
        Document d = new Document();
        d.add(new StringField(TYPE, TYPE_FACT, Field.Store.NO));
        d.add(facet(FACET_TYPE, TYPE_FACT));
        // The file name of the batch, not the fact's own provenance: replacement deletes by it.
        d.add(new StringField(FILE, file, Field.Store.YES));
        d.add(new StringField(SHA256, sha256, Field.Store.NO));
        if (f.id != null) d.add(new StringField(ID, f.id, Field.Store.YES));
        d.add(new StringField(KIND, f.kind.name(), Field.Store.NO));
        d.add(facet(FACET_KIND, f.kind.name()));

        if (f.text != null) {
            d.add(new TextField(TEXT, f.text, Field.Store.NO));
            d.add(new Field(folded(TEXT), f.text, STORED_FOLDED_TEXT));
        }
        if (f.indicator != null && !f.indicator.isBlank()) {
            text(d, INDICATOR, f.indicator);
            d.add(facet(FACET_INDICATOR, f.indicator));
        }
        if (f.indicatorId != null) d.add(new StringField(INDICATOR_ID, f.indicatorId, Field.Store.NO));
        for (String heading : f.section) text(d, SECTION, heading);
        if (f.unit != null) text(d, UNIT, f.unit);
        // The words of all the fields above once more in one folded field, so a query's words are
        // matched against one posting list each (fast) before the per-field query ranks the hits.
        all(d, f.text);
        all(d, f.indicator);
        for (String heading : f.section) all(d, heading);
        all(d, f.province);
        all(d, f.unit);
        province(d, f.province);
        period(d, f.reportPeriod, Months.of(f.reportPeriod, f.period));

        number(d, NUMERATOR, f.numerator);
        number(d, DENOMINATOR, f.denominator);
        number(d, STATED_PERCENT, f.percent);
        number(d, COMPUTED_PERCENT, f.computedPercent());
        number(d, VALUE, f.value);
        number(d, ANY_PERCENT, anyPercent(f));

        // Points to list a figure's copies, doc values to show each figure once among the hits.
        d.add(new LongField(FIGURE, FigureKey.of(f), Field.Store.NO));
        d.add(new StoredField(JSON, FactJson.toJson(f)));
        return build(d);
    }

    private static void all(Document d, String value) {
        if (value != null && !value.isBlank()) d.add(new TextField(folded(ALL), value, Field.Store.NO));
    }

    /**
     * Report documents carry the catch-all field too (file name, title, province; searches filter
     * them out by type) so that every document has it: Lucene then keeps its norms dense, whereas
     * sparse norms cost a bit-set rank lookup per hit and query word (≈30% of a fact search).
     */
    private static void allOfEveryDocument(Document d, String file) {
        d.add(new TextField(folded(ALL), file, Field.Store.NO));
    }

    static Document report(SourceDocument source, ReportInfo report, int factCount, Instant importedAt) {
        Document d = new Document();
        d.add(new StringField(TYPE, TYPE_REPORT, Field.Store.NO));
        d.add(facet(FACET_TYPE, TYPE_REPORT));
        d.add(new StringField(STATUS, STATUS_INDEXED, Field.Store.YES));
        d.add(new StringField(FILE, source.file(), Field.Store.YES));
        d.add(new StringField(SHA256, source.sha256(), Field.Store.YES));
        d.add(new StoredField(MEDIA_TYPE, source.mediaType()));
        allOfEveryDocument(d, source.file());
        if (report != null) {
            if (report.title() != null) {
                d.add(new StoredField(TITLE, report.title()));
                text(d, TITLE, report.title());
                all(d, report.title());
            }
            all(d, report.province());
            province(d, report.province());
            period(d, report.reportPeriod(), Months.parse(report.reportPeriod()));
        }
        d.add(new TextField(BODY, source.text(), Field.Store.NO));
        d.add(new Field(folded(BODY), source.text(), STORED_FOLDED_TEXT));
        d.add(new StoredField(PAGE_STARTS, source.pages().stream().map(p -> Integer.toString(p.start())).collect(Collectors.joining(","))));
        d.add(new StoredField(PAGE_COUNT, source.pages().size()));
        d.add(new StoredField(FACT_COUNT, factCount));
        d.add(new LongPoint(IMPORTED_AT, importedAt.toEpochMilli()));
        d.add(new StoredField(IMPORTED_AT, importedAt.toEpochMilli()));
        return build(d);
    }

    /** A file that could not be read: remembered (and retried on the next run) so stats can count it. */
    static Document failure(String file, String sha256, String reason, Instant at) {
        Document d = new Document();
        d.add(new StringField(TYPE, TYPE_REPORT, Field.Store.NO));
        d.add(facet(FACET_TYPE, TYPE_REPORT));
        d.add(new StringField(STATUS, STATUS_FAILED, Field.Store.YES));
        d.add(new StringField(FILE, file, Field.Store.YES));
        allOfEveryDocument(d, file);
        if (sha256 != null) d.add(new StringField(SHA256, sha256, Field.Store.YES));
        d.add(new StoredField(REASON, reason));
        d.add(new LongPoint(IMPORTED_AT, at.toEpochMilli()));
        d.add(new StoredField(IMPORTED_AT, at.toEpochMilli()));
        return build(d);
    }

    static Double anyPercent(Fact f) {
        return switch (f.kind) {
            case percent -> f.value;
            case ratio -> f.percent != null ? f.percent : f.computedPercent();
            case count -> null;
        };
    }

    private static void text(Document d, String field, String value) {
        d.add(new TextField(field, value, Field.Store.NO));
        d.add(new TextField(folded(field), value, Field.Store.NO));
    }

    private static void province(Document d, String province) {
        if (province == null || province.isBlank()) return;
        text(d, PROVINCE, province);
        d.add(new StringField(PROVINCE_KEY, provinceKey(province), Field.Store.NO));
        d.add(facet(FACET_PROVINCE, province));
    }

    private static void period(Document d, String reportPeriod, Months.Range months) {
        if (reportPeriod != null && !reportPeriod.isBlank()) {
            d.add(new StringField(REPORT_PERIOD, reportPeriod, Field.Store.NO));
            d.add(facet(FACET_PERIOD, reportPeriod));
        }
        if (months != null) {
            // Points for the period filters, doc values for --sort period.
            d.add(new IntField(MONTH_FROM, months.from(), Field.Store.NO));
            d.add(new IntField(MONTH_TO, months.to(), Field.Store.NO));
        }
    }

    private static void number(Document d, String field, Double value) {
        // Points for ranges, doc values for --sort.
        if (value != null && !value.isNaN() && !value.isInfinite()) d.add(new DoubleField(field, value, Field.Store.NO));
    }

    private static SortedSetDocValuesFacetField facet(String dim, String value) {
        return new SortedSetDocValuesFacetField(dim, value);
    }

    private static Document build(Document d) {
        try {
            return FACETS.build(d);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final java.util.Set<String> JSON_ONLY = java.util.Set.of(JSON);

    /** The fact a fact document holds, rebuilt from its stored record (only that field is read). */
    static Fact storedFact(org.apache.lucene.index.StoredFields stored, int doc) throws IOException {
        return FactJson.fromJson(stored.document(doc, JSON_ONLY).get(JSON));
    }

    /** The 1-based page holding {@code offset}, from the stored page starts of a report document. */
    static Integer pageAt(String pageStarts, int offset) {
        if (pageStarts == null || pageStarts.isEmpty()) return null;
        String[] starts = pageStarts.split(",");
        int page = 1;
        for (int i = 0; i < starts.length; i++) {
            if (Integer.parseInt(starts[i]) <= offset) page = i + 1;
            else break;
        }
        return page;
    }
}
