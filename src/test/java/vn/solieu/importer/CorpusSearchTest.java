package vn.solieu.importer;

import vn.solieu.ingest.ReportFiles;
import vn.solieu.index.Months;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.solieu.Pipeline;
import vn.solieu.facts.Fact;
import vn.solieu.facts.FactJson;
import vn.solieu.index.FactIndexWriter;
import vn.solieu.index.FactSearcher;
import vn.solieu.index.IndexedFacts;
import vn.solieu.index.SearchHit;
import vn.solieu.index.SearchRequest;
import vn.solieu.index.SearchResult;
import vn.solieu.ingest.IngestException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The real corpus imported and searched. The pipeline's own output is the oracle: whatever the
 * rules extract, the index must hold exactly those facts and its filters must select exactly
 * the facts the predicate selects.
 */
class CorpusSearchTest {
    private static final Path CORPUS = Path.of("corpus");

    @TempDir
    static Path tmp;
    static Path index;
    static List<Fact> extracted = new ArrayList<>();

    @BeforeAll
    static void importCorpus() throws Exception {
        index = tmp.resolve("index");
        Pipeline pipeline = Pipeline.load(null);
        ImportSummary summary;
        try (FactIndexWriter w = FactIndexWriter.open(index)) {
            summary = new Importer(pipeline, w, ImportOptions.defaults(index), null).run(List.of(CORPUS));
        }
        try (Stream<Path> files = Files.list(CORPUS)) {
            for (Path f : files.filter(p -> Files.isRegularFile(p) && ReportFiles.isCandidate(p)).sorted().toList()) {
                extracted.addAll(pipeline.extract(f, f.toString()).facts());
            }
        }
        assertEquals(0, summary.failed());
        assertEquals(extracted.size(), summary.facts());
    }

    private static SearchResult search(SearchRequest r) throws IOException {
        try (FactSearcher s = FactSearcher.open(index)) {
            return s.search(r.withLimit(1000));
        }
    }

    private static long expected(Predicate<Fact> p) {
        return extracted.stream().filter(p).count();
    }

    @Test
    void theIndexHoldsExactlyTheExtractedFacts() throws IOException {
        List<String> indexed = new ArrayList<>();
        IndexedFacts.forEach(index, f -> indexed.add(FactJson.toJson(f)));
        indexed.sort(null);
        assertEquals(extracted.stream().map(FactJson::toJson).sorted().toList(), indexed);
        assertFalse(indexed.isEmpty(), "the extractor finds facts in the corpus");
    }

    @Test
    void foldedQueryFindsThePermanentResidenceFigureOfBacKan() throws IOException {
        Fact residence = extracted.stream()
                .filter(f -> f.kind == Fact.Kind.ratio && f.numerator == 1229 && f.denominator == 1229)
                .filter(f -> f.source.file().endsWith(".txt"))
                .findFirst().orElseThrow(() -> new AssertionError("the corpus states 1229/1229 hồ sơ"));
        for (String q : List.of("dang ky thuong tru", "Đăng ký thường trú", "1229/1229")) {
            SearchResult r = search(SearchRequest.of(q).withEachFile(true));
            SearchHit hit = r.hits().stream().filter(h -> h.fact().id.equals(residence.id)).findFirst()
                    .orElseThrow(() -> new AssertionError(q + " misses " + residence));
            assertEquals(residence.source.page(), hit.page());
            assertTrue(hit.file().endsWith("000_f89939e2e8bd4875.txt"));
            assertFalse(hit.snippet().matches().isEmpty(), q + " is highlighted in the quote");
        }
        // The same figure is in the .txt, .pdf and .docx of the report: any of the three may rank first.
        Fact top = search(SearchRequest.of("Đăng ký thường trú")).hits().get(0).fact();
        assertEquals(residence.indicator + " " + residence.numerator, top.indicator + " " + top.numerator,
                "the label that is exactly the query ranks first");
    }

