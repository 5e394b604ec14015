package vn.solieu.generate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.solieu.eval.CorpusScorer;
import vn.solieu.reference.Province;
import vn.solieu.reference.Provinces;
import vn.solieu.rules.RulesDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

class CorpusGeneratorTest {
    static final Provinces PROVINCES = Provinces.load(RulesDir.resolve(null));

    static CorpusGenerator.Options small(long seed) {
        return CorpusGenerator.Options.defaults().withSeed(seed).withProvinces(4).withMonths(YearMonth.of(2024, 5), 2)
                .withFormats(1, 1, 1).withInjectRate(0.2);
    }

    /** Every file under {@code dir}, relative path → SHA-256 of its bytes. */
    static Map<String, String> hashes(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(p).toString(), CorpusGenerator.sha256(Files.readAllBytes(p)));
            }
        }
        return out;
    }

    @Test
    void sameSeedGivesTheSameBytesWhateverTheThreads(@TempDir Path tmp) throws IOException {
        new CorpusGenerator(small(11).withThreads(1), PROVINCES).run(tmp.resolve("a"), n -> {});
        new CorpusGenerator(small(11).withThreads(3), PROVINCES).run(tmp.resolve("b"), n -> {});
        Map<String, String> a = hashes(tmp.resolve("a"));
        assertEquals(a, hashes(tmp.resolve("b")));
        assertTrue(a.keySet().stream().anyMatch(f -> f.endsWith(".pdf")), "PDFs are part of the comparison");
        assertTrue(a.containsKey("truth/facts.jsonl"));
    }

    @Test
    void anotherSeedGivesOtherFigures(@TempDir Path tmp) throws IOException {
        new CorpusGenerator(small(11), PROVINCES).run(tmp.resolve("a"), n -> {});
        new CorpusGenerator(small(12), PROVINCES).run(tmp.resolve("b"), n -> {});
        assertNotEquals(Files.readString(tmp.resolve("a/truth/facts.jsonl")), Files.readString(tmp.resolve("b/truth/facts.jsonl")));
    }

    @Test
    void corpusHasTheVarietyOfARealArchive(@TempDir Path tmp) throws IOException {
        CorpusGenerator.Options options = CorpusGenerator.Options.defaults().withSeed(3).withProvinces(10).withMonths(YearMonth.of(2024, 1), 2);
        new CorpusGenerator(options, PROVINCES).run(tmp, n -> {});
        List<Map<String, Object>> reports = CorpusScorer.readLines(tmp.resolve("truth/reports.jsonl"));
        Set<Object> formats = new HashSet<>(), unicode = new HashSet<>(), decimals = new HashSet<>(), layouts = new HashSet<>(), styles = new HashSet<>();
        for (Map<String, Object> r : reports) {
            formats.add(r.get("format"));
            unicode.add(r.get("unicode"));
            decimals.add(r.get("decimal"));
            styles.add(r.get("style"));
            if (r.get("layout") != null) layouts.add(r.get("layout"));
        }
        assertEquals(Set.of("txt", "pdf", "docx"), formats);
        assertEquals(Set.of("NFC", "NFD"), unicode);
        assertEquals(Set.of(",", "."), decimals);
        assertEquals(Set.of("seed", "paragraphs", "flat"), layouts);
        assertEquals(Set.of("bullets", "prose"), styles);

        // The habits show in the text itself: a decomposed file, and percentages with each decimal mark.
        Map<String, Object> nfd = reports.stream().filter(r -> "NFD".equals(r.get("unicode"))).findFirst().orElseThrow();
        String raw = Files.readString(tmp.resolve((String) nfd.get("file")), StandardCharsets.UTF_8);
        assertFalse(Normalizer.isNormalized(raw, Normalizer.Form.NFC), "an NFD report is written decomposed");
        String truth = Files.readString(tmp.resolve("truth/facts.jsonl"));
        assertTrue(truth.matches("(?s).*\\d,\\d+ ?%.*"), "a percentage with a decimal comma");
        assertTrue(truth.matches("(?s).*\\d\\.\\d{1,2} ?%.*"), "a percentage with a decimal point");
        // Numbers that are not figures (document numbers, dates) are in the text.
        String text = Normalizer.normalize(Files.readString(tmp.resolve((String) nfd.get("file"))), Normalizer.Form.NFC);
        assertTrue(text.contains("06/QĐ-TTg ngày 06/01/2022"), "document numbers and dates are written");
    }

    @Test
    void monthsAfterTheMergerAreFiledByTheNewUnits() {
        CorpusGenerator g = new CorpusGenerator(CorpusGenerator.Options.defaults().withMonths(YearMonth.of(2025, 6), 2), PROVINCES);
        List<ReportSpec> plan = g.plan();
        long june = plan.stream().filter(s -> s.month().equals(YearMonth.of(2025, 6))).count();
        long july = plan.stream().filter(s -> s.month().equals(YearMonth.of(2025, 7))).count();
        assertEquals(63, june);
        assertEquals(34, july);
        for (ReportSpec s : plan) {
            Province p = s.province();
            assertTrue(p.validOn(s.month().atDay(1)), p + " files for " + s.month());
        }
    }

    @Test
    void runningTotalsOnlyGrowAndPopulationsDiffer() {
        ProvinceModel model = new ProvinceModel(5, PROVINCES);
        Province a = PROVINCES.find("Bắc Kạn").orElseThrow(), b = PROVINCES.find("Thanh Hóa").orElseThrow();
        assertNotEquals(model.population(a), model.population(b));
        long previous = 0;
        for (YearMonth m = YearMonth.of(2023, 1); m.isBefore(YearMonth.of(2025, 7)); m = m.plusMonths(1)) {
            long received = model.cccdReceived(a, m);
            assertTrue(received > previous, "CCCD dossiers grow in " + m);
            assertTrue(model.accountsActivated(a, m) <= received);
            previous = received;
        }
    }
}
