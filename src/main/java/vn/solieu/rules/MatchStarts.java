package vn.solieu.rules;

import java.util.ArrayList;
import java.util.Arrays;
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
 * <p>Two more things narrow the positions. A one-character look-behind the expression opens with
 * is checked on the character before ({@code (?<![\p{L}\p{N}.,/\-])\d}: a digit that does not
 * continue a number). A way that opens with a run ({@code \d+…}) cannot start inside a run: had it
 * matched there, it would have matched one character earlier, where the search already failed;
 * and the run must be followed by what comes after it ({@code \d+/}: a slash after the digits).
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
    private final Start[] ways;
    /** For the characters of {@link CharSet#index}: bit w is set when {@code ways[w]} can begin with it. */
    private final int[] waysByFirstChar;

    /**
     * One way a match can begin, compiled: the characters allowed at its first positions; the
     * character before it when the way opens with a one-character look-behind; the character of
     * the run it opens with, or null; what that run's characters are and what must follow them.
     */
    private record Start(CharSet[] chars, CharSet behind, boolean behindMustMatch, CharSet run, CharSet tailRun, CharSet tailAfter) {}

    private MatchStarts(Pattern pattern, Start[] ways) {
        this.pattern = pattern;
        this.ways = ways;
        this.waysByFirstChar = ways == null ? null : new int[CharSet.TABLE_SIZE];
        if (ways == null) return;
        for (int index = 0; index < CharSet.TABLE_SIZE; index++) {
            char c = CharSet.charAt(index);
            for (int w = 0; w < ways.length; w++) if (ways[w].chars[0].test(c)) waysByFirstChar[index] |= 1 << w;
        }
    }

    /** Reads {@code pattern}'s source; a pattern it cannot read gets no filter (every position is tried). */
    public static MatchStarts of(Pattern pattern) {
        List<Way> ways;
        try {
            ways = new Reader(pattern.pattern(), pattern.flags()).read();
        } catch (Unreadable e) {
            return new MatchStarts(pattern, null);
        }
        if (ways.stream().anyMatch(w -> w.chars.isEmpty())) return new MatchStarts(pattern, null);
        Map<Set<Atom>, CharSet> made = new HashMap<>();
        Start[] starts = new Start[ways.size()];
        for (int k = 0; k < starts.length; k++) {
            Way w = ways.get(k);
            CharSet[] chars = new CharSet[w.chars.size()];
            for (int i = 0; i < chars.length; i++) chars[i] = CharSet.of(w.chars.get(i), made);
            boolean tailKnown = w.tail != null && !w.tail.open;
            starts[k] = new Start(chars,
                    w.behind == null ? null : CharSet.of(w.behind.atoms, made), w.behind != null && w.behind.mustMatch,
                    w.run == null ? null : CharSet.of(w.run, made),
                    tailKnown ? CharSet.of(w.tail.run, made) : null, tailKnown ? CharSet.of(w.tail.after, made) : null);
        }
        return new MatchStarts(pattern, starts);
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
        if (ways == null) return m.find(from);
        for (int p = from; p < n; p++) {
            // Most characters begin no way at all: tell them from the table before anything else.
            int index = CharSet.index(text.charAt(p));
            if (index >= 0 && waysByFirstChar[index] == 0) continue;
            if (!canStart(text, p, from, n)) continue;
            m.region(p, n);
            if (m.lookingAt()) return true;
        }
        return false;
    }

    /**
     * The same as {@link #find(Matcher, CharSequence, int)}, with the positions of {@code text}
     * whose character a way of this expression begins with already listed (by a {@link Group}).
     */
    public boolean find(Matcher m, CharSequence text, int from, int[] beginnings) {
        int n = text.length();
        if (from > n) return false;
        if (ways == null) return m.find(from);
        int k = Arrays.binarySearch(beginnings, from);
        for (k = k < 0 ? -k - 1 : k; k < beginnings.length; k++) {
            int p = beginnings[k];
            if (!canStart(text, p, from, n)) continue;
            m.region(p, n);
            if (m.lookingAt()) return true;
        }
        return false;
    }

    /**
     * Several expressions read over the same texts. One pass over a text lists, for each of them,
     * the positions whose character one of its ways begins with, instead of one pass each.
     */
    private static final int[] NO_POSITIONS = {};

    public static final class Group {
        private final List<MatchStarts> members;
        /** For the characters of {@link CharSet#index}: bit k is set when members[k] has a way beginning with it. */
        private final long[] membersByFirstChar = new long[CharSet.TABLE_SIZE];
        /** Bit k is set when no way of members[k] can begin right after this character (each opens with a look-behind refusing it). */
        private final long[] membersRefusedAfter = new long[CharSet.TABLE_SIZE];

        public Group(List<MatchStarts> members) {
            if (members.size() > 64) throw new IllegalArgumentException("at most 64 expressions in a group");
            this.members = List.copyOf(members);
            for (int index = 0; index < CharSet.TABLE_SIZE; index++) {
                for (int k = 0; k < members.size(); k++) {
                    if (members.get(k).beginsWith(index)) membersByFirstChar[index] |= 1L << k;
                    if (members.get(k).refusesAfter(index)) membersRefusedAfter[index] |= 1L << k;
                }
            }
        }

        /** For each member (in the order given), the positions of {@code text} one of its ways can begin at, ascending. */
        public int[][] beginnings(CharSequence text) {
            int[][] lists = new int[members.size()][];
            int[] sizes = new int[members.size()];
            int before = -1;
            for (int p = 0; p < text.length(); p++) {
                char c = text.charAt(p);
                int index = CharSet.index(c);
                long which = index >= 0 ? membersByFirstChar[index] : beginningMembers(c);
                if (before >= 0) which &= ~membersRefusedAfter[before];
                before = index;
                for (; which != 0; which &= which - 1) {
                    int k = Long.numberOfTrailingZeros(which);
                    if (lists[k] == null) lists[k] = new int[8];
                    else if (sizes[k] == lists[k].length) lists[k] = Arrays.copyOf(lists[k], sizes[k] * 2);
                    lists[k][sizes[k]++] = p;
                }
            }
            for (int k = 0; k < lists.length; k++) lists[k] = lists[k] == null ? NO_POSITIONS : Arrays.copyOf(lists[k], sizes[k]);
            return lists;
        }

        private long beginningMembers(char c) {
            long which = 0;
            for (int k = 0; k < members.size(); k++) {
                MatchStarts member = members.get(k);
                // A surrogate is not judged; an expression without a filter can begin anywhere.
                if (Character.isSurrogate(c) || member.ways == null || member.waysBeginningWith(c) != 0) which |= 1L << k;
            }
            return which;
        }
    }

    private boolean beginsWith(int index) {
        return ways == null || waysByFirstChar[index] != 0;
    }

    /** True when every way opens with "(?<!x)" and x takes the character at {@code index}. */
    private boolean refusesAfter(int index) {
        if (ways == null) return false;
        char c = CharSet.charAt(index);
        for (Start way : ways) if (way.behind == null || way.behindMustMatch || !way.behind.test(c)) return false;
        return true;
    }

    /** False only when no match can start at {@code p} of {@code text} (a cheap test before a lookingAt there). */
    public boolean mayStartAt(CharSequence text, int p) {
        if (ways == null) return true;
        return p < text.length() && canStart(text, p, p, text.length());
    }

    /** True when the search is narrowed at all: false for an expression the reader could not read, or one that can start anywhere. */
    public boolean narrows() {
        return ways != null;
    }

    /** Where the search after a match found by {@link #find} goes on, as {@link Matcher#find()} does. */
    public static int next(Matcher m) {
        return m.end() == m.start() ? m.end() + 1 : m.end();
    }

    /** False only when no match can start at {@code p}, given that none started in [from, p). */
    private boolean canStart(CharSequence text, int p, int from, int n) {
        char c = text.charAt(p);
        // A surrogate pair is one character to the expression: offsets after it shift, so do not judge.
        if (Character.isSurrogate(c)) return true;
        int index = CharSet.index(c);
        int candidates = index >= 0 ? waysByFirstChar[index] : waysBeginningWith(c);
        for (; candidates != 0; candidates &= candidates - 1) {
            Start way = ways[Integer.numberOfTrailingZeros(candidates)];
            CharSet[] chars = way.chars;
            if (p + chars.length > n) continue;
            if (way.behind != null && !behindAllows(way, text, p)) continue;
            if (way.run != null && p > from && continuesRun(way.run, text.charAt(p - 1))) continue;
            boolean all = true;
            for (int i = 1; i < chars.length && all; i++) {
                char next = text.charAt(p + i);
                if (Character.isSurrogate(next)) return true;
                all = chars[i].test(next);
            }
            if (all && (way.tailRun == null || runIsFollowed(way, text, p, n))) return true;
        }
        return false;
    }

    /**
     * True when the run the way opens with at {@code p} can stop before a character of what must
     * follow it: at its end, or earlier when the rule may take fewer of its characters.
     */
    private static boolean runIsFollowed(Start way, CharSequence text, int p, int n) {
        for (int k = p + 1; k < n; k++) {
            char c = text.charAt(k);
            if (Character.isSurrogate(c)) return true;
            if (way.tailAfter.test(c)) return true;
            if (!way.tailRun.test(c)) return false;
        }
        return false;
    }

    private int waysBeginningWith(char c) {
        int mask = 0;
        for (int w = 0; w < ways.length; w++) if (ways[w].chars[0].test(c)) mask |= 1 << w;
        return mask;
    }

    private static boolean behindAllows(Start way, CharSequence text, int p) {
        if (p == 0) return !way.behindMustMatch;
        char before = text.charAt(p - 1);
        if (Character.isSurrogate(before)) return true;
        return way.behind.test(before) == way.behindMustMatch;
    }

    private static boolean continuesRun(CharSet run, char before) {
        return !Character.isSurrogate(before) && run.test(before);
    }

    // ---- reading the source -------------------------------------------------------------------

    /** One character the expression matches at some position: its source ("\d", "[/.-]", "\x{6E}") and flags. */
    private record Atom(String source, int flags) {}

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
    private record Way(List<Set<Atom>> chars, boolean exact, Behind behind, Set<Atom> run, boolean asserted, Tail tail) {
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
    private record Behind(Set<Atom> atoms, boolean mustMatch) {}

    /**
     * A run of one-character {@code run} (x{m,}) and the characters one of which must come right
     * after it. {@code open}: what follows the run is still being read (optional parts add to
     * {@code after} and leave it open); an open tail says nothing yet.
     */
    private record Tail(Set<Atom> run, Set<Atom> after, boolean open) {}

    /** A construct after which nothing safe can be said about the expression. */
    private static final class Unreadable extends Exception {
        Unreadable(String why) {
            super(why, null, false, false);
        }
    }

    private static final class Reader {
        private final String src;
        private final int baseFlags;
        private int i;

        Reader(String src, int flags) throws Unreadable {
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

    // ---- testing characters ---------------------------------------------------------------------

    /**
     * A set of characters given by atoms, answered from a table for the ranges Vietnamese text is
     * written in (Latin, Latin Extended Additional, general punctuation) and by the atoms
     * themselves elsewhere. Each atom is compiled alone with its own flags, so case folding and
     * classes mean exactly what they mean in the expression.
     */
    private static final class CharSet {
        static final int TABLE_SIZE = 0x250 + 0x100 + 0x70;
        private final long[] table = new long[(TABLE_SIZE + 63) / 64];
        private final List<Pattern> atoms;

        private CharSet(List<Pattern> atoms) {
            this.atoms = atoms;
            for (int index = 0; index < TABLE_SIZE; index++) {
                if (anyAtom(charAt(index))) table[index >>> 6] |= 1L << index;
            }
        }

        /** Where {@code c} sits in the table (Latin to U+024F, U+1E00–U+1EFF, U+2000–U+206F), or -1. */
        static int index(char c) {
            if (c < 0x250) return c;
            if (c >= 0x1E00 && c < 0x1F00) return 0x250 + c - 0x1E00;
            if (c >= 0x2000 && c < 0x2070) return 0x350 + c - 0x2000;
            return -1;
        }

        static char charAt(int index) {
            if (index < 0x250) return (char) index;
            if (index < 0x350) return (char) (0x1E00 + index - 0x250);
            return (char) (0x2000 + index - 0x350);
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
            int index = index(c);
            if (index >= 0) return (table[index >>> 6] & (1L << index)) != 0;
            if (Character.isSurrogate(c)) return true;
            return anyAtom(c);
        }
    }
}
