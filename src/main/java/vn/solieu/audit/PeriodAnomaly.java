package vn.solieu.audit;

import vn.solieu.audit.AuditFinding.Evidence;
import vn.solieu.audit.AuditFinding.Severity;
import vn.solieu.facts.Fact;
import vn.solieu.facts.Period;
import vn.solieu.text.VietText;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code period_anomaly}: a window that does not fit its report. Within one report:
 * <ul>
 * <li>a window that ends before it starts (error);</li>
 * <li>a window or "tính đến" date after the end of the report's own period (warning);</li>
 * <li>in a monthly or quarterly report (or, without a report period, next to a dominant window),
 *     a window more than 1,5 times the usual length that ends where the report's main window
 *     ends, as "từ 16/01/2023 đến 15/02/2024" beside "từ 16/01/2024 đến 15/02/2024" in a monthly
 *     report. Warning when moving its start by whole years gives the main window (a typo), info
 *     otherwise. Sections that say they are cumulative ("lũy kế", "từ đầu năm", "đến nay") are
 *     left alone.</li>
 * </ul>
 */
public final class PeriodAnomaly {
    private PeriodAnomaly() {}

    private static final Pattern CUMULATIVE = Pattern.compile("lũy kế|luỹ kế|từ đầu năm|đến nay|tính đến|tính từ", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern DATE_IN_HEADING = Pattern.compile("\\d{1,2}/\\d{1,2}/\\d{4}");
    private static final int MAX_IDS = 100;

    public static List<AuditFinding> check(List<Fact> reportFacts) {
        Map<Period, List<Fact>> windows = new LinkedHashMap<>();
        Map<String, Integer> periods = new HashMap<>();
        List<Fact> asOf = new ArrayList<>();
        String province = null;
        for (Fact f : reportFacts) {
            if (f.reportPeriod != null) periods.merge(f.reportPeriod, 1, Integer::sum);
            if (province == null) province = f.province;
            if (f.period == null) continue;
            if (f.period.from() != null && f.period.to() != null) {
                windows.computeIfAbsent(Period.window(f.period.from(), f.period.to()), k -> new ArrayList<>()).add(f);
            } else if (f.period.asOf() != null) {
                asOf.add(f);
            }
        }
        String reportPeriod = periods.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
        ReportPeriods.Range range = ReportPeriods.parse(reportPeriod);
        List<AuditFinding> out = new ArrayList<>();

        Period main = null;
        for (Map.Entry<Period, List<Fact>> e : windows.entrySet()) {
            if (e.getKey().from().isAfter(e.getKey().to())) continue;
            if (main == null || e.getValue().size() > windows.get(main).size()) main = e.getKey();
        }
        for (Map.Entry<Period, List<Fact>> e : windows.entrySet()) {
            Period w = e.getKey();
            List<Fact> facts = e.getValue();
            String where = sectionOf(facts.get(0));
            if (w.from().isAfter(w.to())) {
                out.add(finding(Severity.error, String.format("%s gives the window %s, which ends before it starts.",
                        where, VnFormat.period(w)), facts, null, province, reportPeriod, null, (double) days(w)));
                continue;
            }
            if (range != null && w.to().isAfter(range.last())) {
                out.add(finding(Severity.warning, String.format("%s covers %s, which ends after the report's own period %s (last day %s).",
                        where, VnFormat.period(w), shown(reportPeriod), VnFormat.date(range.last())),
                        facts, null, province, reportPeriod, null, null));
                continue;
            }
            if (main == null || w.equals(main) || !w.to().equals(main.to())) continue;
            if (range != null && !(range.kind().equals("monthly") || range.kind().equals("quarterly"))) continue;
            if (range == null && windows.size() < 2) continue;
            long nominal = range != null ? range.nominalDays() : days(main);
            if (days(w) <= nominal * 1.5 + 3) continue;
            if (CUMULATIVE.matcher(String.join(" ", facts.get(0).section)).find()) continue;
            LocalDate typoFor = yearTypo(w.from(), main.from());
            String msg = String.format("%s covers %s (%d days) in a %s report%s whose main window is %s (%d days)%s.",
                    where, VnFormat.period(w), days(w), range != null ? range.kind() : "",
                    reportPeriod != null ? " for " + shown(reportPeriod) : "", VnFormat.period(main), days(main),
                    typoFor != null ? "; " + VnFormat.date(w.from()) + " is probably a typo for " + VnFormat.date(typoFor) : "");
            out.add(finding(typoFor != null ? Severity.warning : Severity.info, msg, facts, windows.get(main).get(0),
                    province, reportPeriod, (double) days(main), (double) days(w)));
        }
        if (range != null) {
            for (Fact f : asOf) {
                if (!f.period.asOf().isAfter(range.last())) continue;
                out.add(finding(Severity.warning, String.format("%s is stated as of %s, after the end of the report's own period %s.",
                        VnFormat.figure(f), VnFormat.date(f.period.asOf()), shown(reportPeriod)),
                        List.of(f), null, province, reportPeriod, null, null));
            }
        }
        return out;
    }

    private static AuditFinding finding(Severity severity, String message, List<Fact> facts, Fact comparison,
                                        String province, String reportPeriod, Double expected, Double actual) {
        List<Evidence> ev = new ArrayList<>();
        for (int i = 0; i < facts.size() && i < MAX_IDS; i++) ev.add(Evidence.of(facts.get(i)));
        if (comparison != null) ev.add(Evidence.of(comparison));
        return AuditFinding.of(AuditFinding.PERIOD_ANOMALY, severity, message, ev, province, reportPeriod, expected, actual);
    }

    /** {@code start} moved by whole years lands on {@code expected}: a mistyped year. */
    private static LocalDate yearTypo(LocalDate start, LocalDate expected) {
        if (start.getDayOfMonth() != expected.getDayOfMonth() || start.getMonth() != expected.getMonth()) return null;
        return start.getYear() != expected.getYear() ? expected : null;
    }

    private static long days(Period w) {
        return ChronoUnit.DAYS.between(w.from(), w.to()) + 1;
    }

    /** The heading that states the window (innermost with a date), quoted. */
    private static String sectionOf(Fact f) {
        for (int i = f.section.size() - 1; i >= 0; i--) {
            if (DATE_IN_HEADING.matcher(f.section.get(i)).find()) return "Section “" + VietText.foldSpace(f.section.get(i)) + "”";
        }
        return f.section.isEmpty() ? "A figure" : "Section “" + VietText.foldSpace(f.section.get(f.section.size() - 1)) + "”";
    }

    /** "2024-02" → "02/2024" as reports write it. */
    private static String shown(String reportPeriod) {
        if (reportPeriod == null) return "";
        if (reportPeriod.matches("\\d{4}-\\d{2}")) return reportPeriod.substring(5) + "/" + reportPeriod.substring(0, 4);
        return reportPeriod;
    }
}
