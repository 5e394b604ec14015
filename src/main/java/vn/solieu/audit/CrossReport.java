package vn.solieu.audit;

import vn.solieu.audit.AuditFinding.Evidence;
import vn.solieu.audit.AuditFinding.Severity;
import vn.solieu.facts.Fact;
import vn.solieu.text.VietText;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checks that compare figures across sentences, reports and provinces:
 * {@code conflicting_duplicate}, {@code cumulative_decrease}, {@code cross_province_outlier}.
 * Facts stream through {@link #add}; only what the checks need is kept — per key the distinct
 * figures with the first place each was read (a clipped quote, not the fact) — so memory grows
 * with the number of distinct indicator × province × period keys, not with the facts.
 */
final class CrossReport {
    /** Fewer provinces than this and "far from the others" means nothing. */
    static final int MIN_PROVINCES = 5;
    /** Iglewicz–Hoaglin: a modified z-score above 3,5 marks an outlier. */
    static final double OUTLIER_Z = 3.5;
    private static final int MAX_FIGURES_PER_KEY = 50;
    private static final Pattern CUMULATIVE_WORDS = Pattern.compile("tính đến|lũy kế|luỹ kế|đến nay|tính từ|từ đầu năm", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** What is kept of a fact: its figure, where it was read, and a short quote. */
    /** {@code lead}: the label is the lead of its own line ("+ Đăng ký tạm trú: 274/275 hồ sơ"), a service line. */
    record Seen(Evidence evidence, String file, String sentence, String label, String figureKey, String figure,
                double value, Double rate, String province, String reportPeriod, String indicator, boolean lead) {}

    private record DupKey(String province, String indicatorId, String period, Fact.Kind kind, String unit) {}
    private record CumKey(String province, String indicatorId, Fact.Kind kind, String unit) {}
    private record OutKey(String indicatorId, String period) {}
    private record CumSeen(LocalDate date, Seen seen, boolean ambiguous) {}

    private final Map<DupKey, List<Seen>> duplicates = new LinkedHashMap<>();
    private final Map<CumKey, Map<String, CumSeen>> cumulative = new LinkedHashMap<>();
    private final Map<OutKey, Map<String, List<Seen>>> rates = new LinkedHashMap<>();

    void add(Fact f, String indicatorId, boolean cumulativeByNature, String indicatorName) {
        if (indicatorId == null || f.province == null || f.source == null) return;
        if (f.kind == Fact.Kind.percent && Boolean.TRUE.equals(f.change)) return;
        Seen seen = seen(f, indicatorName);
        if (seen == null) return;
        String period = periodKey(f);
        if (period != null) {
            List<Seen> list = duplicates.computeIfAbsent(new DupKey(f.province, indicatorId, period, f.kind, unit(f)), k -> new ArrayList<>());
            boolean known = list.stream().anyMatch(s -> s.file().equals(seen.file()) && s.label().equals(seen.label()) && s.figureKey().equals(seen.figureKey()));
            if (!known && list.size() < MAX_FIGURES_PER_KEY) list.add(seen);
            if (seen.rate() != null) {
                rates.computeIfAbsent(new OutKey(indicatorId, period), k -> new LinkedHashMap<>())
                        .computeIfAbsent(f.province, k -> new ArrayList<>());
                List<Seen> byProvince = rates.get(new OutKey(indicatorId, period)).get(f.province);
                if (byProvince.size() < MAX_FIGURES_PER_KEY) byProvince.add(seen);
            }
        }
        boolean isCumulative = cumulativeByNature || f.period != null && f.period.asOf() != null
                || f.text != null && CUMULATIVE_WORDS.matcher(f.text).find();
        if (isCumulative && f.kind != Fact.Kind.percent) {
            LocalDate date = dateOf(f);
            if (date != null) {
                Map<String, CumSeen> byFile = cumulative.computeIfAbsent(new CumKey(f.province, indicatorId, f.kind, unit(f)), k -> new LinkedHashMap<>());
                CumSeen prev = byFile.get(seen.file());
                if (prev == null) byFile.put(seen.file(), new CumSeen(date, seen, false));
                else if (prev.seen().value() != seen.value()) byFile.put(seen.file(), new CumSeen(prev.date(), prev.seen(), true));
            }
        }
    }

    List<AuditFinding> finish() {
        List<AuditFinding> out = new ArrayList<>();
        duplicates.forEach((k, list) -> conflicts(k, list, out));
        cumulative.forEach((k, byFile) -> decreases(k, byFile, out));
        rates.forEach((k, byProvince) -> outliers(k, byProvince, out));
        return out;
    }

    // ---- conflicting_duplicate ----

    /**
     * Two figures conflict when they are in different sentences (or bullets) and either carry the same label
     * (in one report or two) or are each the only figure their report gives for the key. A report
     * with several figures under one canonical indicator ("Cấp mới", "Cấp lại" under "Lĩnh vực
     * cấp hộ chiếu") is only compared label by label.
     */
    private static void conflicts(DupKey key, List<Seen> list, List<AuditFinding> out) {
        Map<String, Set<String>> figuresByFile = new HashMap<>();
        for (Seen s : list) figuresByFile.computeIfAbsent(s.file(), k -> new LinkedHashSet<>()).add(s.figureKey());
        List<Seen> conflicting = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            for (int j = i + 1; j < list.size(); j++) {
                Seen a = list.get(i), b = list.get(j);
                if (a.figureKey().equals(b.figureKey()) || a.sentence().equals(b.sentence())) continue;
                // Only lines that name their figure (a service line, "+ Đăng ký tạm trú: …") contradict each
                // other by label; a clause label shared by several figures ("… toàn trình" per level, per
                // course) is a breakdown, in one report and in its copies in other formats alike.
                boolean sameLabel = a.label().equals(b.label()) && a.lead() && b.lead();
                boolean soleFigures = !a.file().equals(b.file()) && figuresByFile.get(a.file()).size() == 1 && figuresByFile.get(b.file()).size() == 1;
                if (!sameLabel && !soleFigures) continue;
                if (!conflicting.contains(a)) conflicting.add(a);
                if (!conflicting.contains(b)) conflicting.add(b);
            }
        }
        if (conflicting.isEmpty()) return;
        List<String> parts = new ArrayList<>();
        List<Evidence> ev = new ArrayList<>();
        for (Seen s : conflicting) {
            if (parts.size() < 4) parts.add(s.figure() + " (" + place(s) + ")");
            ev.add(s.evidence());
        }
        Seen first = conflicting.get(0), second = conflicting.get(1);
        String msg = String.format("%s, %s, %s is reported with different figures: %s; at most one can be right.",
                first.indicator(), key.province(), periodShown(key.period()), String.join(" and ", parts));
        out.add(AuditFinding.of(AuditFinding.CONFLICTING_DUPLICATE, Severity.error, msg, ev, key.province(), first.reportPeriod(),
                first.value(), second.value()));
    }

    // ---- cumulative_decrease ----

    private static void decreases(CumKey key, Map<String, CumSeen> byFile, List<AuditFinding> out) {
        List<CumSeen> seq = new ArrayList<>();
        for (CumSeen c : byFile.values()) if (!c.ambiguous()) seq.add(c);
        if (seq.size() < 2) return;
        seq.sort(Comparator.comparing(CumSeen::date));
        for (int i = 1; i < seq.size(); i++) {
            CumSeen prev = seq.get(i - 1), cur = seq.get(i);
            if (!cur.date().isAfter(prev.date()) || cur.seen().value() >= prev.seen().value()) continue;
            String msg = String.format("%s, a running total for %s, falls from %s (%s, %s) to %s (%s, %s); a cumulative figure cannot fall unless the earlier one was wrong or the data were corrected.",
                    cur.seen().indicator(), key.province(), VnFormat.number(prev.seen().value()), VnFormat.date(prev.date()), place(prev.seen()),
                    VnFormat.number(cur.seen().value()), VnFormat.date(cur.date()), place(cur.seen()));
            out.add(AuditFinding.of(AuditFinding.CUMULATIVE_DECREASE, Severity.warning, msg, List.of(prev.seen().evidence(), cur.seen().evidence()),
                    key.province(), cur.seen().reportPeriod(), prev.seen().value(), cur.seen().value()));
        }
    }

    // ---- cross_province_outlier ----

    /**
     * Per province one rate (the median of what it reports for the key); a province is an
     * outlier when its modified z-score 0,6745·(x − median)/MAD exceeds 3,5 (Iglewicz and
     * Hoaglin). When more than half the provinces agree exactly (MAD = 0), the mean absolute
     * deviation × 1,2533 stands in for the MAD.
     */
    private static void outliers(OutKey key, Map<String, List<Seen>> byProvince, List<AuditFinding> out) {
        if (byProvince.size() < MIN_PROVINCES) return;
        Map<String, Double> rate = new LinkedHashMap<>();
        byProvince.forEach((p, seen) -> rate.put(p, median(seen.stream().map(Seen::rate).toList())));
        List<Double> values = new ArrayList<>(rate.values());
        double median = median(values);
        List<Double> deviations = values.stream().map(v -> Math.abs(v - median)).toList();
        double mad = median(deviations);
        double scale;
        String spread;
        if (mad > 1e-9) {
            scale = mad / 0.6745;
            spread = "median absolute deviation " + VnFormat.number(mad, 2) + " points";
        } else {
            double meanAd = deviations.stream().mapToDouble(Double::doubleValue).average().orElse(0);
            if (meanAd < 1e-9) return;
            scale = 1.253314 * meanAd;
            spread = "mean absolute deviation " + VnFormat.number(meanAd, 2) + " points (most provinces report the same rate)";
        }
        for (Map.Entry<String, Double> e : rate.entrySet()) {
            double z = (e.getValue() - median) / scale;
            if (Math.abs(z) <= OUTLIER_Z) continue;
            Seen s = byProvince.get(e.getKey()).get(0);
            String msg = String.format(Locale.ROOT, "%s: %s reports %s for %s, far %s the median of %d provinces, %s (robust z-score %s; %s).",
                    s.indicator(), e.getKey(), VnFormat.percent(e.getValue(), 2), periodShown(key.period()), z < 0 ? "below" : "above",
                    rate.size(), VnFormat.percent(median, 2), VnFormat.number(z, 1), spread);
            List<Evidence> ev = new ArrayList<>();
            for (Seen x : byProvince.get(e.getKey())) ev.add(x.evidence());
            out.add(AuditFinding.of(AuditFinding.CROSS_PROVINCE_OUTLIER, Severity.info, msg, ev, e.getKey(), s.reportPeriod(), median, e.getValue()));
        }
    }

    // ---- helpers ----

    private static final java.util.regex.Pattern LINE_MARKER = java.util.regex.Pattern.compile("^\\s*(?:[-+•*–]|\\d+(?:\\.\\d+)*\\.?|[a-zđ]\\))\\s*");

    private static Seen seen(Fact f, String indicatorName) {
        double value;
        Double rate = null;
        String figureKey;
        switch (f.kind) {
            case ratio -> {
                if (f.numerator == null || f.denominator == null) return null;
                value = f.numerator;
                figureKey = f.numerator + "/" + f.denominator;
                rate = f.computedPercent();
            }
            case percent -> {
                if (f.value == null) return null;
                value = f.value;
                rate = f.value;
                figureKey = "%" + f.value;
            }
            default -> {
                if (f.value == null) return null;
                value = f.value;
                figureKey = Double.toString(f.value);
            }
        }
        String label = f.indicator == null ? "" : VietText.matchKey(f.indicator);
        String name = indicatorName != null ? indicatorName : f.indicator;
        // Figures quoted from one sentence or bullet under one label are a breakdown
        // ("cấp tỉnh … 78,5/205 ngày; cấp huyện … 12/29 ngày"), not a contradiction.
        String quote = f.text == null ? "" : VietText.matchKey(LINE_MARKER.matcher(f.text).replaceFirst(""));
        boolean lead = !label.isEmpty() && quote.startsWith(label);
        return new Seen(Evidence.of(f), f.source.file(), f.source.file() + "#" + Objects.hashCode(f.text), label, figureKey,
                VnFormat.figure(f), value, rate, f.province, f.reportPeriod, name, lead);
    }

    private static String unit(Fact f) {
        return f.unit == null ? null : f.unit.toLowerCase(Locale.ROOT);
    }

    /** The window a figure covers, or the report's period when the text gives none. */
    static String periodKey(Fact f) {
        if (f.period != null) return VnFormat.period(f.period);
        return f.reportPeriod == null ? null : "report period " + f.reportPeriod;
    }

    private static String periodShown(String periodKey) {
        return periodKey;
    }

    private static LocalDate dateOf(Fact f) {
        if (f.period != null && f.period.end() != null) return f.period.end();
        ReportPeriods.Range r = ReportPeriods.parse(f.reportPeriod);
        return r == null ? null : r.last();
    }

    private static String place(Seen s) {
        Integer page = s.evidence().page();
        return s.file() + (page == null ? "" : " p." + page);
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