    @Test
    void aFigureTheReportStatesInEachOfItsFormatsIsOneHitNamingTheOtherFiles() throws IOException {
        // The oracle: the extracted facts grouped by what the figure is, file aside.
        java.util.Map<String, List<Fact>> byFigure = new java.util.LinkedHashMap<>();
        for (Fact f : extracted) {
            java.util.Map<String, Object> figure = f.toMap();
            for (String where : List.of("source", "id", "text", "rule")) figure.remove(where);
            // Formats differ in spacing and punctuation (".doc" text keeps a space before ";"): letters and digits decide.
            figure.put("indicator", words(f.indicator));
            figure.put("unit", words(f.unit));
            figure.put("section", f.section.stream().map(CorpusSearchTest::words).toList());
            byFigure.computeIfAbsent(figure.toString(), k -> new ArrayList<>()).add(f);
        }
        assertTrue(byFigure.size() < extracted.size(), "the corpus holds reports in several formats");

        for (String q : List.of("dang ky thuong tru", "ho so", "*")) {
            SearchResult each = search(SearchRequest.of(q).withEachFile(true));
            SearchResult folded = search(SearchRequest.of(q));
            assertEquals(each.totalHits(), folded.totalHits(), q + ": the same facts match");
            assertEquals(each.totalHits(), each.hits().size(), q);
            // Every matching fact is a hit or a copy named by one, exactly once.
            List<String> shown = new ArrayList<>();
            for (SearchHit h : folded.hits()) {
                shown.add(h.fact().id);
                h.copies().forEach(c -> shown.add(c.id()));
                for (SearchHit.Copy c : h.copies()) {
                    Fact copy = extracted.stream().filter(f -> f.id.equals(c.id())).findFirst().orElseThrow();
                    assertEquals(copy.source.file(), c.file());
                    assertEquals(copy.source.page(), c.page());
                    assertTrue(byFigure.values().stream().anyMatch(g -> g.contains(copy) && g.stream().anyMatch(f -> f.id.equals(h.fact().id))),
                            q + ": " + c + " states the figure of " + h.fact());
                }
            }
            assertEquals(each.hits().stream().map(h -> h.fact().id).sorted().toList(), shown.stream().sorted().toList(), q);
            assertEquals(folded.hits().size(), folded.figures(), q + ": the figures are counted");
            long figures = byFigure.values().stream().filter(g -> g.stream().anyMatch(f -> shown.contains(f.id))).count();
            assertEquals(figures, folded.hits().size(), q + ": one hit per figure");
        }

        SearchResult residence = search(SearchRequest.of("1229/1229"));
        assertEquals(1, residence.hits().size(), residence.hits().toString());
        List<String> files = new ArrayList<>(residence.hits().get(0).copies().stream().map(SearchHit.Copy::file).toList());
        files.add(residence.hits().get(0).file());
        assertEquals(List.of(".doc", ".docx", ".pdf", ".txt"), files.stream().map(f -> f.substring(f.lastIndexOf('.'))).sorted().toList());
    }

    private static String words(String s) {
        return s == null ? null : s.replaceAll("[^\\p{L}\\p{N}]+", " ").strip().toLowerCase(java.util.Locale.ROOT);
    }

    @Test
    void aGenericLabelUnderTwoHeadingsIsTwoFigures() throws IOException {
        // "Tiếp nhận: 12/12 hồ sơ" under two fields of a report is two figures, not a copy.
        Fact[] pair = null;
        for (Fact a : extracted) {
            for (Fact b : extracted) {
                if (a != b && a.source.file().equals(b.source.file()) && a.kind == b.kind && a.indicator.equals(b.indicator)
                        && java.util.Objects.equals(a.numerator, b.numerator) && java.util.Objects.equals(a.denominator, b.denominator)
                        && java.util.Objects.equals(a.value, b.value) && !a.section.equals(b.section)) {
                    pair = new Fact[]{a, b};
                }
            }
        }
        assertNotNull(pair, "the corpus repeats a label and figure under two headings");
        String file = pair[0].source.file();
        List<String> ids = new ArrayList<>();
        for (SearchHit h : search(SearchRequest.of("*")).hits()) {
            if (h.file().equals(file)) ids.add(h.fact().id);
            h.copies().stream().filter(c -> c.file().equals(file)).forEach(c -> ids.add(c.id()));
        }
        assertTrue(ids.contains(pair[0].id) && ids.contains(pair[1].id));
        for (SearchHit h : search(SearchRequest.of("*")).hits()) {
            List<String> group = new ArrayList<>(h.copies().stream().map(SearchHit.Copy::id).toList());
            group.add(h.fact().id);
            assertFalse(group.contains(pair[0].id) && group.contains(pair[1].id), "folded together: " + h);
        }
    }

