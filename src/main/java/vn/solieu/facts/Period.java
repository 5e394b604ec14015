package vn.solieu.facts;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** The window a figure covers: {@code from}–{@code to}, or a single {@code asOf} date ("tính đến ngày …"). */
public record Period(LocalDate from, LocalDate to, LocalDate asOf) {
    public static Period window(LocalDate from, LocalDate to) {
        return new Period(from, to, null);
    }

    public static Period asOf(LocalDate date) {
        return new Period(null, null, date);
    }

    /** The last day this period speaks of: {@code to} or {@code asOf}. */
    public LocalDate end() {
        return asOf != null ? asOf : to;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        if (from != null) m.put("from", from.toString());
        if (to != null) m.put("to", to.toString());
        if (asOf != null) m.put("asOf", asOf.toString());
        return m;
    }

    public static Period fromMap(Map<?, ?> m) {
        if (m == null) return null;
        return new Period(date(m.get("from")), date(m.get("to")), date(m.get("asOf")));
    }

    private static LocalDate date(Object o) {
        return o == null ? null : LocalDate.parse(o.toString());
    }
}
