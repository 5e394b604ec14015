package vn.solieu.rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the source of a regular expression into the ways its matches can begin, for {@link
 * MatchStarts}: for each way, the characters allowed at its first positions, a one-character
 * look-behind it opens with, and the run it opens with and what must follow that run. What the
 * reader does not understand ends what it knows of a way (it can only say too little); a construct
 * that would change what the rest of the source means makes it give up ({@link Unreadable}).
 */
final class MatchStartReader {
    /** Characters read per way: enough to tell "điều" from "điểm" apart from most words. */
    static final int MAX_CHARS = 3;
    /** Beyond this many ways they are merged position by position (less precise, still safe); MatchStarts keeps them in an int mask. */
    static final int MAX_WAYS = 32;

    /** One character the expression matches at some position: its source ("\d", "[/.-]", "\x{6E}") and flags. */
    record Atom(String source, int flags) {}

    /**
     * One way a match can begin: the atoms allowed at each of its first positions.
     *
     * @param exact    the part read so far always takes exactly {@code chars.size()} characters, so
     *                 what follows in the expression continues the way; otherwise the way ends here
     * @param behind   a one-character look-behind the way opens with, or null
     * @param run      the atoms of a one-character repetition without upper bound ({@code \d+})
     *                 the way opens with, or null
     * @param asserted a zero-width test (an anchor, a look-ahead, something unread) comes before
     *                 the way's first character
     * @param tail     the run the way's characters so far are, from its first one, and what may
     *                 follow it, or null
     */
    record Way(List<Set<Atom>> chars, boolean exact, Behind behind, Set<Atom> run, boolean asserted, Tail tail) {
        static final Way EMPTY = new Way(List.of(), true, null, null, false, null);
        static final Way ASSERTION = new Way(List.of(), true, null, null, true, null);
        static final Way UNKNOWN = new Way(List.of(), false, null, null, true, null);

        Way inexact() {
            return exact ? new Way(chars, false, behind, run, asserted, tail) : this;
        }

        Way withRun(Set<Atom> atoms) {
            return new Way(chars, exact, behind, atoms, asserted, tail);
        }

        Way withTail(Tail t) {
            return new Way(chars, exact, behind, run, asserted, t);
        }

        /** Nothing, not even a test, comes before what follows. */
        boolean fresh() {
            return chars.isEmpty() && behind == null && !asserted;
        }
    }

    /** "(?<=x)" (mustMatch) or "(?<!x)" where x is one character. */
    record Behind(Set<Atom> atoms, boolean mustMatch) {}

    /**
     * A run of one-character {@code run} (x{m,}) and the characters one of which must come right
     * after it. {@code open}: what follows the run is still being read (optional parts add to
     * {@code after} and leave it open); an open tail says nothing yet.
     */
    record Tail(Set<Atom> run, Set<Atom> after, boolean open) {}

    /** A construct after which nothing safe can be said about the expression. */
    static final class Unreadable extends Exception {
        Unreadable(String why) {
            super(why, null, false, false);
        }
    }

    /**
     * A quantifier ({@code ?}, {@code *}, {@code +}, {@code {m}}, {@code {m,}}, {@code {m,n}}) written at
     * {@code at}, as Java regexes and TokensRegex both write it; {@code end} is just after it, before
     * any lazy or possessive mark.
     */
    record Repetition(int min, int max, int end) {
        /** The quantifier at {@code at}, or null when none is written there. */
        static Repetition at(String src, int at) throws Unreadable {
            if (at >= src.length()) return null;
            return switch (src.charAt(at)) {
                case '?' -> new Repetition(0, 1, at + 1);
                case '*' -> new Repetition(0, Integer.MAX_VALUE, at + 1);
                case '+' -> new Repetition(1, Integer.MAX_VALUE, at + 1);
                case '{' -> bounds(src, at);
                default -> null;
            };
        }

