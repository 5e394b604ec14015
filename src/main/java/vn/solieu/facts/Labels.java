package vn.solieu.facts;

import vn.solieu.reference.Indicators;
import vn.solieu.rules.RuleBook;
import vn.solieu.rules.RuleFile;
import vn.solieu.text.VietText;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Reads a figure's indicator label from its block (labels.yaml explains the steps). */
final class Labels {
    private final List<String> leading;
    private final List<String> trailing;
    private final int maxWords;
    private final int headWords;
    private final int verbWords;
    private final int lineWords;
    private final int serviceWords;
    private final List<Pattern> leadingPatterns;
    private final Indicators indicators;

    Labels(RuleBook rules) {
        this.leading = sorted(RuleFile.strings(rules.labels(), "leading"));
        this.trailing = sorted(RuleFile.strings(rules.labels(), "trailing"));
        this.maxWords = RuleFile.integer(rules.labels(), "max-words", 14);
        this.headWords = RuleFile.integer(rules.labels(), "head-words", 6);
        this.verbWords = RuleFile.integer(rules.labels(), "verb-words", 5);
        this.lineWords = RuleFile.integer(rules.labels(), "line-words", 16);
        this.serviceWords = RuleFile.integer(rules.labels(), "service-words", 40);
        this.indicators = rules.indicators();
        this.leadingPatterns = RuleFile.strings(rules.labels(), "leading-patterns").stream()
                .map(p -> Pattern.compile("^(?:" + p + ")[,\\s]*", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)).toList();
    }

