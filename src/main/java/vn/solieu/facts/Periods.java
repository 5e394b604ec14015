package vn.solieu.facts;

import vn.solieu.rules.MatchStarts;
import vn.solieu.rules.RuleBook;
import vn.solieu.rules.RuleFile;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads periods (periods.yaml): a figure's window, and the report's own period. */
final class Periods {
    private record PeriodRule(String id, String type, MatchStarts starts) {}

    /** A period found in a text, with where it ends (only phrases before a figure apply to it). */
    record Found(Period period, int end) {}

    private final List<PeriodRule> periodRules = new ArrayList<>();
    private final List<PeriodRule> reportRules = new ArrayList<>();
    /** The period rules' possible beginnings, listed in one pass over a text. */
    private final MatchStarts.Group periodStarts;

    Periods(RuleBook rules) {
        for (Map<String, Object> r : RuleFile.list(rules.periods(), "periods")) periodRules.add(rule(r));
        for (Map<String, Object> r : RuleFile.list(rules.periods(), "report-period")) reportRules.add(rule(r));
        this.periodStarts = new MatchStarts.Group(periodRules.stream().map(PeriodRule::starts).toList());
    }

    private static PeriodRule rule(Map<String, Object> r) {
        Pattern pattern = Pattern.compile((String) r.get("pattern"), Pattern.UNICODE_CHARACTER_CLASS);
        return new PeriodRule((String) r.get("id"), (String) r.get("type"), MatchStarts.of(pattern));
    }

    /** Every period phrase in {@code text}, in order. */
    List<Found> all(String text) {
        List<Found> out = new ArrayList<>();
        boolean[] used = new boolean[text.length() + 1];
        int[][] beginnings = periodStarts.beginnings(text);
        for (int r = 0; r < periodRules.size(); r++) {
            PeriodRule rule = periodRules.get(r);
            if (rule.starts.narrows() && beginnings[r].length == 0) continue;
            Matcher m = rule.starts.matcher(text);
            for (int from = 0; rule.starts.find(m, text, from, beginnings[r]); from = MatchStarts.next(m)) {
                if (used[m.start()]) continue;
                Period p = read(rule.type, m);
                if (p == null) continue;
                for (int i = m.start(); i < m.end(); i++) used[i] = true;
                out.add(new Found(p, m.end()));
            }
        }
        out.sort((a, b) -> Integer.compare(a.end, b.end));
        return out;
    }

    /** The last period phrase of {@code text} that ends before {@code before}, or null. */
    Period lastBefore(String text, int before) {
        Period last = null;
        for (Found f : all(text)) if (f.end <= before) last = f.period;
        return last;
    }

    private static Period read(String type, Matcher m) {
        try {
            return switch (type) {
                case "window" -> {
                    int y2 = Integer.parseInt(m.group("y2"));
                    int y1 = m.group("y1") != null ? Integer.parseInt(m.group("y1")) : y2;
                    LocalDate from = LocalDate.of(y1, num(m, "m1"), num(m, "d1"));
                    LocalDate to = LocalDate.of(y2, num(m, "m2"), num(m, "d2"));
                    if (m.group("y1") == null && from.isAfter(to)) from = from.minusYears(1);
                    yield Period.window(from, to);
                }
                case "asOf" -> Period.asOf(LocalDate.of(num(m, "y"), num(m, "m"), num(m, "d")));
                case "since" -> new Period(LocalDate.of(num(m, "y"), num(m, "m"), num(m, "d")), null, null);
                case "year" -> Period.window(LocalDate.of(num(m, "y"), 1, 1), LocalDate.of(num(m, "y"), 12, 31));
                default -> null;
            };
        } catch (DateTimeException | NumberFormatException e) {
            return null; // "31/02/2024" is a typo, not a period
        }
    }

    private static int num(Matcher m, String g) {
        return Integer.parseInt(m.group(g));
    }

    /** The report's own period ("2024-02", "2024-Q1", "2024-H1", "2024") from the first text that has one. */
    ReportPeriod reportPeriod(List<String> texts, LocalDate latestDate) {
        for (String text : texts) {
            for (PeriodRule rule : reportRules) {
                Matcher m = rule.starts.matcher(text);
                if (!rule.starts.find(m, text, 0)) continue;
                if (rule.type.equals("year-of-latest-date")) {
                    if (latestDate == null) continue;
                    return new ReportPeriod(Integer.toString(latestDate.getYear()), latestDate);
                }
                try {
                    int y = Integer.parseInt(m.group("y"));
                    switch (rule.type) {
                        case "month" -> {
                            YearMonth ym = YearMonth.of(y, Integer.parseInt(m.group("m")));
                            return new ReportPeriod(ym.toString(), ym.atEndOfMonth());
                        }
                        case "quarter" -> {
                            int q = quarter(m.group("q"));
                            return new ReportPeriod(y + "-Q" + q, YearMonth.of(y, q * 3).atEndOfMonth());
                        }
                        case "half" -> {
                            boolean first = m.group("h").startsWith("đ");
                            return new ReportPeriod(y + (first ? "-H1" : "-H2"), first ? LocalDate.of(y, 6, 30) : LocalDate.of(y, 12, 31));
                        }
                        case "year" -> {
                            return new ReportPeriod(Integer.toString(y), LocalDate.of(y, 12, 31));
                        }
                        default -> { }
                    }
                } catch (DateTimeException | NumberFormatException ignored) {
                    // not a period after all; try the next rule
                }
            }
        }
        return null;
    }

    private static int quarter(String q) {
        return switch (q) {
            case "I", "1" -> 1;
            case "II", "2" -> 2;
            case "III", "3" -> 3;
            default -> 4;
        };
    }

    record ReportPeriod(String label, LocalDate end) {}
}