    @Test
    void kindAndPercentFiltersSelectWhatTheRecordsSay() throws IOException {
        for (Fact.Kind kind : Fact.Kind.values()) {
            assertEquals(expected(f -> f.kind == kind), search(SearchRequest.of("*").withKind(kind)).totalHits(), kind.name());
        }
        Predicate<Fact> over90 = f -> {
            Double p = f.kind == Fact.Kind.percent ? f.value
                    : f.kind == Fact.Kind.ratio ? (f.percent != null ? f.percent : f.computedPercent()) : null;
            return p != null && p >= 90 && p <= 100;
        };
        SearchResult r = search(SearchRequest.of("*").withPercent(90.0, 100.0));
        assertEquals(expected(over90), r.totalHits());
        assertTrue(r.hits().stream().allMatch(h -> over90.test(h.fact())));
        assertTrue(r.totalHits() > 0);
    }

    @Test
    void periodFilterAndFacetsAgreeWithTheRecords() throws IOException {
        SearchResult all = search(SearchRequest.of("*"));
        assertEquals(extracted.size(), all.totalHits());
        YearMonth feb = YearMonth.of(2024, 2);
        assertEquals(expected(f -> within(f, feb, feb)), search(SearchRequest.of("*").withPeriod("2024-02", "2024-02")).totalHits());
        long in2024 = expected(f -> within(f, YearMonth.of(2024, 1), YearMonth.of(2024, 12)));
        assertEquals(in2024, search(SearchRequest.of("*").withPeriod("2024-Q1", "2024")).totalHits());
        assertTrue(in2024 > expected(f -> "2024-02".equals(f.reportPeriod)), "the yearly report 2024 and the monthly one both fall in 2024");
        assertEquals(expected(f -> within(f, YearMonth.of(2024, 3), YearMonth.of(9999, 12))),
                search(SearchRequest.of("*").withPeriod("2024-03", null)).totalHits());
        all.facets().get("reportPeriod").forEach(c -> assertEquals(expected(f -> c.value().equals(f.reportPeriod)), c.count(), c.value()));
        all.facets().get("kind").forEach(c -> assertEquals(expected(f -> c.value().equals(f.kind.name())), c.count(), c.value()));
    }

    @Test
    void aPeriodWrittenInTheQueryFiltersLikeThePeriodOptions() throws IOException {
        SearchResult typed = search(SearchRequest.of("dang ky thuong tru thang 2/2024"));
        SearchResult asked = search(SearchRequest.of("dang ky thuong tru").withPeriod("2024-02", "2024-02"));
        assertEquals("2024-02", typed.queryPeriod());
        assertNull(asked.queryPeriod());
        assertEquals(ids(asked), ids(typed));
        assertTrue(typed.totalHits() > 0);
        assertTrue(typed.hits().stream().allMatch(h -> within(h.fact(), YearMonth.of(2024, 2), YearMonth.of(2024, 2))));
        SearchResult february = search(SearchRequest.of("ho so thang 2/2024"));
        assertTrue(february.totalHits() > 0 && february.totalHits() < search(SearchRequest.of("ho so")).totalHits(),
                "the yearly report's figures in hồ sơ are left out");

        // "năm 2024" and a bare 2024 both mean the year: the monthly and the yearly report.
        SearchResult year = search(SearchRequest.of("Đăng ký thường trú năm 2024"));
        assertEquals("2024", year.queryPeriod());
        assertEquals(ids(search(SearchRequest.of("Đăng ký thường trú").withPeriod("2024", "2024"))), ids(year));
        assertEquals(ids(year), ids(search(SearchRequest.of("Đăng ký thường trú 2024"))));

        // A year the corpus has no report for finds nothing, rather than quotes that mention it.
        assertEquals(0, search(SearchRequest.of("dang ky thuong tru 2022")).totalHits());
        // Quoted, the number is searched as written.
        SearchResult quoted = search(SearchRequest.of("\"2024\""));
        assertNull(quoted.queryPeriod());
        assertTrue(quoted.totalHits() > 0);
        assertTrue(quoted.hits().stream().allMatch(h -> (h.fact().text + h.fact().section + h.fact().indicator).contains("2024")),
                "only figures whose quote, heading or label holds 2024");
    }

