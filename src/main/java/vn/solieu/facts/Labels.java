package vn.solieu.facts;

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
    private final List<Pattern> leadingPatterns;

    Labels(RuleBook rules) {
        this.leading = sorted(RuleFile.strings(rules.labels(), "leading"));
        this.trailing = sorted(RuleFile.strings(rules.labels(), "trailing"));
        Object max = rules.labels().get("max-words");
        this.maxWords = max instanceof Number n ? n.intValue() : 14;
        Object head = rules.labels().get("head-words");
        this.headWords = head instanceof Number n ? n.intValue() : 6;
        this.leadingPatterns = RuleFile.strings(rules.labels(), "leading-patterns").stream()
                .map(p -> Pattern.compile("^(?:" + p + ")[,\\s]*", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)).toList();
    }

    private static List<String> sorted(List<String> words) {
        return words.stream().map(w -> VietText.nfc(w).toLowerCase(Locale.ROOT)).sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    private static final Pattern HARD_BOUNDARY = Pattern.compile("[;(){}\\[\\]]|\\.\\s|\\.$|\\+ |^- ");
    private static final Pattern SOFT_BOUNDARY = Pattern.compile("[;(){}\\[\\],:…]|\\.\\s|\\.$|\\svà\\s");

    /**
     * @param text     the block text
     * @param from     where the block's own words start (after its marker)
     * @param figStart start of the figure
     * @param figEnd   end of the figure (with its unit and attached percentage)
     * @param unit     the figure's unit, or null
     * @param previous the label of the figure before it in the same sentence, or null
     * @param borrow   true when the figure measures what the one before it measured (a change)
     */
    String label(String text, int from, int figStart, int figEnd, String unit, boolean unitAdjacent, String previous, boolean borrow) {
        if (borrow && previous != null) return previous;
        // 1. The phrase before a colon right before the figure ("+ Đăng ký thường trú: 1229/1229").
        int colon = colonBefore(text, from, figStart);
        if (colon >= 0) {
            int leadStart = leadStart(text, from, colon);
            String label = clean(text.substring(leadStart, colon));
            if (FIGURE_INSIDE.matcher(label.replaceAll("\\([^()]*\\)", "")).find()) label = afterLastComma(label);
            if (!label.isEmpty()) return label;
        }
        // 2. The clause around the figure: words before it, its unit, words after it.
        int soft = lastBoundary(text, SOFT_BOUNDARY, from, figStart);
        String head = lastWords(clean(text.substring(soft, figStart)), headWords);
        String tail = tail(text, figEnd);
        if (head.isEmpty() && previous != null && (tail.isEmpty() || startsWithAttainment(text, soft, figStart))) return previous;
        StringBuilder b = new StringBuilder(head);
        if (unit != null && !head.isEmpty()) b.append(' ').append(unit);
        if (!tail.isEmpty()) {
            if (b.length() > 0) b.append(' ');
            else if (unit != null && unitAdjacent && !startsWithUnit(tail, unit)) b.append(unit).append(' ');
            b.append(tail);
        }
        String label = VietText.foldSpace(b.toString());
        if (!label.isEmpty() && !(head.isEmpty() && tail.isEmpty())) return label;
        // 3. Inside brackets with nothing around it ("(đạt 99,31%)"): the clause the bracket explains.
        int open = text.lastIndexOf('(', figStart);
        if (open > from) {
            int leadStart = leadStart(text, from, open);
            int c = text.lastIndexOf(':', open);
            if (c >= leadStart) leadStart = c + 1;
            String l = shorten(clean(text.substring(leadStart, open)));
            if (!l.isEmpty()) return l;
        }
        // 4. The block's own lead ("- Kết quả … đối với các cơ sở giáo dục: …").
        int lead = text.indexOf(": ", from);
        if (lead > from && lead < figStart) {
            String l = clean(text.substring(from, lead));
            if (!l.isEmpty() && l.split(" ").length <= 30) return l;
        }
        return previous != null ? previous : "";
    }

    // A lead that itself holds a figure ("Trong tháng phát sinh 44.101 lượt …, trong đó có …:") is named by its last part.
    private static final Pattern FIGURE_INSIDE = Pattern.compile("\\d{3,}|\\d[.,/]\\d|%");

    private String afterLastComma(String label) {
        int comma = label.lastIndexOf(", ");
        return comma < 0 ? "" : clean(label.substring(comma + 2));
    }

    /** Position of a colon that only filler words separate from the figure, or -1. */
    private int colonBefore(String text, int from, int figStart) {
        int colon = text.lastIndexOf(':', figStart - 1);
        if (colon < from) return -1;
        String between = text.substring(colon + 1, figStart);
        if (between.matches(".*[;()].*")) return -1;
        return clean(between).isEmpty() ? colon : -1;
    }

    /** Where the phrase ending at {@code end} starts: back over balanced brackets, to a ";", a sentence end, an open bracket or a colon. */
    private static int leadStart(String text, int from, int end) {
        int depth = 0;
        for (int i = end - 1; i >= from; i--) {
            char c = text.charAt(i);
            if (c == ')') depth++;
            else if (c == '(') {
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
        return s.matches("(đạt|chiếm|bằng)( tỷ lệ| tỉ lệ)?( khoảng| gần| hơn)?");
    }

    private String tail(String text, int figEnd) {
        int end = figEnd;
        while (end < text.length()) {
            char c = text.charAt(end);
            if (",;:()[]".indexOf(c) >= 0 || c == '.' && (end + 1 == text.length() || text.charAt(end + 1) == ' ')) break;
            if (Character.isDigit(c)) break; // the next figure starts a new thought
            end++;
        }
        String t = VietText.foldSpace(text.substring(figEnd, end));
        return t.length() > 90 ? "" : stripTrailing(t);
    }

    private static int lastBoundary(String text, Pattern boundary, int from, int to) {
        var m = boundary.matcher(text).region(from, to);
        m.useTransparentBounds(true);
        int last = from;
        while (m.find()) last = m.end();
        return last;
    }

    /** Drops discourse openers and dangling verbs from the ends of a phrase. */
    String clean(String phrase) {
        String s = VietText.foldSpace(phrase).replaceAll("^[-+–•,:\\s]+|[,:\\s]+$", "");
        boolean changed = true;
        while (changed && !s.isEmpty()) {
            changed = false;
            String lower = s.toLowerCase(Locale.ROOT);
            for (Pattern p : leadingPatterns) {
                var m = p.matcher(s);
                if (m.find() && m.end() > 0) {
                    s = s.substring(m.end());
                    lower = s.toLowerCase(Locale.ROOT);
                    changed = true;
                }
            }
            for (String w : leading) {
                if (lower.equals(w)) return "";
                if (lower.startsWith(w + " ") || lower.startsWith(w + ",")) {
                    s = s.substring(w.length()).replaceAll("^[,\\s]+", "");
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
            if (lower.endsWith(" " + w)) return s.substring(0, s.length() - w.length()).strip();
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
