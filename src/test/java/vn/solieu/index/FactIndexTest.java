package vn.solieu.index;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.solieu.Extraction;
import vn.solieu.facts.Fact;
import vn.solieu.facts.FactJson;
import vn.solieu.index.SearchResult.FacetCount;

import java.io.IOException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** The writer and searcher on hand-made extractions of three reports (Bắc Kạn, Bắc Giang, Hà Nội). */
class FactIndexTest {
    @TempDir
    static Path tmp;
    static Path index;

    @BeforeAll
    static void build() throws IOException {
        index = tmp.resolve("index");
        try (FactIndexWriter w = FactIndexWriter.open(index)) {
            for (Extraction e : List.of(SampleReports.bacKan(), SampleReports.bacGiang(), SampleReports.haNoi())) {
                assertTrue(w.claim(e.document().file(), e.document().sha256()).shouldIndex());
                w.add(e);
            }
            w.commit();
        }
    }

    private static SearchResult search(SearchRequest r) throws IOException {
        try (FactSearcher s = FactSearcher.open(index)) {
            return s.search(r);
        }
    }

    private static List<String> figures(SearchResult r) {
        return r.hits().stream().map(h -> h.fact().kind == Fact.Kind.ratio
                ? (long) (double) h.fact().numerator + "/" + (long) (double) h.fact().denominator
                : String.valueOf(h.fact().value)).toList();
    }

    @Test
    void queryWithoutDiacriticsFindsTheAccentedFact() throws IOException {
        SearchResult r = search(SearchRequest.of("dang ky thuong tru"));
        assertTrue(figures(r).contains("1229/1229"), figures(r).toString());
        SearchHit hit = r.hits().stream().filter(h -> h.fact().numerator == 1229).findFirst().orElseThrow();
        assertEquals("Bắc Kạn", hit.province());
        assertEquals("reports/bac-kan-2024-02.txt", hit.file());
        assertEquals(1, hit.page());
    }

    @Test
    void exactDiacriticMatchRanksAboveTheFoldedOne() throws IOException {
        // Both reports speak of "đăng ký thường trú"; the Bắc Giang one was typed without diacritics.
        assertEquals(List.of("1229/1229", "12/15"), figures(search(SearchRequest.of("Đăng ký thường trú"))));
        assertEquals(List.of("12/15", "1229/1229"), figures(search(SearchRequest.of("dang ky thuong tru"))));
    }

    @Test
    void provinceIsFoundWithOrWithoutDiacritics() throws IOException {
        Set<String> accented = files(search(SearchRequest.of("Bắc Kạn").withScope(SearchRequest.Scope.reports)));
        Set<String> folded = files(search(SearchRequest.of("bac kan").withScope(SearchRequest.Scope.reports)));
        assertEquals(Set.of("reports/bac-kan-2024-02.txt"), accented);
        assertEquals(accented, folded);
        assertEquals(3, search(SearchRequest.of("*").withProvince("bac kan")).totalHits());
        assertEquals(3, search(SearchRequest.of("").withProvince("BẮC KẠN")).totalHits());
    }

    @Test
    void numbersAreFoundAsWrittenAndByTheirParts() throws IOException {
        assertEquals(List.of("1512/1546"), figures(search(SearchRequest.of("1.512/1.546"))));
        assertEquals(List.of("1512/1546"), figures(search(SearchRequest.of("1.546"))));
        assertEquals(List.of("42.9"), figures(search(SearchRequest.of("42,9%"))));
        assertEquals(List.of("42.9"), figures(search(SearchRequest.of("42,9"))));
        assertEquals(List.of("300307.0"), figures(search(SearchRequest.of("300.307"))));
        assertEquals(0, search(SearchRequest.of("1.512/1.547")).totalHits());
    }