        private static Repetition bounds(String src, int open) throws Unreadable {
            int close = src.indexOf('}', open);
            if (close < 0) throw new Unreadable("unclosed repetition");
            String[] bounds = src.substring(open + 1, close).split(",", -1);
            try {
                int min = Integer.parseInt(bounds[0].strip());
                int max = bounds.length == 1 ? min : bounds[1].isBlank() ? Integer.MAX_VALUE : Integer.parseInt(bounds[1].strip());
                return new Repetition(min, max, close + 1);
            } catch (NumberFormatException e) {
                throw new Unreadable("repetition " + src.substring(open, close + 1));
            }
        }
    }

    private final String src;
    private final int baseFlags;
    private int i;

    MatchStartReader(String src, int flags) throws Unreadable {
        if ((flags & (Pattern.COMMENTS | Pattern.LITERAL | Pattern.CANON_EQ)) != 0) throw new Unreadable("flags");
        this.src = src;
        this.baseFlags = flags;
    }

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
                return single(new Atom(cls, flags[0]));
            }
            case '\\' -> {
                return escape(flags);
            }
            case '^', '$' -> {
                i++;
                return List.of(Way.ASSERTION);
            }
            case '.' -> {
                i++;
                return single(new Atom(".", flags[0]));
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
        boolean lookaround = false;
        boolean atomic = false;
        Boolean behindMustMatch = null;
        if (src.startsWith("?", i)) {
            i++;
            if (src.startsWith(":", i)) {
                i++;
            } else if (src.startsWith(">", i)) {
                i++;
                atomic = true;
            } else if (src.startsWith("=", i) || src.startsWith("!", i)) {
                i++;
                lookaround = true;
            } else if (src.startsWith("<=", i) || src.startsWith("<!", i)) {
                behindMustMatch = src.startsWith("<=", i);
                i += 2;
                lookaround = true;
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
            if (w.exact && w.chars.size() == 1 && w.behind == null && !w.asserted) {
                return List.of(new Way(List.of(), true, new Behind(w.chars.get(0), behindMustMatch), null, false, null));
            }
        }
        if (lookaround) return List.of(Way.ASSERTION);
        // An atomic group may settle on an alternative before the run could: runs inside say nothing.
        return atomic ? withoutRuns(ways) : ways;
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
                return single(new Atom(src.substring(start, i), flags[0]));
            }
            case 'p', 'P', 'N' -> {
                if (src.startsWith("{", i)) i = closing('}', i) + 1;
                else if (c == 'N') throw new Unreadable("\\N");
                else i++;
                return single(new Atom(src.substring(start, i), flags[0]));
            }
            case 'x' -> {
                if (src.startsWith("{", i)) i = closing('}', i) + 1;
                else i += 2;
                return single(new Atom(src.substring(start, i), flags[0]));
            }
            case 'u' -> {
                i += 4;
                String e = src.substring(start, Math.min(i, src.length()));
                char v = (char) Integer.parseInt(e.substring(2), 16);
                // Half of a pair written as two escapes: one character to the expression.
                if (Character.isSurrogate(v)) throw new Unreadable("surrogate escape");
                return single(new Atom(e, flags[0]));
            }
            case 'c' -> {
                i++;
                return single(new Atom(src.substring(start, i), flags[0]));
            }
            case 'b' -> {
                if (src.startsWith("{", i)) throw new Unreadable("\\b{");
                return List.of(Way.ASSERTION);
            }
            case 'B', 'A', 'z', 'Z' -> {
                return List.of(Way.ASSERTION);
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
                // \G, back references, octal escapes and unknown letters change what the expression means.
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
        Repetition repetition = Repetition.at(src, i);
        if (repetition == null) return element;
        int min = repetition.min(), max = repetition.max();
        i = repetition.end();
        // Lazy and possessive forms match no more than the greedy one: the same beginnings hold.
        boolean possessive = i < src.length() && src.charAt(i) == '+';
        if (i < src.length() && (src.charAt(i) == '?' || src.charAt(i) == '+')) i++;
        if (max == 0) return List.of(Way.EMPTY);
        // x{0,max} is "nothing" or x{1,max}.
        int reps = Math.max(min, 1);
        List<Way> repeated;
        if (max <= MAX_CHARS) {
            // Few repetitions: each count is a way of its own ("\d{1,2}/" is "d/" or "dd/").
            repeated = new ArrayList<>();
            List<Way> power = element;
            for (int k = 1; k <= max; k++) {
                if (k > 1) power = concat(power, element);
                if (k >= reps) repeated.addAll(power);
            }
            repeated = bounded(repeated);
        } else {
            // The required repetitions are spelled out as far as MAX_CHARS reaches; nothing follows them.
            int spelled = Math.min(reps, MAX_CHARS + 1);
            repeated = element;
            for (int k = 1; k < spelled; k++) repeated = concat(repeated, element);
            repeated = repeated.stream().map(Way::inexact).toList();
            if (max == Integer.MAX_VALUE && isOneCharacter(element)) {
                Set<Atom> run = element.get(0).chars.get(0);
                Tail open = new Tail(run, Set.of(), true);
                repeated = repeated.stream().map(w -> w.withRun(run).withTail(open)).toList();
            }
        }
        // A possessive group may settle on an alternative before a run inside it could.
        if (possessive && !isOneCharacter(element)) repeated = withoutRuns(repeated);
        if (min == 0) {
            List<Way> optional = new ArrayList<>(repeated);
            optional.add(Way.EMPTY);
            return bounded(optional);
        }
        return repeated;
    }

    private static boolean isOneCharacter(List<Way> element) {
        if (element.size() != 1) return false;
        Way w = element.get(0);
        return w.exact && w.chars.size() == 1 && w.behind == null && w.run == null && !w.asserted && w.tail == null;
    }

    private static List<Way> withoutRuns(List<Way> ways) {
        return ways.stream().map(w -> w.run == null ? w : w.withRun(null)).toList();
    }

    private static List<Way> single(Atom atom) {
        return List.of(new Way(List.of(Set.of(atom)), true, null, null, false, null));
    }

    private static Atom literal(char c, int flags) {
        return new Atom(String.format("\\x{%X}", (int) c), flags);
    }

    /** The tail once {@code next} is read after it, or null when that part cannot be told. */
    private static Tail followedBy(Tail tail, List<Way> next) {
        Set<Atom> after = new LinkedHashSet<>(tail.after);
        boolean open = false;
        for (Way y : next) {
            if (!y.chars.isEmpty()) after.addAll(y.chars.get(0));
            else if (y.exact) open = true; // takes nothing (an optional part, a look-around): what comes next counts too
            else return null;
        }
        return new Tail(tail.run, Set.copyOf(after), open);
    }

    /** Every way of {@code a} followed, where it is exact, by every way of {@code b}. */
    private static List<Way> concat(List<Way> a, List<Way> b) {
        List<Way> out = new ArrayList<>();
        for (Way x : a) {
            if (x.tail != null && x.tail.open) {
                // What follows the run begins right after it; a part that may take no character leaves it open.
                out.add(x.inexact().withTail(followedBy(x.tail, b)));
                continue;
            }
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
                // A look-behind or a run only says something about the start when nothing comes before it.
                Behind behind = x.behind != null || !x.chars.isEmpty() ? x.behind : y.behind;
                Set<Atom> run = x.fresh() ? y.run : x.run;
                boolean asserted = x.chars.isEmpty() ? x.asserted || y.asserted : x.asserted;
                // A tail describes a run from the way's first character: only y's, when x took none.
                Tail tail = x.chars.isEmpty() ? y.tail : null;
                out.add(new Way(List.copyOf(chars), exact, behind, run, asserted, tail));
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
        return List.of(new Way(List.copyOf(merged), exact, null, null, true, null));
    }
}
