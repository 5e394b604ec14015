package vn.solieu.facts;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.tokensregex.TokenSequenceMatcher;
import vn.solieu.rules.FigureRule;
import vn.solieu.rules.MatchStarts;
import vn.solieu.rules.RelationRule;
import vn.solieu.rules.RuleBook;
import vn.solieu.rules.TokenStarts;
import vn.solieu.text.VietNumber;
import vn.solieu.text.VietText;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;

/**
 * Finds the figures of one block of text: stage 1 (figures.yaml) reads character shapes with
 * regular expressions, stage 2 (relations.yaml) relates figures to each other and to the words
 * around them with TokensRegex over our own tokens, each figure collapsed into one token.
 */
final class FigureFinder {
    private final RuleBook rules;
    /** Not-figures, then figures: their possible beginnings are listed in one pass over a block. */
    private final MatchStarts.Group starts;

    FigureFinder(RuleBook rules) {
        this.rules = rules;
        List<MatchStarts> all = new ArrayList<>();
        for (FigureRule r : rules.notFigures()) all.add(r.starts());
        for (FigureRule r : rules.figures()) all.add(r.starts());
        this.starts = new MatchStarts.Group(all);
    }

    /** A reader for the blocks of one document: one thread, one document at a time. */
    Scan scan() {
        return new Scan();
    }

    /**
     * Reads the blocks of one document. Keeps a matcher per rule for all of them (a matcher is
     * costly to build and every block needs several), so it is not to be shared between threads.
     */
    final class Scan {
        private final Matcher[] matchers = new Matcher[rules.notFigures().size() + rules.figures().size()];

        /** Figures of {@code text}; its first {@code skip} characters (a list marker, a footnote number) are not read. */
        List<Figure> find(String text, int skip) {
            return FigureFinder.this.find(text, skip, this);
        }

        /** The matcher of rule {@code index} (not-figures first, then figures) over {@code text}. */
        private Matcher matcher(int index, MatchStarts starts, String text) {
            Matcher m = matchers[index];
            if (m == null) return matchers[index] = starts.matcher(text);
            return m.reset(text);
        }
    }

    private List<Figure> find(String text, int skip, Scan scan) {
        // Same length as text: moving a tone mark between two vowels keeps every offset.
        String matchText = VietText.canonicalTones(text);
        // The not-figures only ever veto a figure: most blocks have none to veto, so they are read on first need.
        boolean[] taken = null;
        List<Figure> figures = new ArrayList<>();
        int[][] beginnings = this.starts.beginnings(matchText);
        int notFigures = rules.notFigures().size();
        for (int r = 0; r < rules.figures().size(); r++) {
            FigureRule rule = rules.figures().get(r);
            MatchStarts starts = rule.starts();
            if (starts.narrows() && beginnings[notFigures + r].length == 0) continue;
            Matcher m = scan.matcher(notFigures + r, starts, matchText);
            int from = 0;
            while (starts.find(m, matchText, from, beginnings[notFigures + r])) {
                if (taken == null) taken = protectedText(matchText, skip, beginnings, scan);
                if (free(taken, m.start(), m.end())) {
                    Figure f = read(rule, m, text);
                    if (f != null) {
                        figures.add(f);
                        mark(taken, m.start(), m.end());
                    }
                    from = m.end();
                } else {
                    from = m.start() + 1;
                }
            }
        }
        figures.sort(Comparator.comparingInt(f -> f.start));
        relate(text, figures);
        return figures;
    }

    /** The characters no figure may overlap: the skipped prefix and every not-figure match. */
    private boolean[] protectedText(String matchText, int skip, int[][] beginnings, Scan scan) {
        boolean[] taken = new boolean[matchText.length() + 1];
        mark(taken, 0, Math.min(skip, matchText.length()));
        for (int r = 0; r < rules.notFigures().size(); r++) {
            MatchStarts starts = rules.notFigures().get(r).starts();
            if (starts.narrows() && beginnings[r].length == 0) continue;
            Matcher m = scan.matcher(r, starts, matchText);
            int from = 0;
            while (starts.find(m, matchText, from, beginnings[r])) {
                mark(taken, m.start(), m.end());
                from = MatchStarts.next(m);
            }
        }
        return taken;
    }

    private static Figure read(FigureRule rule, Matcher m, String text) {
        Fact.Kind kind = Fact.Kind.valueOf(rule.kind());
        Figure f = new Figure(kind, rule.id(), m.start(), m.end());
        switch (kind) {
            case ratio -> {
                f.numerator = VietNumber.parse(m.group("num"), VietNumber.Context.ANY);
                f.denominator = VietNumber.parse(m.group("den"), VietNumber.Context.ANY);
                if (f.numerator == null || f.denominator == null) return null;
                f.unit = unit(m, text, group(m, "unit2") != null ? "unit2" : "unit");
            }
            case percent -> {
                f.valueText = m.group("value");
                f.value = VietNumber.parse(f.valueText, VietNumber.Context.PERCENT);
                if (f.value == null) return null;
            }
            case count -> {
                f.unit = unit(m, text, "unit");
                f.value = VietNumber.parse(m.group("value"), VietNumber.Context.COUNT);
                if (f.value == null) return null;
                f.value = f.value * VietNumber.scale(group(m, "scale"));
            }
        }
        return f;
    }

