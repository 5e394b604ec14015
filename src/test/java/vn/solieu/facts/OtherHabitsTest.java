package vn.solieu.facts;

import org.junit.jupiter.api.Test;
import vn.solieu.Pipeline;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Phrasing the seeds do not use, written the way other provinces and the press write
 * (prose "x trên tổng số y … chiếm z%", "tăng … so với cùng kỳ", "1,7 triệu", ranks, kV),
 * against records written by hand: a check that the rules generalise beyond the two seeds.
 */
class OtherHabitsTest {
    @Test
    void proseAndNewsStyleFiguresAreRead() throws Exception {
        Path file = Path.of("src/test/resources/phrasing/other-habits.txt");
        List<Map<String, Object>> expected = ExpectedRecords.load(Path.of("src/test/resources/phrasing/other-habits.jsonl"));
        List<Fact> facts = Pipeline.load(Path.of("extraction-rules")).extract(file, file.toString()).facts();
        ExpectedRecords r = ExpectedRecords.compare(expected, facts, false);
        String report = r.describe() + String.join("\n", r.differences);
        System.out.println(report);
        for (String kind : List.of("ratio+percent", "count")) {
            ExpectedRecords.Score s = r.scores.get(kind);
            assertTrue(s.precision() >= 0.95 && s.recall() >= 0.95, kind + "\n" + report);
        }
        assertTrue(r.scores.get("ratio+percent").labelAgreement() >= 0.8, report);
        assertTrue(facts.stream().noneMatch(f -> f.kind == Fact.Kind.ratio && f.numerator == 12 && f.denominator == 63), "a rank is not a ratio");
        assertTrue(facts.stream().filter(f -> f.value != null && f.value == 1_700_000).allMatch(f -> f.approximate), "khoảng 1,7 triệu is approximate");
    }
}
