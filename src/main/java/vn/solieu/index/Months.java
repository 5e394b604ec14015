package vn.solieu.index;

import vn.solieu.facts.Period;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Periods as month numbers ({@code year * 12 + month - 1}), so that "2024-02", "2024-Q1", "2024"
 * and a fact's own date window can be compared by range queries.
 */
public final class Months {
    private Months() {}

    /** A closed range of months. */
    public record Range(int from, int to) {}

    private static final Pattern PERIOD = Pattern.compile(
            "(\\d{4})(?:-(?:(\\d{1,2})|[Qq]([1-4])|[Hh]([12])))?");

    /** "2024-02" → Feb 2024; "2024-Q1" → Jan–Mar; "2024-H2" → Jul–Dec; "2024" → the year; else null. */
    public static Range parse(String period) {
        if (period == null) return null;
        Matcher m = PERIOD.matcher(period.strip());
        if (!m.matches()) return null;
        int year = Integer.parseInt(m.group(1));
        if (m.group(2) != null) return ofMonth(year, Integer.parseInt(m.group(2)));
        if (m.group(3) != null) return ofQuarter(year, Integer.parseInt(m.group(3)));
        if (m.group(4) != null) return ofHalf(year, Integer.parseInt(m.group(4)));
        return ofYear(year);
    }

    /** One month (1–12), or null for a month that does not exist. */
    public static Range ofMonth(int year, int month) {
        return month < 1 || month > 12 ? null : new Range(year * 12 + month - 1, year * 12 + month - 1);
    }

    /** Quarter 1–4. */
    public static Range ofQuarter(int year, int quarter) {
        return new Range(year * 12 + (quarter - 1) * 3, year * 12 + quarter * 3 - 1);
    }

    /** Half 1 (Jan–Jun) or 2 (Jul–Dec). */
    public static Range ofHalf(int year, int half) {
        return new Range(year * 12 + (half - 1) * 6, year * 12 + half * 6 - 1);
    }

    public static Range ofYear(int year) {
        return new Range(year * 12, year * 12 + 11);
    }

    /**
     * The report's period when it states one, else the fact's own window or as-of date. An open
     * window ("từ tháng 5/2023", no end) reaches to the end of time, so a bounded filter leaves it out.
     */
    public static Range of(String reportPeriod, Period period) {
        Range r = parse(reportPeriod);
        if (r != null || period == null) return r;
        LocalDate from = period.from() != null ? period.from() : period.asOf();
        LocalDate to = period.to() != null ? period.to() : period.asOf();
        if (from == null && to == null) return null;
        return new Range(from == null ? Integer.MIN_VALUE : month(from), to == null ? Integer.MAX_VALUE : month(to));
    }

    /**
     * The shortest label of a range, in the forms {@link #parse} reads: "2024-02", "2024-Q1",
     * "2024-H1", "2024"; whole years "2023..2024"; anything else "2024-01..2024-05".
     */
    public static String label(Range r) {
        int y = Math.floorDiv(r.from(), 12), first = Math.floorMod(r.from(), 12), length = r.to() - r.from() + 1;
        if (length == 1) return monthLabel(r.from());
        if (length == 3 && first % 3 == 0) return y + "-Q" + (first / 3 + 1);
        if (length == 6 && first % 6 == 0) return y + "-H" + (first / 6 + 1);
        if (first == 0 && Math.floorMod(r.to(), 12) == 11) {
            int last = Math.floorDiv(r.to(), 12);
            return last == y ? Integer.toString(y) : y + ".." + last;
        }
        return monthLabel(r.from()) + ".." + monthLabel(r.to());
    }

    private static String monthLabel(int month) {
        return String.format("%04d-%02d", Math.floorDiv(month, 12), Math.floorMod(month, 12) + 1);
    }

    public static int month(LocalDate d) {
        return d.getYear() * 12 + d.getMonthValue() - 1;
    }
}
