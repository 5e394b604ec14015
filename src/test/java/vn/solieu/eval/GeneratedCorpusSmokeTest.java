package vn.solieu.eval;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.solieu.Pipeline;
import vn.solieu.audit.AuditFinding;
import vn.solieu.generate.CorpusGenerator;
import vn.solieu.reference.Provinces;
import vn.solieu.rules.RulesDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.YearMonth;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The smoke run of generate → extract → score: 24 generated reports (8 provinces × 3 months,
 * every format), extracted by the real pipeline, scored against their ground truth, and audited
 * against the inconsistencies injected into them (a quarter of reports per check, so that each
 * of the seven checks has cases in so small a set).
 */
class GeneratedCorpusSmokeTest {
    /**
     * Measured: precision and recall 1,000 on this set and on a 504-report corpus (63 provinces ×
     * 8 months, 16 672 facts). 0,99 leaves room for a rule change that loses a figure here or
     * there, and fails when a whole phrasing or format stops being read.
     */
    static final double MIN_PRECISION = 0.99, MIN_RECALL = 0.99;

    @TempDir
    static Path corpus;
    static CorpusScorer.Result result;

    @BeforeAll
    static void generateAndScore() throws IOException {
        CorpusGenerator.Options options = CorpusGenerator.Options.defaults().withSeed(2).withProvinces(8)
                .withMonths(YearMonth.of(2024, 3), 3).withInjectRate(0.25);
        new CorpusGenerator(options, Provinces.load(RulesDir.resolve(null))).run(corpus, n -> {});
        result = CorpusScorer.score(corpus, Pipeline.load(null), 0, 2, true);
    }

    @Test
    void extractionFindsTheGeneratedFacts() {
        assertEquals(24, result.files());
        assertTrue(result.failures().isEmpty(), result.failures().toString());
        Score s = result.extraction();
        assertTrue(s.total().expected > 500, "the set holds " + s.total().expected + " facts");
        String why = ScoreTables.extraction(s, result.byVariant()) + ScoreTables.misses(s, 10);
        assertTrue(s.precision() >= MIN_PRECISION, why);
        assertTrue(s.recall() >= MIN_RECALL, why);
        for (String kind : new String[]{"ratio", "percent", "count"}) assertTrue(s.byKind().get(kind).matched > 0, kind);
        assertEquals(24, result.provinceRight(), "every report's province is read");
        assertEquals(24, result.periodRight(), "every report's period is read");
    }

    @Test
    void theAuditorFindsAnInjectedInconsistencyOfEachKind() {
        AuditScore a = result.audit();
        for (String check : AuditFinding.CHECKS) {
            AuditScore.Check c = a.byCheck().get(check);
            assertTrue(c.injected > 0, check + " was injected");
            assertTrue(c.injectedFound > 0, check + ": none of " + c.injected + " injected was found; missed " + c.missedInjections);
        }
    }
}
