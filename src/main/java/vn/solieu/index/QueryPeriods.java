package vn.solieu.index;

import vn.solieu.rules.RuleFile;
import vn.solieu.text.VietText;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the periods a researcher writes into a search query ("tháng 2/2024", "quý I/2024",
 * "năm 2024", "2024") with the {@code query-period} rules of periods.yaml, and takes them out of
 * the words: the search then filters by period instead of asking every hit to contain "2024".
 * Immutable and safe to share between threads.
 */
public final class QueryPeriods {
    private record Rule(String type, Pattern pattern) {}
    private static final java.util.Set<String> TYPES = java.util.Set.of("month", "quarter", "half", "year");

    /**
     * What a query says: its words without the period phrases, and the months those phrases span
     * (null when the query names no period).
     */
    public record Read(String words, Months.Range period) {
        /** The span as a period label: "2024-02", "2024-Q1", "2024-H1", "2024", "2023..2024" or "2024-01..2024-05". */
        public String periodLabel() {
            return period == null ? null : Months.label(period);
        }
    }

    private final List<Rule> rules = new ArrayList<>();
    private final List<String> joiners;

    private QueryPeriods(Map<String, Object> periodsYaml) {
        for (Map<String, Object> r : RuleFile.list(periodsYaml, "query-period")) {
            String type = (String) r.get("type");
            if (!TYPES.contains(type)) {
                throw new IllegalArgumentException("periods.yaml: query-period rule " + r.get("id") + " has type \"" + type + "\", not month, quarter, half or year");
            }
            rules.add(new Rule(type, Pattern.compile((String) r.get("pattern"))));
        }
        this.joiners = RuleFile.strings(periodsYaml, "query-period-joiners").stream().map(VietText::fold).toList();
    }

    /** The query-period rules of {@code rulesDir}/periods.yaml (none there: queries keep their words). */
    public static QueryPeriods load(Path rulesDir) {
        return new QueryPeriods(RuleFile.read(rulesDir, "periods.yaml"));
    }

    public Read read(String query) {
        if (query == null || query.isBlank() || rules.isEmpty()) return new Read(query, null);
        String text = VietText.nfc(query);
        String folded = foldInPlace(text);
        boolean[] taken = protectedSpans(folded);
        List<int[]> phrases = new ArrayList<>();
        Months.Range span = null;
        for (Rule rule : rules) {
            Matcher m = rule.pattern.matcher(folded);
            while (m.find()) {
                if (m.end() == m.start() || !free(taken, m.start(), m.end()) || !standsAlone(folded, m.start(), m.end())) continue;
                Months.Range r = range(rule.type, m);
                if (r == null) continue;
                for (int i = m.start(); i < m.end(); i++) taken[i] = true;
                phrases.add(new int[]{joinersBefore(folded, m.start()), m.end()});
                span = span == null ? r : new Months.Range(Math.min(span.from(), r.from()), Math.max(span.to(), r.to()));
            }
        }
        if (span == null) return new Read(query, null);
        phrases.sort((a, b) -> Integer.compare(a[0], b[0]));
        StringBuilder words = new StringBuilder();
        int at = 0;
        for (int[] p : phrases) {
            if (p[0] > at) words.append(text, at, p[0]).append(' ');
            at = Math.max(at, p[1]);
        }
        words.append(text.substring(at));
        return new Read(VietText.foldSpace(words.toString()), span);
    }

    /** Each char folded on its own, so offsets in the folded text are offsets in the query. */
    private static String foldInPlace(String text) {
        char[] out = new char[text.length()];
        for (int i = 0; i < out.length; i++) {
            String f = VietText.fold(String.valueOf(text.charAt(i)));
            out[i] = f.length() == 1 ? f.charAt(0) : Character.toLowerCase(text.charAt(i));
        }
        return new String(out);
    }

    /** Quoted phrases, ranges ("[2023 TO 2024]") and field terms ("reportPeriod:2024-02") are read as written. */
    private static boolean[] protectedSpans(String q) {
        boolean[] spans = new boolean[q.length()];
        int i = 0;
        while (i < q.length()) {
            char c = q.charAt(i);
            int start = i;
            int end;
            if (c == '"') {
                end = closing(q, i + 1, '"');
            } else if (c == '[' || c == '{') {
                end = closing(q, i + 1, c == '[' ? ']' : '}');
            } else if (c == ':') {
                while (start > 0 && !Character.isWhitespace(q.charAt(start - 1))) start--;
                char next = i + 1 < q.length() ? q.charAt(i + 1) : ' ';
                end = next == '"' ? closing(q, i + 2, '"')
                        : next == '[' ? closing(q, i + 2, ']')
                        : next == '{' ? closing(q, i + 2, '}')
                        : wordEnd(q, i + 1);
            } else {
                i++;
                continue;
            }
            for (int k = start; k < end; k++) spans[k] = true;
            i = end;
        }
        return spans;
    }

    /** Just past the closing mark, or the end of the query when it is missing. */
    private static int closing(String q, int from, char mark) {
        int at = q.indexOf(mark, from);
        return at < 0 ? q.length() : at + 1;
    }

    private static int wordEnd(String q, int from) {
        int at = from;
        while (at < q.length() && !Character.isWhitespace(q.charAt(at))) at++;
        return at;
    }

    private static boolean free(boolean[] taken, int from, int to) {
        for (int i = from; i < to; i++) if (taken[i]) return false;
        return true;
    }

    /** Not part of a word or a number: "1.2024", "12/2024,5", "2024%", "06/2022/TT-BCA" and "t2" inside "dot2" are not periods. */
    private static boolean standsAlone(String q, int start, int end) {
        if (start > 0) {
            char b = q.charAt(start - 1);
            if (Character.isLetterOrDigit(b)) return false;
            if ((b == '.' || b == ',' || b == '/') && start > 1 && Character.isDigit(q.charAt(start - 2))) return false;
        }
        if (end < q.length()) {
            char a = q.charAt(end);
            // A slash after it makes a document number ("Thông tư 06/2022/TT-BCA"), never a period.
            if (Character.isLetterOrDigit(a) || a == '%' || a == '/') return false;
            if ((a == '.' || a == ',') && end + 1 < q.length() && Character.isDigit(q.charAt(end + 1))) return false;
        }
        return true;
    }

    /** Where the joining words right before a period begin ("từ tháng 1/2024", "giai đoạn 2023"). */
    private int joinersBefore(String q, int start) {
        int at = start;
        boolean moved = true;
        while (moved) {
            moved = false;
            int end = at;
            while (end > 0 && q.charAt(end - 1) == ' ') end--;
            for (String j : joiners) {
                int from = end - j.length();
                if (from >= 0 && q.startsWith(j, from) && (from == 0 || !Character.isLetter(j.charAt(0)) || !Character.isLetterOrDigit(q.charAt(from - 1)))) {
                    at = from;
                    moved = true;
                    break;
                }
            }
        }
        return at;
    }

    private static Months.Range range(String type, Matcher m) {
        int y = Integer.parseInt(m.group("y"));
        return switch (type) {
            case "month" -> Months.ofMonth(y, Integer.parseInt(m.group("m")));
            case "quarter" -> Months.ofQuarter(y, switch (m.group("q")) {
                case "i", "1" -> 1;
                case "ii", "2" -> 2;
                case "iii", "3" -> 3;
                default -> 4;
            });
            case "half" -> Months.ofHalf(y, m.group("h").equals("dau") || m.group("h").equals("1") ? 1 : 2);
            default -> Months.ofYear(y);
        };
    }
}