    private static List<String> sorted(List<String> words) {
        return words.stream().map(w -> VietText.nfc(w).toLowerCase(Locale.ROOT)).sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    // Compiled once: labels are read for every figure.
    private static final Pattern BRACKETED = Pattern.compile("\\([^()]*\\)");
    private static final Pattern CLAUSE_BREAK_OR_DIGIT = Pattern.compile(".*[;()\\d].*");
    private static final Pattern CLAUSE_BREAK = Pattern.compile(".*[;()].*");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern ATTAINMENT = Pattern.compile("(đạt|chiếm|bằng)( tỷ lệ| tỉ lệ)?( khoảng| gần| hơn)?");
    private static final Pattern LOOSE_ENDS = Pattern.compile("^[-+–•,:\\s]+|[,:\\s]+$");
    private static final Pattern LEADING_COMMAS = Pattern.compile("^[,\\s]+");

    private static final Pattern HARD_BOUNDARY = Pattern.compile("[;(){}\\[\\]]|\\.\\s|\\.$|\\+ |^- ");
    private static final Pattern SOFT_BOUNDARY = Pattern.compile("[;(){}\\[\\],:…]|\\.\\s|\\.$|\\svà\\s");

    /**
     * Where a figure sits in its block.
     *
     * @param text      the block text
     * @param blockFrom where the block's own words start (after its marker)
     * @param from      where this figure's clause may start (after the figure before it)
     * @param start     start of the figure; {@code end} its own end (number and unit)
     * @param pctStart  start of the attached percentage, or -1
     * @param factEnd   end of the fact (with an attached percentage)
     * @param nextStart start of the next figure, or the text length
     * @param count     true for counts: their unit is part of what they measure
     * @param unit      the unit, or null
     * @param previous  the label of the figure before it in the same sentence, or null
     * @param borrow    true when the figure measures what the one before it measured (a change)
     */
    record Place(String text, int blockFrom, int from, int start, int end, int pctStart, int factEnd, int nextStart,
                 boolean count, String unit, String previous, boolean borrow) {}

    String label(Place p) {
        String text = p.text();
        if (p.borrow() && p.previous() != null) return p.previous();
        // 1. The phrase before a colon right before the figure ("+ Đăng ký thường trú: 1229/1229").
        int colon = colonBefore(text, p.blockFrom(), p.start());
        if (colon >= 0) {
            int leadStart = leadStart(text, p.blockFrom(), colon);
            String label = clean(text.substring(leadStart, colon));
            boolean bulletLead = leadStart <= p.blockFrom() + 1;
            if (!bulletLead && (FIGURE_INSIDE.matcher(BRACKETED.matcher(label).replaceAll("")).find() || words(label) > maxWords)) {
                label = afterLastComma(label);
            }
            if (!label.isEmpty()) return label;
        }
        // 1b. A service line (a bullet or a line of its own) whose lead is followed by a short verb phrase
        // ("+ Đăng ký tạm trú: đã giải quyết 1268/1291 hồ sơ"): the lead names the ratio, the verb only
        // says what was done. (A count after an agency's name, "+ Tòa án …: công bố 29 bản án", is
        // named by its own clause.)
        int leadColon = text.lastIndexOf(':', p.start() - 1);
        if (!p.count() && p.from() == p.blockFrom() && leadColon > p.blockFrom()) {
            String between = text.substring(leadColon + 1, p.start());
            if (!CLAUSE_BREAK_OR_DIGIT.matcher(between).matches() && words(between) <= verbWords && leadStart(text, p.blockFrom(), leadColon) <= p.blockFrom() + 1) {
                String lead = clean(text.substring(p.blockFrom(), leadColon));
                if (!lead.isEmpty() && words(lead) <= 25) return lead;
            }
        }
        // 2. The clause around the figure: words before it, (a count's unit), words after it. The first
        // figure of a bullet with no colon takes the bullet's words whole, commas and all
        // ("- Cấp, cấp lại, sửa đổi, bổ sung hộ chiếu phổ thông đạt 800/800 hồ sơ"); so does the first
        // ratio or percentage of a line of its own (a count there is prose: "Công an tỉnh thực hiện
        // kiểm tra, bảo dưỡng … 02 hệ thống" is named by its clause).
        // A longer line is taken whole only when it names a known service (indicators.yaml): official
        // names run long ("Đăng ký thuế lần đầu, … là hộ gia đình, cá nhân đạt 2.839/2.855").
        boolean lineHead = (p.blockFrom() > 0 || !p.count()) && p.from() == p.blockFrom() && leadColon < p.blockFrom()
                && lastBoundaryOutsideQuotes(text, p.blockFrom(), p.start()) == p.blockFrom();
        int lineLength = lineHead ? words(text.substring(p.blockFrom(), p.start())) : 0;
        String serviceLine = lineHead && lineLength > lineWords && lineLength <= serviceWords ? clean(text.substring(p.blockFrom(), p.start())) : null;
        if (serviceLine != null && indicators.match(serviceLine).isEmpty()) serviceLine = null;
        boolean bulletHead = lineHead && (lineLength <= lineWords || serviceLine != null);
        int soft = bulletHead ? p.blockFrom() : lastBoundary(text, SOFT_BOUNDARY, p.from(), p.start());
        String head = serviceLine != null ? serviceLine : lastWords(clean(text.substring(soft, p.start())), headWords);
        String tail = tail(text, p.end(), p.pctStart() > p.end() ? p.pctStart() : p.nextStart());
        if (tail.isEmpty() && p.factEnd() > p.end()) tail = tail(text, p.factEnd(), p.nextStart());
        if (head.isEmpty() && p.previous() != null && (tail.isEmpty() || startsWithAttainment(text, soft, p.start()))) return p.previous();
        StringBuilder b = new StringBuilder(head);
        String unit = p.unit();
        // A ratio's unit joins its label when words follow it ("650.000/700.000 dữ liệu dân cư").
        boolean unitFollowedByTail = !tail.isEmpty() && p.pctStart() < 0;
        boolean withUnit = (p.count() || words(head) <= 1 || unitFollowedByTail) && unit != null && !containsWords(head, unit) && !startsWithUnit(tail, unit);
        if (withUnit && !head.isEmpty()) b.append(' ').append(unit);
        if (!tail.isEmpty()) {
            if (b.length() > 0) b.append(' ');
            else if (withUnit) b.append(unit).append(' ');
            b.append(tail);
        }
        if (!head.isEmpty() || !tail.isEmpty()) return VietText.foldSpace(b.toString());
        // 3. Inside brackets with nothing around it ("(đạt 99,31%)"): the clause the bracket explains.
        int open = text.lastIndexOf('(', p.start());
        if (open > p.blockFrom()) {
            int leadStart = leadStart(text, p.blockFrom(), open);
            int c = text.lastIndexOf(':', open);
            if (c >= leadStart) leadStart = c + 1;
            String l = shorten(clean(text.substring(leadStart, open)));
            if (!l.isEmpty()) return l;
        }
        // 4. The block's own lead ("- Kết quả … đối với các cơ sở giáo dục: …").
        int lead = text.indexOf(": ", p.blockFrom());
        if (lead > p.blockFrom() && lead < p.start()) {
            String l = clean(text.substring(p.blockFrom(), lead));
            if (!l.isEmpty() && words(l) <= 40) return l;
        }
        return p.previous() != null ? p.previous() : "";
    }

    private static int words(String s) {
        return s.isBlank() ? 0 : SPACES.split(s.strip()).length;
    }

    private static boolean containsWords(String phrase, String unit) {
        return (" " + phrase.toLowerCase(Locale.ROOT) + " ").contains(" " + unit.toLowerCase(Locale.ROOT) + " ");
    }

    // A lead that itself holds a figure ("Trong tháng phát sinh 44.101 lượt …, trong đó có …:") is named by its last part.
    private static final Pattern FIGURE_INSIDE = Pattern.compile("\\d{3,}|\\d[.,/]\\d|%|\\d+\\s+\\p{L}");

    /** The part after the last comma that is outside brackets and quotes; "" when there is none. */
    private String afterLastComma(String label) {
        int depth = 0;
        for (int i = label.length() - 1; i >= 0; i--) {
            char c = label.charAt(i);
            if (c == ')' || c == '”') depth++;
            else if ((c == '(' || c == '“') && depth > 0) depth--;
            else if (c == ',' && depth == 0) return clean(label.substring(i + 1));
        }
        return "";
    }

    /** Position of a colon that only filler words separate from the figure, or -1. */
    private int colonBefore(String text, int from, int figStart) {
        int colon = text.lastIndexOf(':', figStart - 1);
        if (colon < from) return -1;
        String between = text.substring(colon + 1, figStart);
        if (CLAUSE_BREAK.matcher(between).matches()) return -1;
        return clean(between).isEmpty() ? colon : -1;
    }

    /** Where the phrase ending at {@code end} starts: back over balanced brackets and quotes, to a ";", a sentence end, an open bracket or a colon. */
    private static int leadStart(String text, int from, int end) {
        int depth = 0;
        for (int i = end - 1; i >= from; i--) {
            char c = text.charAt(i);
            if (c == ')' || c == '”') depth++;
            else if (c == '(' || c == '“') {
                if (depth == 0) return i + 1;
                depth--;
            } else if (depth == 0 && (c == ';' || c == ':' || c == '.' && i + 1 < text.length() && text.charAt(i + 1) == ' ')) {
                return i + 1;
            }
        }
        return from;
    }

    private static String lastWords(String s, int n) {
        String[] words = s.split(" ");
        if (words.length <= n) return s;
        return String.join(" ", java.util.Arrays.copyOfRange(words, words.length - n, words.length));
    }

    private static boolean startsWithUnit(String tail, String unit) {
        return tail.toLowerCase(Locale.ROOT).startsWith(unit.toLowerCase(Locale.ROOT));
    }

    /** "…, đạt 58,8 % số công dân …": a bare attainment continues the figure before it. */
    private static boolean startsWithAttainment(String text, int from, int to) {
        String s = VietText.foldSpace(text.substring(from, to)).toLowerCase(Locale.ROOT);
        return ATTAINMENT.matcher(s).matches();
    }

    /** Words after a figure up to the next clause break or figure; a bracket right after it is skipped. */
    private String tail(String text, int figEnd, int nextStart) {
        int begin = figEnd;
        while (begin < text.length() && text.charAt(begin) == ' ') begin++;
        if (begin < text.length() && text.charAt(begin) == '(') {
            // "18 văn bản (06 Nghị quyết, 12 Quyết định) còn hiệu lực …": the bracket details, the words after it name.
            int close = text.indexOf(')', begin);
            if (close < 0) return "";
            begin = close + 1;
            if (nextStart < begin) nextStart = text.length();
        }
        int end = begin;
        int limit = Math.min(text.length(), nextStart);
        while (end < limit) {
            char c = text.charAt(end);
            if (",;:()[]…".indexOf(c) >= 0 || c == '.' && (end + 1 == text.length() || text.charAt(end + 1) == ' ')) break;
            end++;
        }
        String t = VietText.foldSpace(text.substring(begin, Math.max(begin, end)));
        String[] w = t.isEmpty() ? new String[0] : t.split(" ");
        if (w.length > maxWords) t = String.join(" ", java.util.Arrays.copyOf(w, maxWords));
        return stripTrailing(t);
    }

    /** As lastBoundary with HARD_BOUNDARY, but a ";" or bracket inside “quotes” belongs to a quoted name. */
    private static int lastBoundaryOutsideQuotes(String text, int from, int to) {
        return lastBoundary(text, HARD_BOUNDARY, from, to, true);
    }

    private static boolean insideQuotes(String text, int from, int at) {
        int open = text.lastIndexOf('“', at);
        return open >= from && text.lastIndexOf('”', at) < open && text.indexOf('”', at) >= 0;
    }

    private static int lastBoundary(String text, Pattern boundary, int from, int to) {
        return lastBoundary(text, boundary, from, to, false);
    }

    /** The end of the last {@code boundary} in text[from, to), else {@code from}; with {@code skipQuoted}, not one inside “quotes”. */
    private static int lastBoundary(String text, Pattern boundary, int from, int to, boolean skipQuoted) {
        var m = boundary.matcher(text).region(from, to);
        m.useTransparentBounds(true);
        int last = from;
        while (m.find()) if (!skipQuoted || !insideQuotes(text, from, m.start())) last = m.end();
        return last;
    }

    /** Drops discourse openers and dangling verbs from the ends of a phrase. */
    String clean(String phrase) {
        String s = LOOSE_ENDS.matcher(VietText.foldSpace(phrase)).replaceAll("");
        boolean changed = true;
        while (changed && !s.isEmpty()) {
            changed = false;
            String lower = s.toLowerCase(Locale.ROOT);
            for (Pattern p : leadingPatterns) {
                // Anchored at the start ("^(?:…)"), so only the start is tried.
                var m = p.matcher(s);
                if (m.lookingAt() && m.end() > 0) {
                    s = s.substring(m.end());
                    lower = s.toLowerCase(Locale.ROOT);
                    changed = true;
                }
            }
            for (String w : leading) {
                if (lower.equals(w)) return "";
                if (lower.startsWith(w) && lower.length() > w.length() && (lower.charAt(w.length()) == ' ' || lower.charAt(w.length()) == ',')) {
                    s = LEADING_COMMAS.matcher(s.substring(w.length())).replaceAll("");
                    changed = true;
                    break;
                }
            }
            String stripped = stripTrailing(s);
            if (!stripped.equals(s)) {
                s = stripped;
                changed = true;
            }
        }
        return s;
    }

    private String stripTrailing(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        for (String w : trailing) {
            if (lower.equals(w)) return "";
            if (lower.endsWith(w) && lower.length() > w.length() && lower.charAt(lower.length() - w.length() - 1) == ' ') {
                return s.substring(0, s.length() - w.length()).strip();
            }
        }
        return s;
    }

    /** At most max-words words: a longer phrase keeps what follows its last comma. */
    private String shorten(String label) {
        if (label.split(" ").length <= maxWords) return label;
        int comma = label.lastIndexOf(", ");
        if (comma > 0) {
            String rest = clean(label.substring(comma + 2));
            if (!rest.isEmpty()) return shorten(rest);
        }
        return label;
    }
}
