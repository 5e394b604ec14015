package vn.solieu.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import vn.solieu.facts.Fact;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One audit finding, the record of the contract (../shared/spec/records.md, "Audit finding
 * record"): {@code check}, {@code severity}, {@code message}, {@code facts}, {@code province},
 * {@code reportPeriod}, {@code expected}, {@code actual}. Extension: {@code evidence}, where each
 * fact involved was read (file, page, offsets) and the sentence quoted, so a finding can be
 * checked without the index.
 */
public record AuditFinding(String check, Severity severity, String message, List<String> facts,
                           String province, String reportPeriod, Double expected, Double actual,
                           List<Evidence> evidence) {

    public static final String RATIO_OVER_ONE = "ratio_over_one";
    public static final String PERCENT_MISMATCH = "percent_mismatch";
    public static final String PARTS_VS_TOTAL = "parts_vs_total";
    public static final String CONFLICTING_DUPLICATE = "conflicting_duplicate";
    public static final String CUMULATIVE_DECREASE = "cumulative_decrease";
    public static final String CROSS_PROVINCE_OUTLIER = "cross_province_outlier";
    public static final String PERIOD_ANOMALY = "period_anomaly";
    public static final List<String> CHECKS = List.of(RATIO_OVER_ONE, PERCENT_MISMATCH, PARTS_VS_TOTAL,
            CONFLICTING_DUPLICATE, CUMULATIVE_DECREASE, CROSS_PROVINCE_OUTLIER, PERIOD_ANOMALY);

    /**
     * error: arithmetically impossible or contradictory; warning: off beyond the rounding the
     * report wrote; info: unusual or a sloppy convention (a truncated percentage), worth a look.
     */
    public enum Severity { error, warning, info }

    /** Where one fact of a finding was read, with the sentence quoted (clipped around the figure). */
    public record Evidence(String fact, String file, Integer page, int start, int end, String quote, String figure,
                           int markStart, int markEnd) {
        static Evidence of(Fact f) {
            String quote = Quotes.around(f);
            List<Quotes.Span> at = Quotes.occurrences(f, quote);
            return new Evidence(f.id, f.source == null ? null : f.source.file(), f.source == null ? null : f.source.page(),
                    f.source == null ? -1 : f.source.start(), f.source == null ? -1 : f.source.end(),
                    quote, VnFormat.figure(f), at.isEmpty() ? -1 : at.get(0).start(), at.isEmpty() ? -1 : at.get(0).end());
        }

        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("fact", fact);
            m.put("file", file);
            m.put("page", page);
            m.put("start", start);
            m.put("end", end);
            m.put("figure", figure);
            m.put("quote", quote);
            // Where the figure sits in the quote, for highlighting; absent when it could not be found.
            if (markStart >= 0) m.put("quoteMark", List.of(markStart, markEnd));
            return m;
        }
    }

    static AuditFinding of(String check, Severity severity, String message, List<Evidence> evidence,
                           String province, String reportPeriod, Double expected, Double actual) {
        List<String> ids = new ArrayList<>();
        for (Evidence e : evidence) if (e.fact() != null && !ids.contains(e.fact())) ids.add(e.fact());
        return new AuditFinding(check, severity, message, List.copyOf(ids), province, reportPeriod, expected, actual, List.copyOf(evidence));
    }

    /** The contract's fields in its order, then the evidence. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("check", check);
        m.put("severity", severity.name());
        m.put("message", message);
        m.put("facts", facts);
        m.put("province", province);
        m.put("reportPeriod", reportPeriod);
        m.put("expected", num(expected));
        m.put("actual", num(actual));
        List<Map<String, Object>> ev = new ArrayList<>();
        for (Evidence e : evidence) ev.add(e.toMap());
        m.put("evidence", ev);
        return m;
    }

    private static final ObjectMapper JSON = new ObjectMapper().disable(JsonGenerator.Feature.ESCAPE_NON_ASCII);

    public String toJson() {
        try {
            return JSON.writeValueAsString(toMap());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object num(Double d) {
        if (d == null) return null;
        if (d == Math.rint(d) && Math.abs(d) < 1e15) return d.longValue();
        return Math.round(d * 1e4) / 1e4;
    }
}