    @Test
    void decomposedQuoteIsFoundByAComposedQuery() throws IOException {
        SearchResult r = search(SearchRequest.of("xác thực tài khoản"));
        assertEquals(List.of("9/27"), figures(r));
        Fact f = r.hits().get(0).fact();
        assertFalse(Normalizer.isNormalized(f.text, Normalizer.Form.NFC), "the stored record is returned as it was given");
        assertEquals(List.of("9/27"), figures(search(SearchRequest.of("xac thuc tai khoan"))));
    }

    @Test
    void filtersByPeriodKindAndPercent() throws IOException {
        assertEquals(Set.of("reports/bac-kan-2024-02.txt", "reports/bac-giang-2024-q1.txt"),
                files(search(SearchRequest.of("*").withPeriod("2024-01", "2024-03"))));
        assertEquals(Set.of("reports/bac-kan-2024-02.txt"), files(search(SearchRequest.of("*").withPeriod("2024-02", "2024-02"))));
        assertEquals(Set.of("reports/ha-noi-2023.txt"), files(search(SearchRequest.of("*").withPeriod(null, "2023-12"))));
        assertEquals(Set.of("300307.0"), Set.copyOf(figures(search(SearchRequest.of("*").withKind(Fact.Kind.count)))));
        // The percentage a fact speaks of: 1229/1229 computes 100, 1.512/1.546 states 97,8; 42,9 and 32,76 are below.
        assertEquals(Set.of("1229/1229", "1512/1546"), Set.copyOf(figures(search(SearchRequest.of("*").withPercent(95.0, null)))));
        assertEquals(Set.of("9/27", "42.9"), Set.copyOf(figures(search(SearchRequest.of("*").withPercent(30.0, 50.0)))));
        assertEquals(Set.of("1512/1546"), Set.copyOf(figures(search(SearchRequest.of("*").withIndicator("ho chieu")))));
    }

