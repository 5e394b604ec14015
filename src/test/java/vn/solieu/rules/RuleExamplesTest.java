package vn.solieu.rules;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import vn.solieu.Pipeline;
import vn.solieu.facts.Fact;
import vn.solieu.ingest.Page;
import vn.solieu.ingest.SourceDocument;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs every example of every rule in extraction-rules/ through the whole pipeline: the text must
 * give exactly the records listed (each listed record matched by one produced record on the fields
 * it names, and nothing more). Like Duckling's corpora: the rules and their proof in one file.
 */
public class RuleExamplesTest {
    static final Pipeline PIPELINE = Pipeline.load(Path.of("extraction-rules"));

    @TestFactory
    Stream<DynamicTest> everyExampleOfEveryRule() {
        List<RuleExample> examples = PIPELINE.rules().examples();
        assertTrue(examples.size() >= 30, "the rules carry their examples (found " + examples.size() + ")");
        return examples.stream().map(e -> DynamicTest.dynamicTest(e.file() + " " + e.ruleId() + ": " + e.text(), () -> check(e)));
    }

    static void check(RuleExample e) {
        List<Fact> facts = PIPELINE.extract(document(e.text())).facts();
        List<Map<String, Object>> produced = new ArrayList<>();
        for (Fact f : facts) produced.add(f.toMap());
        List<Map<String, Object>> unmatched = new ArrayList<>(produced);
        List<Map<String, Object>> missing = new ArrayList<>();
        for (Map<String, Object> expected : e.expect()) {
            Map<String, Object> hit = unmatched.stream().filter(p -> matches(expected, p)).findFirst().orElse(null);
            if (hit == null) missing.add(expected);
            else unmatched.remove(hit);
        }
        if (!missing.isEmpty() || !unmatched.isEmpty()) {
            StringBuilder msg = new StringBuilder("text: " + e.text());
            for (Map<String, Object> m : missing) msg.append("\n  missing:    ").append(m);
            for (Map<String, Object> u : unmatched) msg.append("\n  unexpected: ").append(brief(u));
            for (Map<String, Object> p : produced) msg.append("\n  produced:   ").append(brief(p));
            fail(msg.toString());
        }
    }

    static SourceDocument document(String text) {
        return new SourceDocument("example.txt", "0".repeat(64), "text/plain", text,
                List.of(new Page(1, 0, text.length())), List.of(), List.of(), false, null);
    }

    /** The fields an example names equal the record's (numbers within 1e-9, nested maps by value). */
    public static boolean matches(Map<String, Object> expected, Map<String, Object> actual) {
        for (Map.Entry<String, Object> e : expected.entrySet()) {
            Object a = actual.get(e.getKey());
            Object x = e.getValue();
            if (x instanceof Number xn) {
                if (!(a instanceof Number an) || Math.abs(xn.doubleValue() - an.doubleValue()) > 1e-9) return false;
            } else if (x instanceof Map<?, ?> xm) {
                if (!(a instanceof Map<?, ?> am) || !xm.entrySet().stream().allMatch(en -> Objects.equals(String.valueOf(en.getValue()), String.valueOf(am.get(en.getKey()))))) return false;
            } else if (x == null) {
                if (a != null) return false;
            } else if (!Objects.equals(String.valueOf(x), String.valueOf(a))) {
                return false;
            }
        }
        return true;
    }

    private static String brief(Map<String, Object> m) {
        Map<String, Object> b = new java.util.LinkedHashMap<>(m);
        b.remove("source");
        b.remove("id");
        b.remove("text");
        b.remove("section");
        b.remove("province");
        b.remove("reportPeriod");
        b.remove("indicatorId");
        return b.toString();
    }
}
