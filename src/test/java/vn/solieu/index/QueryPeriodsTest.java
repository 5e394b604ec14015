package vn.solieu.index;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import vn.solieu.rules.RuleFile;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** Runs the examples of every query-period rule in extraction-rules/periods.yaml. */
class QueryPeriodsTest {
    static final Path RULES = Path.of("extraction-rules");
    static final QueryPeriods PERIODS = QueryPeriods.load(RULES);

    static List<Map<String, Object>> rules() {
        return RuleFile.list(RuleFile.read(RULES, "periods.yaml"), "query-period");
    }

    @Test
    void everyRuleCarriesExamples() {
        assertFalse(rules().isEmpty());
        for (Map<String, Object> rule : rules()) {
            assertFalse(RuleFile.list(rule, "examples").isEmpty(), rule.get("id") + " has no examples");
        }
    }

    @TestFactory
    Stream<DynamicTest> everyExampleReadsAsExpected() {
        return rules().stream().flatMap(rule -> RuleFile.list(rule, "examples").stream().map(e ->
                DynamicTest.dynamicTest(rule.get("id") + ": " + e.get("query"), () -> {
                    QueryPeriods.Read read = PERIODS.read((String) e.get("query"));
                    assertEquals(e.get("period"), read.periodLabel(), "period");
                    assertEquals(e.get("words"), read.words(), "words left");
                })));
    }

    @Test
    void aQueryWithoutAPeriodIsLeftAsWritten() {
        QueryPeriods.Read read = PERIODS.read("Đăng ký thường trú: 1229/1229 hồ sơ, 42,9%");
        assertNull(read.period());
        assertEquals("Đăng ký thường trú: 1229/1229 hồ sơ, 42,9%", read.words());
    }

    @Test
    void decomposedDiacriticsReadAsComposed() {
        String nfd = java.text.Normalizer.normalize("Bắc Kạn tháng 2/2024", java.text.Normalizer.Form.NFD);
        QueryPeriods.Read read = PERIODS.read(nfd);
        assertEquals("2024-02", read.periodLabel());
        assertEquals("Bắc Kạn", read.words());
    }
}