    @Test
    void badPeriodIsRejectedWithTheOptionName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> search(SearchRequest.of("*").withPeriod("tháng 2", null)));
        assertTrue(e.getMessage().contains("--period-from"), e.getMessage());
    }

    @Test
    void brokenSyntaxIsSearchedAsWordsAndAQueryOfOperatorsOnlyIsNamed() throws IOException {
        List<String> words = figures(search(SearchRequest.of("hộ chiếu")));
        assertFalse(words.isEmpty());
        assertEquals(words, figures(search(SearchRequest.of("OR hộ chiếu"))), "a dangling OR is dropped");
        assertEquals(words, figures(search(SearchRequest.of("hộ chiếu AND"))));
        assertEquals(words, figures(search(SearchRequest.of("(hộ chiếu"))), "an unclosed bracket is read as a word");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> search(SearchRequest.of("AND")));
        assertEquals("the query \"AND\" holds no words, only operators (AND, OR, NOT)", e.getMessage());
    }

    @Test
    void facetsCountHitsByProvincePeriodAndIndicator() throws IOException {
        SearchResult all = search(SearchRequest.of("*"));
        assertEquals(7, all.totalHits());
        assertEquals(Map.of("Bắc Kạn", 3L, "Bắc Giang", 2L, "Hà Nội", 2L), counts(all.facets().get("province")));
        assertEquals(Map.of("2024-02", 3L, "2024-Q1", 2L, "2023", 2L), counts(all.facets().get("reportPeriod")));
        SearchResult hoSo = search(SearchRequest.of("hồ sơ").withProvince("Bắc Kạn"));
        assertEquals(Map.of("Bắc Kạn", hoSo.totalHits()), counts(hoSo.facets().get("province")));
        assertEquals(1L, counts(hoSo.facets().get("indicator")).get("Đăng ký thường trú"));
    }

    @Test
    void quoteIsHighlightedOnTheOriginalLetters() throws IOException {
        SearchHit hit = search(SearchRequest.of("dang ky")).hits().stream()
                .filter(h -> h.fact().numerator == 1229).findFirst().orElseThrow();
        assertEquals("«Đăng ký» thường trú: tiếp nhận 1229/1229 hồ sơ trực tuyến.", hit.snippet().marked("«", "»"));
        SearchHit ratio = search(SearchRequest.of("1.546")).hits().get(0);
        assertEquals("Cấp hộ chiếu phổ thông: «1.546» hồ sơ, đạt 97,8%.", ratio.snippet().marked("«", "»").replace("1.512/«", "«"));
    }

    @Test
    void passageSearchGivesTheFileAndPageOfTheMatch() throws IOException {
        SearchResult r = search(SearchRequest.of("hộ chiếu").withScope(SearchRequest.Scope.reports));
        assertEquals(1, r.totalHits());
        SearchHit hit = r.hits().get(0);
        assertNull(hit.fact());
        assertEquals("reports/bac-kan-2024-02.txt", hit.file());
        assertEquals(2, hit.page(), "the passage is after the form feed");
        assertTrue(hit.snippet().marked("[", "]").contains("[hộ chiếu]"), hit.snippet().marked("[", "]"));
    }

    @Test
    void everyFactIsReadBackExactly() throws IOException {
        List<String> expected = Stream.of(SampleReports.bacKan(), SampleReports.bacGiang(), SampleReports.haNoi())
                .flatMap(e -> e.facts().stream()).map(FactJson::toJson).sorted().toList();
        List<String> actual = new ArrayList<>();
        IndexedFacts.forEach(index, f -> actual.add(FactJson.toJson(f)));
        actual.sort(null);
        assertEquals(expected, actual);
    }

    @Test
    void statsCountReportsFactsProvincesAndPeriods() throws IOException {
        try (FactSearcher s = FactSearcher.open(index)) {
            IndexStats stats = s.stats();
            assertEquals(3, stats.reports());
            assertEquals(7, stats.facts());
            assertEquals(0, stats.failed());
            assertEquals(Set.of("Bắc Kạn", "Bắc Giang", "Hà Nội"), counts(stats.reportsBy().get("province")).keySet());
            assertEquals(Map.of("ratio", 4L, "percent", 2L, "count", 1L), counts(stats.factsBy().get("kind")));
        }
    }

    @Test
    void everyDocumentHasTheCatchAllFieldYetReportsNeverAnswerAFactSearch(@TempDir Path dir) throws IOException {
        try (FactIndexWriter w = FactIndexWriter.open(dir)) {
            w.add(SampleReports.bacKan());
            w.addFailure("reports/unreadable-scan.pdf", "ab12", "cannot read the file (truncated)");
        }
        try (var reader = org.apache.lucene.index.DirectoryReader.open(org.apache.lucene.store.FSDirectory.open(dir))) {
            // Dense norms: a catch-all missing from some documents would make every fact search slower.
            assertEquals(reader.maxDoc(), org.apache.lucene.index.MultiTerms.getTerms(reader, IndexSchema.folded(IndexSchema.ALL)).getDocCount());
        }
        try (FactSearcher s = FactSearcher.open(dir)) {
            // "reports", "unreadable" and "scan" are only in file names, which report documents carry.
            assertEquals(0, s.search(SearchRequest.of("reports")).totalHits());
            assertEquals(0, s.search(SearchRequest.of("unreadable scan")).totalHits());
            assertTrue(s.search(SearchRequest.of("thường trú")).totalHits() > 0);
        }
    }

    @Test
    void missingIndexIsNamedInTheError() {
        IOException e = assertThrows(IOException.class, () -> FactSearcher.open(tmp.resolve("nowhere")));
        assertTrue(e.getMessage().startsWith("no index at "), e.getMessage());
    }

    private static Set<String> files(SearchResult r) {
        return r.hits().stream().map(SearchHit::file).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Map<String, Long> counts(List<FacetCount> facet) {
        return facet.stream().collect(Collectors.toMap(FacetCount::value, FacetCount::count));
    }
}
