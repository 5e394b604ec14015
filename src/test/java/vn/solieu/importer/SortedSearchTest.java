package vn.solieu.importer;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.solieu.cli.Main;
import vn.solieu.facts.Fact;
import vn.solieu.facts.FactJson;
import vn.solieu.generate.CorpusGenerator;
import vn.solieu.index.FactSearcher;
import vn.solieu.index.SearchHit;
import vn.solieu.index.SearchRequest;
import vn.solieu.index.SortOrder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code search --sort}: a series through the months, the provinces ranked by a percentage. On
 * generated monthly reports of 6 provinces over 4 months; the oracle is the pipeline's own facts,
 * ordered here by the key as written out in each test.
 */
class SortedSearchTest {
    @TempDir
    static Path tmp;
    static Path index;
    static final Map<String, Fact> extracted = new HashMap<>();

    @BeforeAll
    static void generateAndImport() throws Exception {
        index = tmp.resolve("index");
        for (Fact f : GeneratedIndex.build(CorpusGenerator.Options.defaults().withSeed(8).withProvinces(6)
                .withMonths(YearMonth.of(2024, 9), 4), tmp, index)) extracted.put(f.id, f);
    }

    /** The percentage --min-percent and --sort percent read: a percent's value, else a ratio's stated, else computed one. */
    private static Double percentOf(Fact f) {
        return switch (f.kind) {
            case percent -> f.value;
            case ratio -> f.percent != null ? f.percent : f.computedPercent();
            case count -> null;
        };
    }

    private static List<Fact> hits(SearchRequest r) throws IOException {
        try (FactSearcher s = FactSearcher.open(index)) {
            return s.search(r.withFacets(false)).hits().stream().map(SearchHit::fact).toList();
        }
    }

    private static Set<String> ids(List<Fact> facts) {
        return facts.stream().map(f -> f.id).collect(Collectors.toSet());
    }

    @Test
    void aSeriesInPeriodOrderHoldsTheSameHitsAsByRelevanceMonthByMonth() throws IOException {
        SearchRequest permanentResidence = SearchRequest.of("đăng ký thường trú").withLimit(10_000);
        List<Fact> byRelevance = hits(permanentResidence);
        List<Fact> oldestFirst = hits(permanentResidence.withOrder(SortOrder.parse("period")));
        List<Fact> latestFirst = hits(permanentResidence.withOrder(SortOrder.parse("period:desc")));

        assertEquals(ids(byRelevance), ids(oldestFirst));
        assertEquals(ids(byRelevance), ids(latestFirst));
        List<String> periods = oldestFirst.stream().map(f -> f.reportPeriod).toList();
        assertEquals(periods.stream().sorted().toList(), periods);
        assertEquals(List.of("2024-09", "2024-10", "2024-11", "2024-12"), periods.stream().distinct().toList());
        List<String> descending = latestFirst.stream().map(f -> f.reportPeriod).toList();
        assertEquals(descending.stream().sorted(Comparator.reverseOrder()).toList(), descending);
        assertNotEquals(periods, byRelevance.stream().map(f -> f.reportPeriod).toList(), "relevance mixes the months");
    }

    @Test
    void theHighestPercentagesComeFirstAndFactsWithoutOneLastEitherWay() throws IOException {
        SearchRequest everything = SearchRequest.of("").withLimit(100_000);
        List<Fact> all = hits(everything);
        assertEquals(extracted.size(), all.size());
        List<Double> expectedDesc = extracted.values().stream().map(SortedSearchTest::percentOf)
                .filter(java.util.Objects::nonNull).sorted(Comparator.reverseOrder()).toList();

        List<Fact> desc = hits(everything.withOrder(SortOrder.parse("percent:desc")));
        assertEquals(expectedDesc, desc.subList(0, expectedDesc.size()).stream().map(SortedSearchTest::percentOf).toList());
        assertTrue(desc.subList(expectedDesc.size(), desc.size()).stream().allMatch(f -> percentOf(f) == null));
        assertTrue(desc.size() > expectedDesc.size(), "counts have no percentage");

        List<Fact> asc = hits(everything.withOrder(SortOrder.parse("percent")));
        assertEquals(expectedDesc.stream().sorted().toList(), asc.subList(0, expectedDesc.size()).stream().map(SortedSearchTest::percentOf).toList());
        assertTrue(asc.subList(expectedDesc.size(), asc.size()).stream().allMatch(f -> percentOf(f) == null));
    }

    @Test
    void filtersStillApplyAndPagesFollowTheOrder() throws IOException {
        String province = extracted.values().iterator().next().province;
        SearchRequest ratios = SearchRequest.of("hồ sơ").withKind(Fact.Kind.ratio).withProvince(province)
                .withOrder(SortOrder.parse("denominator:desc"));
        List<Fact> whole = hits(ratios.withLimit(10_000));
        assertFalse(whole.isEmpty());
        assertTrue(whole.stream().allMatch(f -> f.kind == Fact.Kind.ratio && province.equals(f.province)));
        List<Double> denominators = whole.stream().map(f -> f.denominator).toList();
        assertEquals(denominators.stream().sorted(Comparator.reverseOrder()).toList(), denominators);

        List<Double> paged = new ArrayList<>();
        for (int offset = 0; offset < whole.size(); offset += 7) {
            hits(ratios.withOffset(offset).withLimit(7)).forEach(f -> paged.add(f.denominator));
        }
        assertEquals(denominators, paged);
    }

    @Test
    void theCommandLineExportsEveryMatchInTheOrderAndRefusesAnUnknownKey() throws IOException {
        String jsonl = stdout("search", "--index", index.toString(), "--all", "--format", "jsonl", "--sort", "value:desc", "--kind", "count");
        List<Fact> exported = new ArrayList<>();
        for (String line : jsonl.lines().toList()) exported.add(FactJson.fromJson(line));
        List<Fact> counts = extracted.values().stream().filter(f -> f.kind == Fact.Kind.count).toList();
        assertEquals(ids(counts), ids(exported));
        List<Double> values = exported.stream().map(f -> f.value).toList();
        assertEquals(counts.stream().map(f -> f.value).sorted(Comparator.reverseOrder()).toList(), values);

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream saved = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertEquals(2, Main.run("search", "--index", index.toString(), "--sort", "size", "hồ sơ"));
            assertEquals(2, Main.run("search", "--index", index.toString(), "--passages", "--sort", "percent", "hồ sơ"));
        } finally {
            System.setErr(saved);
        }
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.contains("unknown sort key \"size\"") && message.contains("relevance, period, percent"), message);
        assertTrue(message.contains("passages are ordered by relevance or period"), message);
    }

    private static String stdout(String... args) {
        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, Main.run(args));
        } finally {
            System.setOut(saved);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
