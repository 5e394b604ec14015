package vn.solieu.facts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One figure read from a report: the record of ../shared/spec/records.md. Field names and
 * meanings are a public interface; {@link #toMap()} writes them in the contract's order and
 * {@link #fromMap(Map)} reads them back (the index stores the JSON).
 *
 * <p>Extensions beyond the contract: {@code approximate} ("khoảng 98,9%"), {@code bound}
 * ("hơn", "trên", "dưới"…), {@code ocr} and {@code ocrConfidence}, {@code table}.
 */
public final class Fact {
    public enum Kind { ratio, percent, count }

    public Kind kind;
    public Double numerator;
    public Double denominator;
    /** ratio: the percentage the text states for it, or null. */
    public Double percent;
    /** percent and count: the figure. */
    public Double value;
    /** percent: a rise or fall rather than a level. */
    public Boolean change;
    public String unit;
    public String indicator;
    public String indicatorId;
    public List<String> section = new ArrayList<>();
    public String province;
    public Period period;
    public String reportPeriod;
    public Source source;
    public String text;
    public String rule;
    public String id;

    // Extensions.
    public boolean approximate;
    public String bound;
    /** As written in the text, for audits that need the rounding the writer used ("42,9"). */
    public String percentText;
    public boolean ocr;
    public Double ocrConfidence;

    /** x/y as a percentage, or null when the ratio has no denominator. */
    public Double computedPercent() {
        if (kind != Kind.ratio || denominator == null || denominator == 0) return null;
        return numerator / denominator * 100.0;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", kind.name());
        switch (kind) {
            case ratio -> {
                m.put("numerator", num(numerator));
                m.put("denominator", num(denominator));
                m.put("percent", num(percent));
            }
            case percent -> {
                m.put("value", num(value));
                m.put("change", Boolean.TRUE.equals(change));
            }
            case count -> m.put("value", num(value));
        }
        m.put("unit", unit);
        m.put("indicator", indicator);
        m.put("indicatorId", indicatorId);
        m.put("section", section);
        m.put("province", province);
        m.put("period", period == null ? null : period.toMap());
        m.put("reportPeriod", reportPeriod);
        Map<String, Object> src = new LinkedHashMap<>();
        src.put("file", source.file());
        src.put("sha256", source.sha256());
        src.put("page", source.page());
        src.put("start", source.start());
        src.put("end", source.end());
        m.put("source", src);
        m.put("text", text);
        m.put("rule", rule);
        m.put("id", id);
        if (approximate) m.put("approximate", true);
        if (bound != null) m.put("bound", bound);
        if (percentText != null) m.put("percentText", percentText);
        if (ocr) {
            m.put("ocr", true);
            m.put("ocrConfidence", ocrConfidence);
        }
        return m;
    }

    @SuppressWarnings("unchecked")
    public static Fact fromMap(Map<String, Object> m) {
        Fact f = new Fact();
        f.kind = Kind.valueOf((String) m.get("kind"));
        f.numerator = dbl(m.get("numerator"));
        f.denominator = dbl(m.get("denominator"));
        f.percent = dbl(m.get("percent"));
        f.value = dbl(m.get("value"));
        f.change = (Boolean) m.get("change");
        f.unit = (String) m.get("unit");
        f.indicator = (String) m.get("indicator");
        f.indicatorId = (String) m.get("indicatorId");
        Object sec = m.get("section");
        if (sec instanceof List<?> l) for (Object o : l) f.section.add(String.valueOf(o));
        f.province = (String) m.get("province");
        f.period = Period.fromMap((Map<?, ?>) m.get("period"));
        f.reportPeriod = (String) m.get("reportPeriod");
        Map<String, Object> src = (Map<String, Object>) m.get("source");
        if (src != null) {
            Object page = src.get("page");
            f.source = new Source((String) src.get("file"), (String) src.get("sha256"),
                    page == null ? null : ((Number) page).intValue(),
                    ((Number) src.get("start")).intValue(), ((Number) src.get("end")).intValue());
        }
        f.text = (String) m.get("text");
        f.rule = (String) m.get("rule");
        f.id = (String) m.get("id");
        f.approximate = Boolean.TRUE.equals(m.get("approximate"));
        f.bound = (String) m.get("bound");
        f.percentText = (String) m.get("percentText");
        f.ocr = Boolean.TRUE.equals(m.get("ocr"));
        f.ocrConfidence = dbl(m.get("ocrConfidence"));
        return f;
    }

    /** Whole numbers print as integers (1512, not 1512.0): the contract's readers diff this text. */
    static Object num(Double d) {
        if (d == null) return null;
        if (d == Math.rint(d) && Math.abs(d) < 1e15) return d.longValue();
        return d;
    }

    private static Double dbl(Object o) {
        return o == null ? null : ((Number) o).doubleValue();
    }

    @Override
    public String toString() {
        return toMap().toString();
    }
}
