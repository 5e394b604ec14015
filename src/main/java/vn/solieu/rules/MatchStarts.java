package vn.solieu.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the matches of a regular expression can start, read once from its source: for each way a
 * match can begin, the characters allowed at its first few positions ({@code \d}; "ng", "từ"…).
 * {@link Matcher#find} tries the whole expression at every position of a text; {@link #find}
 * tries it only where one of those beginnings is written, with the same result.
 *
 * <p>The reader knows the common syntax (groups, classes, escapes, quantifiers, lookaround, inline
 * flags). Whatever it does not understand ends what it knows of a beginning, so a test can only
 * let through too much, never too little; a construct that would change what the rest means
 * (comments mode, {@code \G}, back references) turns the filter off for the whole expression.
 * Immutable and safe to share between threads.
 */
public final class MatchStarts {
    /** Characters checked per beginning: enough to tell "điều" from "điểm" apart from most words. */
    private static final int MAX_CHARS = 3;
    /** Beyond this many beginnings they are merged position by position (less precise, still safe). */
    private static final int MAX_WAYS = 32;

    private final Pattern pattern;
    /** Null when every position can start a match. */
    private final CharSet first;
    private final List<Start> ways;

    /**
     * One way a match can begin, compiled: the characters allowed at its first positions, and
     * the character before it when the expression opens with a one-character look-behind
     * ("(?<![\p{L}\p{N}.,/\-])\d": a digit that does not continue a number).
     */
    private record Start(CharSet[] chars, CharSet behind, boolean behindMustMatch) {}

    private MatchStarts(Pattern pattern, CharSet first, List<Start> ways) {
        this.pattern = pattern;
        this.first = first;
        this.ways = ways;
    }

    /** Reads {@code pattern}'s source; a pattern it cannot read gets no filter (every position is tried). */
    public static MatchStarts of(Pattern pattern) {
        List<Way> ways;
        try {
            ways = new Reader(pattern.pattern(), pattern.flags()).read();
        } catch (Unreadable e) {
            return new MatchStarts(pattern, null, List.of());
        }
        if (ways.stream().anyMatch(w -> w.chars.isEmpty())) return new MatchStarts(pattern, null, List.of());
        Map<Set<Atom>, CharSet> made = new HashMap<>();
        List<Start> tests = new ArrayList<>();
        Set<Atom> firstAtoms = new LinkedHashSet<>();
        for (Way w : ways) {
            CharSet[] t = new CharSet[w.chars.size()];
            for (int i = 0; i < t.length; i++) t[i] = CharSet.of(w.chars.get(i), made);
            tests.add(w.behind == null ? new Start(t, null, false) : new Start(t, CharSet.of(w.behind.atoms, made), w.behind.mustMatch));
            firstAtoms.addAll(w.chars.get(0));
        }
        return new MatchStarts(pattern, CharSet.of(firstAtoms, made), List.copyOf(tests));
    }

    public Pattern pattern() {
        return pattern;
    }

    /** A matcher for {@link #find}: its bounds are transparent so look-behinds see text before a tried position. */
    public Matcher matcher(CharSequence text) {
        Matcher m = pattern.matcher(text);
        m.useTransparentBounds(true);
        m.useAnchoringBounds(false);
        return m;
    }

    /**
     * Same as {@code m.find(from)} on the whole text: the first match starting at or after
     * {@code from}, or false. {@code m} comes from {@link #matcher}; its match groups are set as
     * find would set them.
     */
    public boolean find(Matcher m, CharSequence text, int from) {
        int n = text.length();
        if (from > n) return false;
        if (first == null) return m.find(from);
        for (int p = from; p < n; p++) {
            if (!canStart(text, p, n)) continue;
            m.region(p, n);
            if (m.lookingAt()) return true;
        }
        return false;
    }

    /** Where the search after a match found by {@link #find} goes on, as {@link Matcher#find()} does. */
    public static int next(Matcher m) {
        return m.end() == m.start() ? m.end() + 1 : m.end();
    }

    private boolean canStart(CharSequence text, int p, int n) {
        if (!first.test(text.charAt(p))) return false;
        for (Start way : ways) {
            CharSet[] chars = way.chars;
            if (p + chars.length > n || !behindAllows(way, text, p)) continue;
            boolean all = true;
            for (int i = 0; i < chars.length && all; i++) {
                char c = text.charAt(p + i);
                // A surrogate pair is one character to the expression: offsets after it shift, so do not judge.
                if (Character.isSurrogate(c)) return true;
                all = chars[i].test(c);
            }
            if (all) return true;
        }
        return false;
    }

    private static boolean behindAllows(Start way, CharSequence text, int p) {
        if (way.behind == null) return true;
        if (p == 0) return !way.behindMustMatch;
        char before = text.charAt(p - 1);
        if (Character.isSurrogate(before)) return true;
        return way.behind.test(before) == way.behindMustMatch;
    }

    // ---- reading the source -------------------------------------------------------------------

    /** One character the expression matches at some position: its source ("\d", "[/.-]", "\x{6E}") and flags. */
    private record Atom(String source, int flags) {}

    /**
     * One way a match can begin: the atoms allowed at each of its first positions. {@code exact}: the
     * part read so far always takes exactly {@code chars.size()} characters, so what follows in the
     * expression continues the way; otherwise the way ends here. {@code behind}: a one-character
     * look-behind the way opens with, or null.
     */
    private record Way(List<Set<Atom>> chars, boolean exact, Behind behind) {
        static final Way EMPTY = new Way(List.of(), true, null);
        static final Way UNKNOWN = new Way(List.of(), false, null);

        Way inexact() {
            return exact ? new Way(chars, false, behind) : this;
        }
    }

    /** "(?<=x)" (mustMatch) or "(?<!x)" where x is one character. */
    private record Behind(Set<Atom> atoms, boolean mustMatch) {}

    /** A construct after which nothing safe can be said about the expression. */
    private static final class Unreadable extends Exception {
        Unreadable(String why) {
            super(why, null, false, false);
        }
    }

    private static final class Reader {
        private final String src;
        private int i;

        Reader(String src, int flags) throws Unreadable {
            if ((flags & (Pattern.COMMENTS | Pattern.LITERAL | Pattern.CANON_EQ)) != 0) throw new Unreadable("flags");
            this.src = src;
            this.baseFlags = flags;
        }

        private final int baseFlags;

        List<Way> read() throws Unreadable {
            List<Way> ways = alternation(new int[] {baseFlags});
            if (i != src.length()) throw new Unreadable("unbalanced ')' at " + i);
            return ways;
        }

        /** Alternatives up to a ')' or the end; inline flags ("(?i)") hold to the end of the group. */
        private List<Way> alternation(int[] flags) throws Unreadable {
            List<Way> result = new ArrayList<>(sequence(flags));
            while (i < src.length() && src.charAt(i) == '|') {
                i++;
                result.addAll(sequence(flags));
            }
            return bounded(result);
        }

        private List<Way> sequence(int[] flags) throws Unreadable {
            List<Way> ways = List.of(Way.EMPTY);
            while (i < src.length() && src.charAt(i) != '|' && src.charAt(i) != ')') {
                List<Way> element = quantified(element(flags));
                ways = concat(ways, element);
            }
            return ways;
        }

        private List<Way> element(int[] flags) throws Unreadable {
            char c = src.charAt(i);
            switch (c) {
                case '(' -> {
                    return group(flags);
                }
                case '[' -> {
                    int end = classEnd(i);
                    String cls = src.substring(i, end);
                    i = end;
                    return single(atom(cls, flags[0]));
                }
                case '\\' -> {
                    return escape(flags);
                }
                case '^', '$' -> {
                    i++;
                    return List.of(Way.EMPTY);
                }
                case '.' -> {
                    i++;
                    return single(atom(".", flags[0]));
                }
                case '{', '*', '+', '?' -> throw new Unreadable("dangling quantifier at " + i);
                default -> {
                    if (Character.isHighSurrogate(c)) {
                        i += 2;
                        return List.of(Way.UNKNOWN);
                    }
                    i++;
                    return single(literal(c, flags[0]));
                }
            }
        }

        private List<Way> group(int[] outer) throws Unreadable {
            i++; // (
            int[] inner = {outer[0]};
            boolean zeroWidth = false;
            Boolean behindMustMatch = null;
            if (src.startsWith("?", i)) {
                i++;
                if (src.startsWith(":", i) || src.startsWith(">", i)) {
                    i++;
                } else if (src.startsWith("=", i) || src.startsWith("!", i)) {
                    i++;
                    zeroWidth = true;
                } else if (src.startsWith("<=", i) || src.startsWith("<!", i)) {
                    behindMustMatch = src.startsWith("<=", i);
                    i += 2;
                    zeroWidth = true;
                } else if (src.startsWith("<", i)) {
                    int close = src.indexOf('>', i);
                    if (close < 0) throw new Unreadable("group name");
                    i = close + 1;
                } else {
                    int flags = flags(outer[0]);
                    if (src.startsWith(")", i)) {
                        // "(?i)": the flags hold for the rest of the enclosing group.
                        i++;
                        outer[0] = flags;
                        return List.of(Way.EMPTY);
                    }
                    if (!src.startsWith(":", i)) throw new Unreadable("group at " + i);
                    i++;
                    inner[0] = flags;
                }
            }
            List<Way> ways = alternation(inner);
            if (i >= src.length() || src.charAt(i) != ')') throw new Unreadable("unclosed group");
            i++;
            if (behindMustMatch != null && ways.size() == 1) {
                Way w = ways.get(0);
                if (w.exact && w.chars.size() == 1 && w.behind == null) return List.of(new Way(List.of(), true, new Behind(w.chars.get(0), behindMustMatch)));
            }
            return zeroWidth ? List.of(Way.EMPTY) : ways;
        }

        /** Inline flags "i", "u-i", "U"…, read up to ':' or ')'. */
        private int flags(int flags) throws Unreadable {
            boolean on = true;
            while (i < src.length() && src.charAt(i) != ':' && src.charAt(i) != ')') {
                char f = src.charAt(i++);
                int bit = switch (f) {
                    case 'i' -> Pattern.CASE_INSENSITIVE;
                    case 'u' -> Pattern.UNICODE_CASE;
                    // As in Pattern: Unicode classes bring Unicode case folding with them.
                    case 'U' -> Pattern.UNICODE_CHARACTER_CLASS | Pattern.UNICODE_CASE;
                    case 's' -> Pattern.DOTALL;
                    case 'm' -> Pattern.MULTILINE;
                    case 'd' -> Pattern.UNIX_LINES;
                    case '-' -> 0;
                    default -> throw new Unreadable("flag " + f);
                };
                if (f == '-') on = false;
                else if (on) flags |= bit;
                else flags &= ~bit;
            }
            return flags;
        }

        private List<Way> escape(int[] flags) throws Unreadable {
            int start = i;
            i++; // backslash
            if (i >= src.length()) throw new Unreadable("trailing backslash");
            char c = src.charAt(i++);
            switch (c) {
                case 'd', 'D', 's', 'S', 'w', 'W', 'h', 'H', 'v', 'V', 't', 'n', 'r', 'f', 'a', 'e' -> {
                    return single(atom(src.substring(start, i), flags[0]));
                }
                case 'p', 'P', 'N' -> {
                    if (src.startsWith("{", i)) i = closing('}', i) + 1;
                    else if (c == 'N') throw new Unreadable("\\N");
                    else i++;
                    return single(atom(src.substring(start, i), flags[0]));
                }
                case 'x' -> {
                    if (src.startsWith("{", i)) i = closing('}', i) + 1;
                    else i += 2;
                    return single(atom(src.substring(start, i), flags[0]));
                }
                case 'u' -> {
                    i += 4;
                    String e = src.substring(start, Math.min(i, src.length()));
                    char v = (char) Integer.parseInt(e.substring(2), 16);
                    // Half of a pair written as two escapes: one character to the expression.
                    if (Character.isSurrogate(v)) throw new Unreadable("surrogate escape");
                    return single(atom(e, flags[0]));
                }
                case 'c' -> {
                    i++;
                    return single(atom(src.substring(start, i), flags[0]));
                }
                case 'b' -> {
                    if (src.startsWith("{", i)) throw new Unreadable("\\b{");
                    return List.of(Way.EMPTY);
                }
                case 'B', 'A', 'z', 'Z' -> {
                    return List.of(Way.EMPTY);
                }
                case 'R', 'X' -> {
                    return List.of(Way.UNKNOWN);
                }
                case 'Q' -> {
                    int end = src.indexOf("\\E", i);
                    String quoted = src.substring(i, end < 0 ? src.length() : end);
                    i = end < 0 ? src.length() : end + 2;
                    List<Way> ways = List.of(Way.EMPTY);
                    for (int k = 0; k < quoted.length(); k++) {
                        char q = quoted.charAt(k);
                        if (Character.isSurrogate(q)) return concat(ways, List.of(Way.UNKNOWN));
                        ways = concat(ways, single(literal(q, flags[0])));
                    }
                    return ways;
                }
                default -> {
                    // \G, back references and unknown letters change what the expression means.
                    if (Character.isLetterOrDigit(c)) throw new Unreadable("escape \\" + c);
                    return single(literal(c, flags[0]));
                }
            }
        }

        private int closing(char close, int from) throws Unreadable {
            int end = src.indexOf(close, from);
            if (end < 0) throw new Unreadable("unclosed " + close);
            return end;
        }

        /** End (exclusive) of the character class opening at {@code from}, nested classes included. */
        private int classEnd(int from) throws Unreadable {
            int depth = 0;
            int k = from;
            while (k < src.length()) {
                char c = src.charAt(k);
                if (c == '\\') {
                    if (src.startsWith("Q", k + 1)) {
                        int end = src.indexOf("\\E", k + 2);
                        if (end < 0) throw new Unreadable("unclosed \\Q in class");
                        k = end + 2;
                        continue;
                    }
                    k += 2;
                    continue;
                }
                if (c == '[') depth++;
                else if (c == ']' && --depth == 0) return k + 1;
                k++;
            }
            throw new Unreadable("unclosed class");
        }

        private List<Way> quantified(List<Way> element) throws Unreadable {
            if (i >= src.length()) return element;
            char c = src.charAt(i);
            int min, max;
            if (c == '?') {
                min = 0;
                max = 1;
                i++;
            } else if (c == '*') {
                min = 0;
                max = Integer.MAX_VALUE;
                i++;
            } else if (c == '+') {
                min = 1;
                max = Integer.MAX_VALUE;
                i++;
            } else if (c == '{') {
                int close = closing('}', i);
                String[] bounds = src.substring(i + 1, close).split(",", -1);
                try {
                    min = Integer.parseInt(bounds[0].strip());
                    max = bounds.length == 1 ? min : bounds[1].isBlank() ? Integer.MAX_VALUE : Integer.parseInt(bounds[1].strip());
                } catch (NumberFormatException e) {
                    throw new Unreadable("repetition " + src.substring(i, close + 1));
                }
                i = close + 1;
            } else {
                return element;
            }
            // Lazy and possessive forms match no more than the greedy one: the same beginnings hold.
            if (i < src.length() && (src.charAt(i) == '?' || src.charAt(i) == '+')) i++;
            if (max == 0) return List.of(Way.EMPTY);
            // x{0,max} is "nothing" or x{1,max}. The required repetitions are spelled out as far as
            // MAX_CHARS reaches; a way stays exact only if nothing more can follow them.
            int reps = Math.max(min, 1);
            int spelled = Math.min(reps, MAX_CHARS + 1);
            List<Way> repeated = element;
            for (int k = 1; k < spelled; k++) repeated = concat(repeated, element);
            if (max != reps || spelled < reps) repeated = repeated.stream().map(Way::inexact).toList();
            if (min == 0) {
                List<Way> optional = new ArrayList<>(repeated);
                optional.add(Way.EMPTY);
                return bounded(optional);
            }
            return repeated;
        }

        private static List<Way> single(Atom atom) {
            return List.of(new Way(List.of(Set.of(atom)), true, null));
        }

        private static Atom literal(char c, int flags) {
            return atom(String.format("\\x{%X}", (int) c), flags);
        }

        private static Atom atom(String source, int flags) {
            return new Atom(source, flags);
        }

        /** Every way of {@code a} followed, where it is exact, by every way of {@code b}. */
        private static List<Way> concat(List<Way> a, List<Way> b) {
            List<Way> out = new ArrayList<>();
            for (Way x : a) {
                if (!x.exact || x.chars.size() >= MAX_CHARS) {
                    out.add(x.inexact());
                    continue;
                }
                for (Way y : b) {
                    List<Set<Atom>> chars = new ArrayList<>(x.chars);
                    chars.addAll(y.chars);
                    boolean exact = y.exact;
                    if (chars.size() > MAX_CHARS) {
                        chars = chars.subList(0, MAX_CHARS);
                        exact = false;
                    }
                    // A look-behind only says something about the start when nothing comes before it.
                    Behind behind = x.behind != null || !x.chars.isEmpty() ? x.behind : y.behind;
                    out.add(new Way(List.copyOf(chars), exact, behind));
                }
            }
            return bounded(out);
        }

        /** Too many ways are merged into one: at each position, any atom some way allows there. */
        private static List<Way> bounded(List<Way> ways) {
            List<Way> distinct = new ArrayList<>(new LinkedHashSet<>(ways));
            if (distinct.size() <= MAX_WAYS) return distinct;
            int length = distinct.stream().mapToInt(w -> w.chars.size()).min().orElse(0);
            List<Set<Atom>> merged = new ArrayList<>();
            for (int k = 0; k < length; k++) {
                Set<Atom> atoms = new LinkedHashSet<>();
                for (Way w : distinct) atoms.addAll(w.chars.get(k));
                merged.add(Set.copyOf(atoms));
            }
            boolean exact = distinct.stream().allMatch(w -> w.exact && w.chars.size() == length);
            return List.of(new Way(List.copyOf(merged), exact, null));
        }
    }

    // ---- testing characters ---------------------------------------------------------------------

    /**
     * A set of characters given by atoms, answered from a table for the ranges Vietnamese text is
     * written in (Latin, Latin Extended Additional, general punctuation) and by the atoms
     * themselves elsewhere. Each atom is compiled alone with its own flags, so case folding and
     * classes mean exactly what they mean in the expression.
     */
    private static final class CharSet {
        private static final char[][] RANGES = {{0, 0x250}, {0x1E00, 0x1F00}, {0x2000, 0x2070}};
        private final long[] table;
        private final List<Pattern> atoms;

        private CharSet(List<Pattern> atoms) {
            this.atoms = atoms;
            int size = 0;
            for (char[] r : RANGES) size += r[1] - r[0];
            this.table = new long[(size + 63) / 64];
            int index = 0;
            for (char[] r : RANGES) {
                for (char c = r[0]; c < r[1]; c++, index++) {
                    if (anyAtom(c)) table[index >>> 6] |= 1L << index;
                }
            }
        }

        static CharSet of(Set<Atom> atoms, Map<Set<Atom>, CharSet> made) {
            CharSet known = made.get(atoms);
            if (known != null) return known;
            List<Pattern> compiled = new ArrayList<>();
            for (Atom a : atoms) compiled.add(Pattern.compile(a.source(), a.flags()));
            CharSet set = new CharSet(List.copyOf(compiled));
            made.put(atoms, set);
            return set;
        }

        private boolean anyAtom(char c) {
            String s = String.valueOf(c);
            for (Pattern p : atoms) if (p.matcher(s).matches()) return true;
            return false;
        }

        boolean test(char c) {
            int base = 0;
            for (char[] r : RANGES) {
                if (c < r[0]) break;
                if (c < r[1]) {
                    int index = base + c - r[0];
                    return (table[index >>> 6] & (1L << index)) != 0;
                }
                base += r[1] - r[0];
            }
            if (Character.isSurrogate(c)) return true;
            return anyAtom(c);
        }
    }
}