    private static String group(Matcher m, String name) {
        try {
            return m.group(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The unit as written (original text, not the tone-normalised copy), first letter lower-cased. */
    private static String unit(Matcher m, String text, String name) {
        if (group(m, name) == null) return null;
        String written = text.substring(m.start(name), m.end(name));
        String folded = VietText.foldSpace(written);
        // Acronyms (TTHC, DVC) stay as they are; words get a lower-case first letter.
        return folded.equals(folded.toUpperCase(Locale.ROOT)) ? folded : VietText.lowerFirst(folded);
    }

    private static void mark(boolean[] taken, int start, int end) {
        for (int i = start; i < end; i++) taken[i] = true;
    }

    private static boolean free(boolean[] taken, int start, int end) {
        for (int i = start; i < end; i++) if (taken[i]) return false;
        return true;
    }

    /** Stage 2: TokensRegex over tokens in which every figure is one token tagged by its kind. */
    private void relate(String text, List<Figure> figures) {
        if (figures.isEmpty()) return;
        List<CoreLabel> tokens = new ArrayList<>();
        List<Figure> figureAt = new ArrayList<>();
        int fi = 0;
        int i = 0;
        while (i < text.length()) {
            if (fi < figures.size() && figures.get(fi).start == i) {
                Figure f = figures.get(fi++);
                tokens.add(token(text.substring(f.start, f.end), f.kind.name().toUpperCase(Locale.ROOT), f.start, f.end));
                figureAt.add(f);
                i = f.end;
                continue;
            }
            char c = text.charAt(i);
            int j = i + 1;
            String tag;
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            } else if (Character.isLetter(c)) {
                while (j < text.length() && (Character.isLetter(text.charAt(j)) || Character.getType(text.charAt(j)) == Character.NON_SPACING_MARK)) j++;
                tag = "WORD";
            } else if (Character.isDigit(c)) {
                while (j < text.length() && (Character.isDigit(text.charAt(j)) || (".,".indexOf(text.charAt(j)) >= 0 && j + 1 < text.length() && Character.isDigit(text.charAt(j + 1))))) j++;
                tag = "NUM";
            } else {
                tag = "PUNCT";
            }
            if (fi < figures.size() && j > figures.get(fi).start) j = figures.get(fi).start;
            tokens.add(token(text.substring(i, j), tag, i, j));
            figureAt.add(null);
            i = j;
        }
        boolean hasRatio = figures.stream().anyMatch(f -> f.kind == Fact.Kind.ratio);
        boolean hasPercent = figures.stream().anyMatch(f -> f.kind == Fact.Kind.percent);
        java.util.Set<String> lemmas = new java.util.HashSet<>(tokens.size() * 2);
        for (CoreLabel t : tokens) lemmas.add(t.lemma());
        for (RelationRule rule : rules.relations()) {
            // The matcher is costly to start: try a rule only where the figures and words it needs are.
            boolean kinds = switch (rule.action()) {
                case attach -> hasRatio && hasPercent;
                case change -> hasPercent;
                case drop, approximate, bound -> true;
            };
            if (!kinds || !rule.requiresAny().isEmpty() && !anyIn(rule.requiresAny(), lemmas)) continue;
            for (TokenStarts pattern : rule.patterns()) pattern.forEachMatch(tokens, m -> apply(rule, m, tokens, figureAt));
        }
    }

    /** True when one of the few {@code words} is in {@code lemmas} (asked word by word: the lemmas are many). */
    private static boolean anyIn(java.util.Set<String> words, java.util.Set<String> lemmas) {
        for (String w : words) if (lemmas.contains(w)) return true;
        return false;
    }

    private static void apply(RelationRule rule, TokenSequenceMatcher m, List<CoreLabel> tokens, List<Figure> figureAt) {
        switch (rule.action()) {
            case attach -> {
                Figure ratio = at(m, "$ratio", figureAt);
                Figure pct = at(m, "$pct", figureAt);
                if (ratio != null && pct != null && ratio.percent == null && pct.attachedTo == null && !pct.change) {
                    ratio.percent = pct;
                    pct.attachedTo = ratio;
                }
            }
            case change -> {
                Figure pct = at(m, "$pct", figureAt);
                if (pct != null && pct.attachedTo == null) pct.change = true;
            }
            case drop -> {
                Figure f = at(m, "$fig", figureAt);
                if (f != null) f.dropped = true;
            }
            case approximate -> {
                Figure f = at(m, "$fig", figureAt);
                if (f != null) f.approximate = true;
            }
            case bound -> {
                Figure f = at(m, "$fig", figureAt);
                int q = m.start("$q");
                if (f != null && q >= 0) {
                    StringBuilder b = new StringBuilder();
                    for (int k = q; k < m.end("$q"); k++) b.append(k > q ? " " : "").append(tokens.get(k).word());
                    f.bound = b.toString().toLowerCase(Locale.ROOT);
                }
            }
        }
    }

    private static Figure at(TokenSequenceMatcher m, String group, List<Figure> figureAt) {
        int s = m.start(group);
        return s < 0 ? null : figureAt.get(s);
    }

    private static CoreLabel token(String word, String tag, int start, int end) {
        CoreLabel t = new CoreLabel(7);
        t.setWord(word);
        t.setValue(word);
        t.setOriginalText(word);
        t.setTag(tag);
        t.setLemma(VietText.canonicalTones(word).toLowerCase(Locale.ROOT));
        t.setBeginPosition(start);
        t.setEndPosition(end);
        return t;
    }
}
