package vn.solieu.eval;

import vn.solieu.facts.Fact;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Extraction accuracy: per kind, how many facts were expected, produced and matched, with
 * precision and recall; on the matched pairs, label word overlap, canonical-indicator agreement
 * and period agreement; and (a bounded sample of) the misses and extras with a reason. Scores of
 * several documents add up with {@link #add}. Not thread-safe.
 */
public final class Score {
    /** Kept per score, to show in reports without holding a corpus's worth of misses. */
    public static final int MAX_EXAMPLES = 2000;

    /** A record expected but not produced, with the nearest produced fact's difference. */
    public record Miss(String file, String figure, String indicator, String text, String reason) {}

    /** A fact produced but not expected. */
    public record Extra(String file, String figure, String indicator, String text) {}

    public static final class Counts {
        public long expected, produced, matched;

        public double precision() {
            return produced == 0 ? 1 : (double) matched / produced;
        }

        public double recall() {
            return expected == 0 ? 1 : (double) matched / expected;
        }
    }

    private final Map<String, Counts> byKind = new TreeMap<>();
    private double labelOverlapSum;
    private long labelHalf, idStated, idAgree, periodStated, periodAgree;
    private final List<Miss> misses = new ArrayList<>();
    private final List<Extra> extras = new ArrayList<>();
    private long missCount, extraCount;

    void expected(String kind) {
        counts(kind).expected++;
    }

    void produced(String kind) {
        counts(kind).produced++;
    }

    void matched(String kind, double labelOverlap, Boolean idAgrees, Boolean periodAgrees) {
        counts(kind).matched++;
        labelOverlapSum += labelOverlap;
        if (labelOverlap >= 0.5) labelHalf++;
        if (idAgrees != null) {
            idStated++;
            if (idAgrees) idAgree++;
        }
        if (periodAgrees != null) {
            periodStated++;
            if (periodAgrees) periodAgree++;
        }
    }

    void miss(String file, Map<String, Object> e, String reason) {
        missCount++;
        if (misses.size() < MAX_EXAMPLES) {
            misses.add(new Miss(file, FactScorer.describe(e), (String) e.get("indicator"), (String) e.get("text"), reason));
        }
    }

    void extra(String file, Fact f) {
        extraCount++;
        if (extras.size() < MAX_EXAMPLES) extras.add(new Extra(file, FactScorer.describe(f), f.indicator, f.text));
    }

    private Counts counts(String kind) {
        return byKind.computeIfAbsent(kind, k -> new Counts());
    }

    /** Adds another document's score to this one. */
    public Score add(Score o) {
        o.byKind.forEach((k, c) -> {
            Counts mine = counts(k);
            mine.expected += c.expected;
            mine.produced += c.produced;
            mine.matched += c.matched;
        });
        labelOverlapSum += o.labelOverlapSum;
        labelHalf += o.labelHalf;
        idStated += o.idStated;
        idAgree += o.idAgree;
        periodStated += o.periodStated;
        periodAgree += o.periodAgree;
        missCount += o.missCount;
        extraCount += o.extraCount;
        for (Miss m : o.misses) if (misses.size() < MAX_EXAMPLES) misses.add(m);
        for (Extra x : o.extras) if (extras.size() < MAX_EXAMPLES) extras.add(x);
        return this;
    }

    public Map<String, Counts> byKind() {
        return byKind;
    }

    public Counts total() {
        Counts t = new Counts();
        for (Counts c : byKind.values()) {
            t.expected += c.expected;
            t.produced += c.produced;
            t.matched += c.matched;
        }
        return t;
    }

    public double precision() {
        return total().precision();
    }

    public double recall() {
        return total().recall();
    }

    /** Mean share of the expected label's words found in the produced label, over matched pairs. */
    public double labelOverlap() {
        long m = total().matched;
        return m == 0 ? 0 : labelOverlapSum / m;
    }

    /** Share of matched pairs whose produced label holds at least half the expected label's words. */
    public double labelAgreement() {
        long m = total().matched;
        return m == 0 ? 0 : (double) labelHalf / m;
    }

    /** Among matched pairs whose expected record names a canonical indicator: the share where the pipeline gave the same. */
    public double indicatorAgreement() {
        return idStated == 0 ? 0 : (double) idAgree / idStated;
    }

    public long indicatorStated() {
        return idStated;
    }

    public double periodAgreement() {
        return periodStated == 0 ? 0 : (double) periodAgree / periodStated;
    }

    public long periodStated() {
        return periodStated;
    }

    public List<Miss> misses() {
        return misses;
    }

    public List<Extra> extras() {
        return extras;
    }

    public long missCount() {
        return missCount;
    }

    public long extraCount() {
        return extraCount;
    }
}
