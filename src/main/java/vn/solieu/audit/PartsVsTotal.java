package vn.solieu.audit;

import vn.solieu.audit.AuditFinding.Evidence;
import vn.solieu.audit.AuditFinding.Severity;
import vn.solieu.audit.Quotes.Span;
import vn.solieu.facts.Fact;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code parts_vs_total}: parts that should make a whole and do not. Works on the facts of one
 * report as the extractor emits them (each with its sentence {@code text} and offsets), in two
 * shapes only, to stay clear of false alarms:
 * <ul>
 * <li>a list: a count, right after its unit an opener — "(", "gồm:", "trong đó:" — and then only
 *     counts at the top level of the list, inline ("708 thủ tục (376 … và 342 …)") or as the
 *     following bullets that each start with a count of the same unit ("51 nhiệm vụ …, trong
 *     đó: + 07 nhiệm vụ …; + 30 nhiệm vụ …; + 14 nhiệm vụ … (trong đó, có 04 …)"). A list after
 *     "(" or "gồm" is a whole split into parts; after "trong đó" it may be a subset, so only parts
 *     exceeding the whole count there. Any ratio or percentage at the top level of the list, or
 *     fewer than two parts, and the list is left alone.</li>
 * <li>a split: a ratio followed by "còn"/"chưa" and a ratio over the same denominator or a count
 *     of the same unit ("314.639/318.187 trường hợp, đạt …; còn 3.448/318.187 trường hợp").
 *     Ratios over different denominators ("27.634/44.101 … trong đó: 25.054/27.634") are a
 *     chain, not a split.</li>
 * </ul>
 */
public final class PartsVsTotal {
    private PartsVsTotal() {}

    /** How the parts were written: a list of counts, or a "còn" split of one denominator. */
    public enum Shape { list, split }

    /** A whole and the parts the text gives for it; {@code exhaustive} when the parts should add up to it exactly. */
    public record Group(Shape shape, Fact whole, List<Fact> parts, double total, double sum, boolean exhaustive) {
        public boolean consistent() {
            return Math.abs(sum - total) < 1e-9 || !exhaustive && sum < total;
        }
    }

    private record Located(Fact fact, int start, int end, int sentence) {}

    private static final Pattern PAREN = Pattern.compile("^\\s*\\(\\s*(trong\\s+đó)?");
    private static final Pattern OPENER = Pattern.compile(
            "^(?:\\s*\\p{L}+){0,6}?\\s*[,;:]?\\s*(?<!\\p{L})(bao\\s+gồm|gồm|trong\\s+đó)(?:\\s+có)?\\s*[:,]?", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern REMAINDER = Pattern.compile("(?<!\\p{L})(còn|chưa)(?!\\p{L})", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern SENTENCE_END = Pattern.compile("\\.(?=\\s)|\\.$");
    private static final Pattern BULLET = Pattern.compile("^[\\s\\-+•*–]*");

    /** The groups found in one report's facts (any order; facts of other files are ignored by the caller). */
    public static List<Group> groups(List<Fact> reportFacts) {
        List<Fact> facts = new ArrayList<>(reportFacts);
        facts.removeIf(f -> f.source == null || f.text == null);
        facts.sort(Comparator.comparingInt(f -> f.source.start()));
        List<String> texts = new ArrayList<>();
        List<List<Located>> sentences = new ArrayList<>();
        int i = 0;
        while (i < facts.size()) {
            int j = i;
            while (j < facts.size() && Objects.equals(facts.get(j).text, facts.get(i).text)) j++;
            texts.add(facts.get(i).text);
            sentences.add(locate(facts.subList(i, j), facts.get(i).text, sentences.size()));
            i = j;
        }
        List<Group> out = new ArrayList<>();
        for (int s = 0; s < sentences.size(); s++) {
            List<Located> located = sentences.get(s);
            String text = texts.get(s);
            for (int k = 0; k < located.size(); k++) {
                Group g = list(located, k, text, sentences, texts);
                if (g == null) g = split(located, k, text);
                if (g != null) out.add(g);
            }
        }
        return out;
    }

    /** The findings of one report: groups whose parts do not make their whole. */
    public static List<AuditFinding> check(List<Fact> reportFacts) {
        List<AuditFinding> out = new ArrayList<>();
        for (Group g : groups(reportFacts)) {
            if (g.consistent()) continue;
            out.add(finding(g));
        }
        return out;
    }

    private static AuditFinding finding(Group g) {
        Fact whole = g.whole();
        List<String> partFigures = new ArrayList<>();
        for (Fact p : g.parts()) partFigures.add(VnFormat.number(p.kind == Fact.Kind.ratio ? p.numerator : p.value));
        if (g.shape() == Shape.split) partFigures.add(0, VnFormat.number(whole.numerator));
        String sum = String.join(" + ", partFigures) + " = " + VnFormat.number(g.sum());
        String wholeText = VnFormat.number(g.total()) + (whole.unit == null ? "" : " " + whole.unit);
        boolean over = g.sum() > g.total();
        String msg = g.shape() == Shape.list
                ? String.format("%s are listed as %s, which is %s the whole by %s.", wholeText, sum,
                    over ? "more than" : "less than", VnFormat.number(Math.abs(g.sum() - g.total())))
                : String.format("The two parts of %s do not make it: %s, %s by %s.", wholeText, sum,
                    over ? "more than the whole" : "short of the whole", VnFormat.number(Math.abs(g.sum() - g.total())));
        List<Evidence> ev = new ArrayList<>();
        ev.add(Evidence.of(whole));
        for (Fact p : g.parts()) ev.add(Evidence.of(p));
        return AuditFinding.of(AuditFinding.PARTS_VS_TOTAL, over ? Severity.error : Severity.warning, msg, ev,
                whole.province, whole.reportPeriod, g.total(), g.sum());
    }

    // ---- list: a count followed by "(", "gồm", "trong đó" and counts ----

    private static Group list(List<Located> located, int k, String text, List<List<Located>> sentences, List<String> texts) {
        Located whole = located.get(k);
        Fact t = whole.fact();
        if (t.kind != Fact.Kind.count || !whole(t)) return null;
        int pos = whole.end();
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) pos++;
        if (t.unit != null && text.regionMatches(true, pos, t.unit, 0, t.unit.length())) pos += t.unit.length();
        String rest = text.substring(pos);
        int openerEnd;
        boolean exhaustive;
        int listEnd;
        Matcher paren = PAREN.matcher(rest);
        Matcher opener = OPENER.matcher(rest);
        if (paren.find()) {
            openerEnd = pos + paren.end();
            exhaustive = paren.group(1) == null;
            listEnd = closing(text, pos + rest.indexOf('('));
        } else if (opener.find()) {
            openerEnd = pos + opener.end();
            exhaustive = !opener.group(1).toLowerCase(Locale.ROOT).startsWith("trong");
            listEnd = listEnd(text, openerEnd);
        } else {
            return null;
        }
        List<Fact> parts = new ArrayList<>();
        for (Located l : located) {
            if (l.start() < openerEnd || l.start() >= listEnd) continue;
            if (depth(text, openerEnd, l.start()) != 0) continue;
            if (l.fact().kind != Fact.Kind.count || !whole(l.fact())) return null;
            parts.add(l.fact());
        }
        if (parts.isEmpty() && text.substring(openerEnd).isBlank()) {
            parts = bulletParts(t, sentences, texts, whole.sentence() + 1);
        }
        if (parts.size() < 2) return null;
        double sum = 0;
        for (Fact p : parts) sum += p.value;
        return new Group(Shape.list, t, List.copyOf(parts), t.value, sum, exhaustive);
    }

    /** The following bullets, each opening with a count of the whole's unit ("+ 07 nhiệm vụ …"). */
    private static List<Fact> bulletParts(Fact whole, List<List<Located>> sentences, List<String> texts, int from) {
        List<Fact> parts = new ArrayList<>();
        if (whole.unit == null) return parts;
        for (int s = from; s < sentences.size(); s++) {
            List<Located> located = sentences.get(s);
            if (located.isEmpty()) break;
            Located first = located.get(0);
            Fact f = first.fact();
            Matcher lead = BULLET.matcher(texts.get(s));
            int bodyStart = lead.find() ? lead.end() : 0;
            if (f.kind != Fact.Kind.count || !whole(f) || first.start() > bodyStart + 2
                    || f.unit == null || !f.unit.equalsIgnoreCase(whole.unit)) break;
            parts.add(f);
        }
        return parts;
    }

    // ---- split: x/y … còn z/y ----

    private static Group split(List<Located> located, int k, String text) {
        Located first = located.get(k);
        Fact r = first.fact();
        // "đạt khoảng 98,9%" makes the percentage approximate, not the ratio written beside it.
        if (r.kind != Fact.Kind.ratio || r.bound != null || !integral(r.numerator) || !integral(r.denominator)) return null;
        Located next = null;
        for (int n = k + 1; n < located.size(); n++) {
            if (located.get(n).fact().kind != Fact.Kind.percent) {
                next = located.get(n);
                break;
            }
        }
        if (next == null || next.start() < first.end()) return null;
        String between = text.substring(first.end(), next.start());
        Matcher m = REMAINDER.matcher(between);
        int last = -1;
        while (m.find()) last = m.end();
        if (last < 0 || between.length() - last > 25) return null;
        Fact x = next.fact();
        double part;
        if (x.kind == Fact.Kind.ratio && x.denominator != null && x.denominator.equals(r.denominator) && integral(x.numerator)) {
            part = x.numerator;
        } else if (x.kind == Fact.Kind.count && whole(x) && r.unit != null && r.unit.equalsIgnoreCase(x.unit)) {
            part = x.value;
        } else {
            return null;
        }
        return new Group(Shape.split, r, List.of(x), r.denominator, r.numerator + part, true);
    }

    // ---- locating figures in their sentence ----

    /**
     * Each fact's figure in its sentence. The sentence's start in the document is the offset most
     * facts agree on (fact start − figure position), so repeated numbers are told apart.
     */
    private static List<Located> locate(List<Fact> facts, String text, int sentence) {
        Map<Fact, List<Span>> spans = new HashMap<>();
        Map<Integer, Integer> votes = new HashMap<>();
        for (Fact f : facts) {
            List<Span> at = Quotes.occurrences(f, text);
            spans.put(f, at);
            for (Span s : at) votes.merge(f.source.start() - s.start(), 1, Integer::sum);
        }
        Integer anchor = votes.entrySet().stream().max(Map.Entry.<Integer, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).map(Map.Entry::getKey).orElse(null);
        List<Located> out = new ArrayList<>();
        Set<Integer> used = new HashSet<>();
        for (Fact f : facts) {
            Span chosen = null;
            for (Span s : spans.get(f)) {
                if (anchor != null && f.source.start() - s.start() == anchor) chosen = s;
            }
            if (chosen == null && anchor != null) {
                // Line breaks folded out of the quote shift later figures a little: take the nearest free one.
                int expected = f.source.start() - anchor;
                for (Span s : spans.get(f)) {
                    if (used.contains(s.start())) continue;
                    if (chosen == null || Math.abs(s.start() - expected) < Math.abs(chosen.start() - expected)) chosen = s;
                }
            }
            if (chosen == null) continue;
            used.add(chosen.start());
            out.add(new Located(f, chosen.start(), chosen.end(), sentence));
        }
        out.sort(Comparator.comparingInt(Located::start));
        return out;
    }

    private static int closing(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') depth++;
            else if (c == ')' && --depth == 0) return i;
        }
        return text.length();
    }

    /** An inline list runs to the end of its sentence or to a ")" that closes an outer bracket. */
    private static int listEnd(String text, int from) {
        int depth = 0;
        Matcher end = SENTENCE_END.matcher(text);
        int sentenceEnd = end.find(from) ? end.start() : text.length();
        for (int i = from; i < sentenceEnd; i++) {
            char c = text.charAt(i);
            if (c == '(') depth++;
            else if (c == ')' && --depth < 0) return i;
        }
        return sentenceEnd;
    }

    private static int depth(String text, int from, int to) {
        int depth = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '(') depth++;
            else if (c == ')') depth--;
        }
        return depth;
    }

    /** A count that can be a whole or a part: an exact integer, not "khoảng", "hơn", "trên". */
    private static boolean whole(Fact f) {
        return f.value != null && integral(f.value) && !f.approximate && f.bound == null;
    }

    private static boolean integral(Double d) {
        return d != null && d == Math.rint(d);
    }
}