    @Test
    void numberFieldsTakeRangesInQuerySyntax() throws IOException {
        long bigTotals = expected(f -> f.denominator != null && f.denominator >= 1000);
        assertTrue(bigTotals > 0);
        assertEquals(bigTotals, search(SearchRequest.of("denominator:[1000 TO *]")).totalHits());
        assertEquals(bigTotals, search(SearchRequest.of("denominator:>=1.000")).totalHits(), "written the Vietnamese way");
        assertEquals(expected(f -> f.denominator != null && f.denominator > 1000), search(SearchRequest.of("denominator:>1000")).totalHits());
        assertEquals(expected(f -> f.value != null && f.value > 10 && f.value < 100), search(SearchRequest.of("value:{10 TO 100}")).totalHits());
        assertEquals(expected(f -> f.percent != null && f.percent >= 42.9 && f.percent <= 100),
                search(SearchRequest.of("percent:[42,9% TO 100]")).totalHits());
        SearchResult exact = search(SearchRequest.of("numerator:1229 thường trú"));
        assertEquals(expected(f -> f.numerator != null && f.numerator == 1229 && (f.text + f.indicator + f.section).toLowerCase().contains("thường trú")),
                exact.totalHits());
        assertTrue(exact.totalHits() > 0);
        assertThrows(IllegalArgumentException.class, () -> search(SearchRequest.of("value:nhiều")));
    }

    private static List<String> ids(SearchResult r) {
        return r.hits().stream().map(h -> h.fact().id).sorted().toList();
    }

    /** The report's period, or for a report that states none the fact's own dates, lies within [from, to]. */
    private static boolean within(Fact f, YearMonth from, YearMonth to) {
        if (f.reportPeriod != null) {
            Months.Range r = Months.parse(f.reportPeriod);
            return r.from() >= Months.parse(from.toString()).from() && r.to() <= Months.parse(to.toString()).to();
        }
        if (f.period == null) return false;
        LocalDate start = f.period.from() != null ? f.period.from() : f.period.asOf();
        LocalDate end = f.period.to() != null ? f.period.to() : f.period.asOf();
        return start != null && end != null && !YearMonth.from(start).isBefore(from) && !YearMonth.from(end).isAfter(to);
    }

    @Test
    void reimportingTheCorpusAddsNothing() throws IOException, InterruptedException, IngestException {
        ImportSummary again;
        try (FactIndexWriter w = FactIndexWriter.open(index)) {
            again = new Importer(Pipeline.load(null), w, ImportOptions.defaults(index).withThreads(1), null).run(List.of(CORPUS));
        }
        assertEquals(0, again.imported());
        assertEquals(extracted.stream().map(f -> f.source.file()).distinct().count(), again.unchanged());
        List<String> ids = new ArrayList<>();
        IndexedFacts.forEach(index, f -> ids.add(f.id));
        assertEquals(extracted.size(), ids.size());
        assertEquals(ids.size(), ids.stream().distinct().count());
    }
}
