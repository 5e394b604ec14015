package vn.solieu.audit;

import vn.solieu.facts.Fact;
import vn.solieu.text.VietNumber;
import vn.solieu.text.VietText;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a fact's figure sits inside its quoted sentence ({@code text}), found by reading the
 * numbers of the sentence back, and a quote clipped around it for evidence.
 */
final class Quotes {
    private Quotes() {}

    static final int MAX_QUOTE = 320;
    private static final Pattern NUMBER = Pattern.compile("(?<![\\d.,])\\d+(?:[.,]\\d+)*");

    /** A figure's span in a text: [start, end). */
    record Span(int start, int end) {}

    /** Every place in {@code text} where the fact's figure is written ("27.634/44.101", "708"). */
    static List<Span> occurrences(Fact f, String text) {
        List<Span> out = new ArrayList<>();
        if (text == null) return out;
        List<int[]> numbers = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            Double v = VietNumber.parse(m.group(), VietNumber.Context.ANY);
            if (v == null) v = VietNumber.parse(m.group(), VietNumber.Context.COUNT);
            numbers.add(new int[]{m.start(), m.end()});
            values.add(v);
        }
        for (int i = 0; i < numbers.size(); i++) {
            int[] n = numbers.get(i);
            if (f.kind == Fact.Kind.ratio) {
                if (i + 1 < numbers.size() && same(values.get(i), f.numerator) && same(values.get(i + 1), f.denominator)) {
                    int[] d = numbers.get(i + 1);
                    String between = text.substring(n[1], d[0]);
                    if (between.matches("\\s*(?:[\\p{L}]+\\s*){0,3}/\\s*")) out.add(new Span(n[0], d[1]));
                }
            } else if (same(values.get(i), f.value) || f.kind == Fact.Kind.percent && f.percentText != null
                    && text.startsWith(f.percentText, n[0])) {
                out.add(new Span(n[0], n[1]));
            }
        }
        return out;
    }

    private static boolean same(Double a, Double b) {
        return a != null && b != null && Math.abs(a - b) < 1e-9;
    }

    /** The sentence, whitespace folded, clipped to about {@value #MAX_QUOTE} characters around the figure. */
    static String around(Fact f) {
        if (f.text == null) return null;
        String text = VietText.foldSpace(f.text);
        if (text.length() <= MAX_QUOTE) return text;
        List<Span> at = occurrences(f, text);
        int center = at.isEmpty() ? 0 : (at.get(0).start() + at.get(0).end()) / 2;
        int from = Math.max(0, Math.min(center - MAX_QUOTE / 2, text.length() - MAX_QUOTE));
        int to = Math.min(text.length(), from + MAX_QUOTE);
        // Cut at spaces so words stay whole.
        if (from > 0) {
            int sp = text.indexOf(' ', from);
            if (sp > 0 && sp < center) from = sp + 1;
        }
        if (to < text.length()) {
            int sp = text.lastIndexOf(' ', to);
            if (sp > center) to = sp;
        }
        return (from > 0 ? "… " : "") + text.substring(from, to) + (to < text.length() ? " …" : "");
    }
}
