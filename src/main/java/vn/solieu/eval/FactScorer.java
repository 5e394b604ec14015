package vn.solieu.eval;

import vn.solieu.facts.Fact;
import vn.solieu.text.VietText;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Matches the facts a pipeline produced for one document against the records expected for it.
 *
 * <p>The matching rule: an expected record and a produced fact match when they have the same
 * {@code kind}, the same numbers (ratio: numerator, denominator and stated percent, null
 * included; percent: value and {@code change}; count: value) and the same {@code unit} (NFC,
 * case-insensitive, null only with null). Each produced fact matches at most one record; among
 * records and facts with equal figures, pairs are made best label overlap first. Labels, canonical indicators and
 * periods are not part of the match: their agreement is measured on the matched pairs.
 *
 * <p>Expected records are maps with the contract's field names (generated ground truth,
 * {@code corpus/expected/*.jsonl}); fields they lack count as null.
 */
public final class FactScorer {
    private FactScorer() {}

    public static Score score(List<Map<String, Object>> expected, List<Fact> produced) {
        return score(expected, produced, null);
    }

    /** {@code file} names the document in the misses and extras the score keeps. */
    public static Score score(List<Map<String, Object>> expected, List<Fact> produced, String file) {
        Score s = new Score();
        Map<String, List<Fact>> byKey = new HashMap<>();
        for (Fact f : produced) {
            byKey.computeIfAbsent(key(f), k -> new ArrayList<>()).add(f);
            s.produced(f.kind.name());
        }
        // Per key, pairs by label overlap, best first: a produced fact goes to the record it reads most like.
        Map<String, List<Integer>> expectedByKey = new LinkedHashMap<>();
        for (int i = 0; i < expected.size(); i++) {
            s.expected(String.valueOf(expected.get(i).get("kind")));
            expectedByKey.computeIfAbsent(key(expected.get(i)), k -> new ArrayList<>()).add(i);
        }
        Set<Fact> used = new HashSet<>();
        boolean[] done = new boolean[expected.size()];
        record Pair(int e, Fact f, double overlap) {}
        for (Map.Entry<String, List<Integer>> group : expectedByKey.entrySet()) {
            List<Fact> candidates = byKey.getOrDefault(group.getKey(), List.of());
            List<Pair> pairs = new ArrayList<>();
            for (int e : group.getValue()) {
                for (Fact f : candidates) pairs.add(new Pair(e, f, labelOverlap((String) expected.get(e).get("indicator"), f.indicator)));
            }
            pairs.sort((a, b) -> a.overlap() != b.overlap() ? Double.compare(b.overlap(), a.overlap()) : Integer.compare(a.e(), b.e()));
            for (Pair p : pairs) {
                if (done[p.e()] || used.contains(p.f())) continue;
                done[p.e()] = true;
                used.add(p.f());
                Map<String, Object> e = expected.get(p.e());
                s.matched(String.valueOf(e.get("kind")), p.overlap(), agree(e.get("indicatorId"), p.f().indicatorId, e.containsKey("indicatorId")),
                        e.containsKey("period") ? Objects.equals(e.get("period"), p.f().period == null ? null : p.f().period.toMap()) : null);
            }
        }
        List<Map<String, Object>> missed = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) if (!done[i]) missed.add(expected.get(i));
        List<Fact> extra = new ArrayList<>();
        for (Fact f : produced) if (!used.contains(f)) extra.add(f);
        for (Map<String, Object> e : missed) s.miss(file, e, nearest(e, extra));
        for (Fact f : extra) s.extra(file, f);
        return s;
    }

    /** Whether the canonical indicator agrees; null when the expected record does not say. */
    private static Boolean agree(Object expectedId, String producedId, boolean stated) {
        if (!stated || expectedId == null) return null;
        return expectedId.equals(producedId);
    }

    /** What is closest to a missed record among the unmatched facts: same kind and same main figure, with the field that differs. */
    private static String nearest(Map<String, Object> e, List<Fact> extra) {
        String kind = String.valueOf(e.get("kind"));
        Double main = dbl(e.get(kind.equals("ratio") ? "numerator" : "value"));
        for (Fact f : extra) {
            Double fm = f.kind == Fact.Kind.ratio ? f.numerator : f.value;
            if (main == null || fm == null || Math.abs(main - fm) > 1e-6) continue;
            if (!f.kind.name().equals(kind)) return "read as " + f.kind + " (" + describe(f) + ")";
            List<String> diffs = new ArrayList<>();
            if (kind.equals("ratio")) {
                if (!same(dbl(e.get("denominator")), f.denominator)) diffs.add("denominator " + f.denominator);
                if (!same(dbl(e.get("percent")), f.percent)) diffs.add("percent " + f.percent + " for " + e.get("percent"));
            }
            if (kind.equals("percent") && !Objects.equals(bool(e.get("change")), Boolean.TRUE.equals(f.change))) diffs.add("change " + f.change);
            if (!Objects.equals(unit(e.get("unit")), unit(f.unit))) diffs.add("unit " + f.unit + " for " + e.get("unit"));
            if (!diffs.isEmpty()) return "near: " + String.join(", ", diffs);
        }
        return "not extracted";
    }

    static String describe(Fact f) {
        return switch (f.kind) {
            case ratio -> fmt(f.numerator) + "/" + fmt(f.denominator) + (f.percent == null ? "" : " = " + fmt(f.percent) + "%") + unitText(f.unit);
            case percent -> (Boolean.TRUE.equals(f.change) ? "Δ " : "") + fmt(f.value) + "%";
            case count -> fmt(f.value) + unitText(f.unit);
        };
    }

    static String describe(Map<String, Object> e) {
        String kind = String.valueOf(e.get("kind"));
        return switch (kind) {
            case "ratio" -> e.get("numerator") + "/" + e.get("denominator") + (e.get("percent") == null ? "" : " = " + e.get("percent") + "%") + unitText((String) e.get("unit"));
            case "percent" -> (Boolean.TRUE.equals(e.get("change")) ? "Δ " : "") + e.get("value") + "%";
            default -> e.get("value") + unitText((String) e.get("unit"));
        };
    }

    private static String unitText(String unit) {
        return unit == null ? "" : " " + unit;
    }

    private static String fmt(Double d) {
        if (d == null) return "null";
        return d == Math.rint(d) ? Long.toString(d.longValue()) : Double.toString(d);
    }

    // ---- keys ----

    static String key(Fact f) {
        return switch (f.kind) {
            case ratio -> "ratio|" + n(f.numerator) + "|" + n(f.denominator) + "|" + n(f.percent) + "|" + unit(f.unit);
            case percent -> "percent|" + n(f.value) + "|" + Boolean.TRUE.equals(f.change);
            case count -> "count|" + n(f.value) + "|" + unit(f.unit);
        };
    }

    static String key(Map<String, Object> e) {
        String kind = String.valueOf(e.get("kind"));
        return switch (kind) {
            case "ratio" -> "ratio|" + n(dbl(e.get("numerator"))) + "|" + n(dbl(e.get("denominator"))) + "|" + n(dbl(e.get("percent"))) + "|" + unit(e.get("unit"));
            case "percent" -> "percent|" + n(dbl(e.get("value"))) + "|" + bool(e.get("change"));
            default -> "count|" + n(dbl(e.get("value"))) + "|" + unit(e.get("unit"));
        };
    }

    /** Numbers compared to 6 decimals: 42.9 read from "42,9" and 42.9 computed are one key. */
    private static String n(Double d) {
        return d == null ? "null" : String.format(Locale.ROOT, "%.6f", d);
    }

    private static String unit(Object u) {
        return u == null ? null : VietText.canonicalTones(VietText.nfc(u.toString().strip())).toLowerCase(Locale.ROOT);
    }

    private static boolean same(Double a, Double b) {
        return a == null ? b == null : b != null && Math.abs(a - b) < 1e-6;
    }

    private static boolean bool(Object o) {
        return Boolean.TRUE.equals(o);
    }

    private static Double dbl(Object o) {
        return o instanceof Number n ? n.doubleValue() : null;
    }

    // ---- labels ----

    /**
     * The share of the expected label's words found in the produced label, after folding (NFC,
     * one tone placement, no diacritics, lower case); bare numbers are not words. 1 when the
     * expected label is empty.
     */
    public static double labelOverlap(String expected, String produced) {
        Set<String> e = words(expected);
        if (e.isEmpty()) return 1;
        Set<String> p = words(produced);
        int shared = 0;
        for (String w : e) if (p.contains(w)) shared++;
        return (double) shared / e.size();
    }

    static Set<String> words(String label) {
        Set<String> out = new java.util.LinkedHashSet<>();
        if (label == null) return out;
        for (String w : VietText.fold(label).split("[^\\p{L}\\p{N}]+")) {
            if (w.isEmpty() || w.chars().allMatch(Character::isDigit)) continue;
            out.add(w);
        }
        return out;
    }

    /** For reports: a record as a short map (kind, figures, unit, label). */
    static Map<String, Object> brief(Map<String, Object> e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("figure", describe(e));
        m.put("indicator", e.get("indicator"));
        m.put("text", e.get("text"));
        return m;
    }
}
