package vn.solieu.facts;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.solieu.Extraction;
import vn.solieu.Pipeline;

import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The two real reports, in the three formats of corpus/, against their hand-checked expected
 * records (corpus/expected/): a file plus its expected output, Tabula style. A failure prints the
 * records that differ, not a boolean.
 */
class SeedCorpusTest {
    static Pipeline pipeline;

    @BeforeAll
    static void load() {
        pipeline = Pipeline.load(Path.of("extraction-rules"));
    }

    static Extraction extract(String name) throws Exception {
        Path file = Path.of("corpus", name);
        return pipeline.extract(file, file.toString());
    }

    @ParameterizedTest(name = "{0}.{1}")
    @CsvSource({
            "000_f89939e2e8bd4875, txt", "000_f89939e2e8bd4875, pdf", "000_f89939e2e8bd4875, docx", "000_f89939e2e8bd4875, doc",
            "002_8f33f48acc798cc2, txt", "002_8f33f48acc798cc2, pdf", "002_8f33f48acc798cc2, docx", "002_8f33f48acc798cc2, doc"})
    void matchesTheHandCheckedRecords(String seed, String format) throws Exception {
        List<Map<String, Object>> expected = ExpectedRecords.load(Path.of("corpus", "expected", seed + ".jsonl"));
        List<Fact> facts = extract(seed + "." + format).facts();
        // Word files have no pages; PDF pages must be those of the text version.
        boolean word = format.startsWith("doc");
        ExpectedRecords r = ExpectedRecords.compare(expected, facts, !word);
        String report = seed + "." + format + "\n" + r.describe() + String.join("\n", r.differences);
        System.out.println(report);
        ExpectedRecords.Score figures = r.scores.get("ratio+percent");
        assertTrue(figures.precision() >= 0.98 && figures.recall() >= 0.98, report);
        for (String kind : List.of("ratio", "percent")) {
            ExpectedRecords.Score s = r.scores.get(kind);
            assertTrue(s.precision() >= 0.98 && s.recall() >= 0.98, kind + "\n" + report);
        }
        ExpectedRecords.Score counts = r.scores.get("count");
        assertTrue(counts.precision() >= 0.95 && counts.recall() >= 0.95, report);
        assertTrue(figures.labelAgreement() >= 0.9, "labels of ratios and percentages\n" + report);
        if (!word) assertEquals(figures.matched(), figures.pagesAgree(), "pages\n" + report);
    }

    @Test
    void everyFormatGivesTheSameFiguresAsTheText() throws Exception {
        for (String seed : List.of("000_f89939e2e8bd4875", "002_8f33f48acc798cc2")) {
            String text = figures(extract(seed + ".txt").facts());
            assertEquals(text, figures(extract(seed + ".pdf").facts()), seed + ".pdf");
            assertEquals(text, figures(extract(seed + ".docx").facts()), seed + ".docx");
            // A .doc loses its note references: Tika leaves a space where one stood ("năm 2023¹;" → "năm 2023 ;").
            assertEquals(text.replaceAll(" +(?=[;,.])", ""), figures(extract(seed + ".doc").facts()).replaceAll(" +(?=[;,.])", ""), seed + ".doc (Word 97-2003)");
        }
    }

    private static String figures(List<Fact> facts) {
        return facts.stream().map(f -> f.kind + " " + f.numerator + "/" + f.denominator + " " + f.percent + " " + f.value
                + " " + f.unit + " «" + f.indicator + "» " + f.section)
                // Footnotes sit at the foot of their page in text and PDF, at the end of a Word file.
                .sorted().collect(Collectors.joining("\n"));
    }

    @Test
    void recordsCarryProvenanceContextAndStableIds() throws Exception {
        Extraction first = extract("000_f89939e2e8bd4875.txt");
        Extraction again = extract("000_f89939e2e8bd4875.txt");
        assertEquals(first.facts().stream().map(f -> f.id).toList(), again.facts().stream().map(f -> f.id).toList(), "ids are stable");
        assertEquals(first.facts().size(), first.facts().stream().map(f -> f.id).distinct().count(), "ids are unique");
        String text = first.document().text();
        Fact permanent = first.facts().stream().filter(f -> f.kind == Fact.Kind.ratio && f.numerator == 1229).findFirst().orElseThrow();
        assertEquals("1229/1229 hồ sơ", text.substring(permanent.source.start(), permanent.source.end()));
        assertEquals(2, permanent.source.page());
        assertEquals("Đăng ký thường trú", permanent.indicator);
        assertEquals("dvc.dang_ky_thuong_tru", permanent.indicatorId);
        assertEquals("Bắc Kạn", permanent.province);
        assertEquals("2024-02", permanent.reportPeriod);
        assertEquals(Period.window(java.time.LocalDate.of(2024, 1, 16), java.time.LocalDate.of(2024, 2, 15)), permanent.period);
        assertEquals(List.of("II. KẾT QUẢ TRIỂN KHAI CÁC MẶT CÔNG TÁC", "2. Kết quả cung cấp dịch vụ công trực tuyến",
                "2.2. Kết quả thực hiện dịch vụ công thiết yếu",
                "2.2.1. Kết quả triển khai 11 dịch vụ công của Bộ Công an (từ 16/01/2024 đến 15/02/2024).",
                "Lĩnh vực Đăng ký và quản lý cư trú"), permanent.section);
        Fact asOf = first.facts().stream().filter(f -> f.kind == Fact.Kind.count && f.value == 300307).findFirst().orElseThrow();
        assertEquals(Period.asOf(java.time.LocalDate.of(2024, 2, 14)), asOf.period);
    }

    @Test
    void decomposedSourceComesOutComposedWithFootnoteMarksNeverRead() throws Exception {
        Extraction e = extract("002_8f33f48acc798cc2.txt");
        assertEquals("Bắc Giang", e.facts().get(0).province);
        for (Fact f : e.facts()) {
            assertTrue(Normalizer.isNormalized(f.text, Normalizer.Form.NFC), f.text);
            assertTrue(Normalizer.isNormalized(f.indicator, Normalizer.Form.NFC), f.indicator);
            assertTrue(f.value == null || (f.value != 20232 && f.value != 61), "a footnote mark glued to a number: " + f);
        }
        Fact online = e.facts().stream().filter(f -> f.kind == Fact.Kind.percent && f.value == 92.72).findFirst().orElse(null);
        assertNotNull(online, "92,72% followed by the mark of note 3");
        assertTrue(e.facts().stream().anyMatch(f -> f.section.equals(List.of("Chú thích 2")) && f.value != null && f.value == 482),
                "footnote figures are read from the footnote, apart from the body");
    }
}
