package vn.solieu.eval;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Markdown tables of scores, for the console and for bench/RESULTS.md. */
public final class ScoreTables {
    private ScoreTables() {}

    public static String extraction(Score total, Map<String, Score> byVariant) {
        StringBuilder sb = new StringBuilder();
        sb.append("| kind | expected | produced | matched | precision | recall |\n|---|---:|---:|---:|---:|---:|\n");
        total.byKind().forEach((k, c) -> row(sb, k, c));
        row(sb, "**all**", total.total());
        sb.append(String.format(Locale.ROOT, "%nOn matched pairs: label word overlap %.3f (%.1f%% share at least half the words); "
                        + "canonical indicator agrees on %.1f%% of %d; period agrees on %.1f%% of %d.%n",
                total.labelOverlap(), 100 * total.labelAgreement(), 100 * total.indicatorAgreement(), total.indicatorStated(),
                100 * total.periodAgreement(), total.periodStated()));
        if (byVariant != null && !byVariant.isEmpty()) {
            sb.append("\n| written as | expected | precision | recall |\n|---|---:|---:|---:|\n");
            byVariant.forEach((v, s) -> sb.append(String.format(Locale.ROOT, "| %s | %d | %.4f | %.4f |%n",
                    v, s.total().expected, s.precision(), s.recall())));
        }
        return sb.toString();
    }

    private static void row(StringBuilder sb, String kind, Score.Counts c) {
        sb.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %.4f | %.4f |%n", kind, c.expected, c.produced, c.matched, c.precision(), c.recall()));
    }

    public static String audit(AuditScore a) {
        StringBuilder sb = new StringBuilder("| check | injected | found | recall | findings | matching | precision |\n|---|---:|---:|---:|---:|---:|---:|\n");
        a.byCheck().forEach((check, c) -> sb.append(String.format(Locale.ROOT, "| %s | %d | %d | %.3f | %d | %d | %.3f |%n",
                check, c.injected, c.injectedFound, c.recall(), c.findings, c.findingsMatched, c.precision())));
        return sb.toString();
    }

    /** The most frequent miss reasons with one example each. */
    public static String misses(Score s, int limit) {
        Map<String, List<Score.Miss>> byReason = new java.util.LinkedHashMap<>();
        for (Score.Miss m : s.misses()) byReason.computeIfAbsent(reasonKind(m.reason()), k -> new java.util.ArrayList<>()).add(m);
        StringBuilder sb = new StringBuilder();
        byReason.entrySet().stream().sorted((x, y) -> y.getValue().size() - x.getValue().size()).limit(limit).forEach(e -> {
            Score.Miss m = e.getValue().get(0);
            sb.append(String.format("- %s (%d in the sample): %s, \"%s\" — %s: %s%n", e.getKey(), e.getValue().size(), m.figure(),
                    m.indicator(), m.reason(), m.file()));
        });
        return sb.toString();
    }

    /** The reason with its figures blanked, so that misses of one kind group together. */
    private static String reasonKind(String reason) {
        return reason.replaceAll("[0-9.]+", "N");
    }
}
