package vn.solieu.rules;

import java.util.Arrays;
import java.util.HashMap;
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
    private final Pattern pattern;
    /** Null when every position can start a match. */
    private final Start[] ways;
    /** For the characters of {@link CharTable#index}: bit w is set when {@code ways[w]} can begin with it. */
    private final int[] waysByFirstChar;

    /**
     * One way a match can begin, compiled: the characters allowed at its first positions; the
     * character before it when the way opens with a one-character look-behind; the character of
     * the run it opens with, or null; what that run's characters are and what must follow them.
     */
    private record Start(CharTable[] chars, CharTable behind, boolean behindMustMatch, CharTable run, CharTable tailRun, CharTable tailAfter) {}

    private MatchStarts(Pattern pattern, Start[] ways) {
        this.pattern = pattern;
        this.ways = ways;
        this.waysByFirstChar = ways == null ? null : new int[CharTable.TABLE_SIZE];
        if (ways == null) return;
        for (int index = 0; index < CharTable.TABLE_SIZE; index++) {
            char c = CharTable.charAt(index);
            for (int w = 0; w < ways.length; w++) if (ways[w].chars[0].test(c)) waysByFirstChar[index] |= 1 << w;
        }
    }

    /** Reads {@code pattern}'s source; a pattern it cannot read gets no filter (every position is tried). */
    public static MatchStarts of(Pattern pattern) {
        List<MatchStartReader.Way> ways;
        try {
            ways = new MatchStartReader(pattern.pattern(), pattern.flags()).read();
        } catch (MatchStartReader.Unreadable e) {
            return new MatchStarts(pattern, null);
        }
        if (ways.stream().anyMatch(w -> w.chars().isEmpty())) return new MatchStarts(pattern, null);
        Map<Set<MatchStartReader.Atom>, CharTable> made = new HashMap<>();
        Start[] starts = new Start[ways.size()];
        for (int k = 0; k < starts.length; k++) {
            MatchStartReader.Way w = ways.get(k);
            CharTable[] chars = new CharTable[w.chars().size()];
            for (int i = 0; i < chars.length; i++) chars[i] = CharTable.of(w.chars().get(i), made);
            MatchStartReader.Behind behind = w.behind();
            MatchStartReader.Tail tail = w.tail() != null && !w.tail().open() ? w.tail() : null;
            starts[k] = new Start(chars,
                    behind == null ? null : CharTable.of(behind.atoms(), made), behind != null && behind.mustMatch(),
                    w.run() == null ? null : CharTable.of(w.run(), made),
                    tail == null ? null : CharTable.of(tail.run(), made), tail == null ? null : CharTable.of(tail.after(), made));
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
            int index = CharTable.index(text.charAt(p));
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
        /** For the characters of {@link CharTable#index}: bit k is set when members[k] has a way beginning with it. */
        private final long[] membersByFirstChar = new long[CharTable.TABLE_SIZE];
        /** Bit k is set when no way of members[k] can begin right after this character (each opens with a look-behind refusing it). */
        private final long[] membersRefusedAfter = new long[CharTable.TABLE_SIZE];

        public Group(List<MatchStarts> members) {
            if (members.size() > 64) throw new IllegalArgumentException("at most 64 expressions in a group");
            this.members = List.copyOf(members);
            for (int index = 0; index < CharTable.TABLE_SIZE; index++) {
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
                int index = CharTable.index(c);
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
        char c = CharTable.charAt(index);
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
        int index = CharTable.index(c);
        int candidates = index >= 0 ? waysByFirstChar[index] : waysBeginningWith(c);
        for (; candidates != 0; candidates &= candidates - 1) {
            Start way = ways[Integer.numberOfTrailingZeros(candidates)];
            CharTable[] chars = way.chars;
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

    private static boolean continuesRun(CharTable run, char before) {
        return !Character.isSurrogate(before) && run.test(before);
    }
}
