package vn.solieu.facts;

import com.fasterxml.jackson.core.type.TypeReference;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import vn.solieu.text.VietText;

/**
 * A hand-checked expected file (corpus/expected/NAME.jsonl) compared with what the pipeline
 * produced: records match one to one on kind, figures and unit; labels are compared apart, as
 * agreeing when most words of one appear in the other (a label is a phrase, not a key).
 */
final class ExpectedRecords {
    record Score(int expected, int produced, int matched, int labelsAgree, int pagesAgree) {
        double precision() {
            return produced == 0 ? 1 : (double) matched / produced;
        }

        double recall() {
            return expected == 0 ? 1 : (double) matched / expected;
        }

        double labelAgreement() {
            return matched == 0 ? 1 : (double) labelsAgree / matched;
        }
    }

    /** Per kind ("ratio", "percent", "count") and for "ratio+percent" (the figures the issue names). */
    final Map<String, Score> scores = new LinkedHashMap<>();
    final List<String> differences = new ArrayList<>();

    static List<Map<String, Object>> load(Path file) throws IOException {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) out.add(FactJson.MAPPER.readValue(line, new TypeReference<Map<String, Object>>() {}));
        }
        return out;
    }

    static ExpectedRecords compare(List<Map<String, Object>> expected, List<Fact> produced, boolean comparePages) {
        ExpectedRecords r = new ExpectedRecords();
        List<Map<String, Object>> left = new ArrayList<>();
        for (Fact f : produced) {
            Map<String, Object> m = f.toMap();
            m.put("page", f.source.page());
            left.add(m);
        }
        Map<String, int[]> counts = new LinkedHashMap<>(); // expected, produced, matched, labels, pages
        for (String k : List.of("ratio", "percent", "count", "ratio+percent")) counts.put(k, new int[5]);
        for (Map<String, Object> p : left) tally(counts, (String) p.get("kind"), 1);
        for (Map<String, Object> e : expected) {
            tally(counts, (String) e.get("kind"), 0);
            Map<String, Object> hit = null;
            for (Map<String, Object> p : left) {
                if (sameFigure(e, p) && (hit == null || !labelsAgree(e, hit) && labelsAgree(e, p))) hit = p;
            }
            if (hit == null) {
                r.differences.add("missing:    " + e);
                continue;
            }
            left.remove(hit);
            tally(counts, (String) e.get("kind"), 2);
            if (labelsAgree(e, hit)) tally(counts, (String) e.get("kind"), 3);
            else r.differences.add("label:      expected «" + e.get("indicator") + "» got «" + hit.get("indicator") + "» for " + figure(e));
            if (!comparePages || Objects.equals(num(e.get("page")), num(hit.get("page")))) tally(counts, (String) e.get("kind"), 4);
            else r.differences.add("page:       expected " + e.get("page") + " got " + hit.get("page") + " for " + figure(e));
        }
        for (Map<String, Object> p : left) r.differences.add("unexpected: " + figure(p) + " «" + p.get("indicator") + "» in «" + p.get("text") + "»");
        counts.forEach((k, c) -> r.scores.put(k, new Score(c[0], c[1], c[2], c[3], c[4])));
        return r;
    }

    private static void tally(Map<String, int[]> counts, String kind, int slot) {
        counts.get(kind)[slot]++;
        if (!kind.equals("count")) counts.get("ratio+percent")[slot]++;
    }

    static boolean sameFigure(Map<String, Object> e, Map<String, Object> p) {
        if (!Objects.equals(e.get("kind"), p.get("kind"))) return false;
        for (String k : List.of("numerator", "denominator", "percent", "value")) {
            if (!Objects.equals(num(e.get(k)), num(p.get(k)))) return false;
        }
        if (e.containsKey("change") && !Objects.equals(e.get("change"), p.get("change"))) return false;
        return Objects.equals(e.get("unit"), p.get("unit"));
    }

    private static Double num(Object o) {
        return o instanceof Number n ? n.doubleValue() : null;
    }

    /** Most words (80%) of one label appear in the other, diacritics and case aside. */
    static boolean labelsAgree(Map<String, Object> e, Map<String, Object> p) {
        Set<String> a = words((String) e.get("indicator"));
        Set<String> b = words((String) p.get("indicator"));
        if (a.isEmpty() || b.isEmpty()) return a.equals(b);
        Set<String> common = new HashSet<>(a);
        common.retainAll(b);
        return common.size() >= 0.8 * a.size() || common.size() >= 0.8 * b.size();
    }

    private static Set<String> words(String s) {
        Set<String> out = new HashSet<>();
        if (s == null) return out;
        for (String w : VietText.fold(s).split("[^\\p{L}\\p{N}]+")) if (!w.isEmpty()) out.add(w);
        return out;
    }

    private static String figure(Map<String, Object> m) {
        return m.get("kind") + " " + (m.get("numerator") != null ? m.get("numerator") + "/" + m.get("denominator") + " (" + m.get("percent") + "%)" : m.get("value"))
                + (m.get("unit") == null ? "" : " " + m.get("unit"));
    }

    String describe() {
        StringBuilder b = new StringBuilder();
        scores.forEach((k, s) -> b.append(String.format("%-14s expected %3d produced %3d matched %3d  P %.3f  R %.3f  labels %.3f%n",
                k, s.expected(), s.produced(), s.matched(), s.precision(), s.recall(), s.labelAgreement())));
        return b.toString();
    }
}
