package vn.solieu.audit;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The contract's report periods ("2024-02", "2024-Q1", "2024-H1", "2024") as date ranges. */
final class ReportPeriods {
    private ReportPeriods() {}

    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern HALF = Pattern.compile("(\\d{4})-H([12])");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");

    /** A period as [first, last] day and its kind's usual length in days, or null when unparsed. */
    record Range(LocalDate first, LocalDate last, String kind, int nominalDays) {}

    static Range parse(String reportPeriod) {
        if (reportPeriod == null) return null;
        Matcher m;
        if ((m = MONTH.matcher(reportPeriod)).matches()) {
            YearMonth ym = YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            return new Range(ym.atDay(1), ym.atEndOfMonth(), "monthly", 31);
        }
        if ((m = QUARTER.matcher(reportPeriod)).matches()) {
            int y = Integer.parseInt(m.group(1)), q = Integer.parseInt(m.group(2));
            LocalDate first = LocalDate.of(y, 3 * q - 2, 1);
            return new Range(first, first.plusMonths(3).minusDays(1), "quarterly", 92);
        }
        if ((m = HALF.matcher(reportPeriod)).matches()) {
            int y = Integer.parseInt(m.group(1)), h = Integer.parseInt(m.group(2));
            LocalDate first = LocalDate.of(y, h == 1 ? 1 : 7, 1);
            return new Range(first, first.plusMonths(6).minusDays(1), "half-yearly", 184);
        }
        if ((m = YEAR.matcher(reportPeriod)).matches()) {
            int y = Integer.parseInt(m.group(1));
            return new Range(LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31), "yearly", 366);
        }
        return null;
    }
}
