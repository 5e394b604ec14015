package vn.solieu.rules;

import vn.solieu.rules.MatchStartReader.Unreadable;

import edu.stanford.nlp.ling.tokensregex.NodePattern;
import edu.stanford.nlp.ling.tokensregex.TokenSequenceMatcher;
import edu.stanford.nlp.ling.tokensregex.TokenSequencePattern;
import edu.stanford.nlp.util.CoreMap;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A TokensRegex pattern with the tokens its matches can start on, read once from its source: for
 * each way a match can begin, the node patterns of its first tokens ("(?$ratio [{tag:RATIO}]) …"
 * starts on a ratio; "[!{lemma:cắt}] [{lemma:/tăng|giảm/}] …" on any word before tăng or giảm).
 * CoreNLP's {@code find()} sets up its matching machinery at every token of a block; {@link
 * #forEachMatch} does so only where a way's nodes accept the tokens, and gives the same matches.
 *
 * <p>The reader knows sequences, groups, alternatives, quantifiers and bracketed, string and
 * regex nodes; for anything else (anchors, macros, multi-node patterns, a pattern that can match
 * no token at all) every token is tried, as before. Immutable and safe to share between threads.
 */
public final class TokenStarts {
    /** Tokens checked per beginning: a node that accepts almost any token is followed by one that does not. */
    private static final int MAX_NODES = 3;
    /** Beyond this many beginnings they are merged position by position (less precise, still safe). */
    private static final int MAX_WAYS = 32;

    private final TokenSequencePattern pattern;
    /** Each way a match can begin: the node patterns of its first tokens (null: any token). Null when any token can start a match. */
    private final List<List<NodePattern<CoreMap>>> ways;
    /** The ways' distinct first nodes, asked once per token before the ways are; null when one accepts any token. */
    private final List<NodePattern<CoreMap>> firstNodes;

    private TokenStarts(TokenSequencePattern pattern, List<List<NodePattern<CoreMap>>> ways) {
        this.pattern = pattern;
        this.ways = ways;
        List<NodePattern<CoreMap>> first = new ArrayList<>();
        if (ways != null) {
            for (List<NodePattern<CoreMap>> way : ways) {
                NodePattern<CoreMap> node = way.get(0);
                if (node == null) {
                    first = null;
                    break;
                }
                if (!first.contains(node)) first.add(node);
            }
        }
        this.firstNodes = first == null ? null : List.copyOf(first);
    }

    /** Compiles {@code source} and reads where its matches can start. */
    public static TokenStarts compile(String source) {
        TokenSequencePattern pattern = TokenSequencePattern.compile(source);
        try {
            List<Way> read = new Reader(source).read();
            if (read.stream().anyMatch(w -> w.nodes.isEmpty())) return new TokenStarts(pattern, null);
            Map<String, NodePattern<CoreMap>> compiled = new HashMap<>();
            List<List<NodePattern<CoreMap>>> ways = new ArrayList<>();
            for (Way w : read) {
                List<NodePattern<CoreMap>> nodes = new ArrayList<>();
                for (Set<String> alternatives : w.nodes) nodes.add(anyOf(alternatives, compiled));
                ways.add(Collections.unmodifiableList(nodes));
            }
            return new TokenStarts(pattern, List.copyOf(ways));
        } catch (Unreadable e) {
            return new TokenStarts(pattern, null);
        }
    }

    public TokenSequencePattern pattern() {
        return pattern;
    }

    /** Calls {@code action} on every match of the pattern in {@code tokens}, as {@code while (m.find())} would find them. */
    public void forEachMatch(List<? extends CoreMap> tokens, Consumer<TokenSequenceMatcher> action) {
        if (ways == null) {
            TokenSequenceMatcher m = pattern.getMatcher(tokens);
            while (m.find()) action.accept(m);
            return;
        }
        StartMatcher m = null;
        int i = 0;
        while (i < tokens.size()) {
            if (canStart(tokens, i)) {
                if (m == null) m = new StartMatcher(pattern, tokens);
                if (m.matchAt(i)) {
                    action.accept(m);
                    // Matches do not overlap; a pattern that can match no token has no ways, so end() > i.
                    i = m.end();
                    continue;
                }
            }
            i++;
        }
    }

    private boolean canStart(List<? extends CoreMap> tokens, int i) {
        if (firstNodes != null && !anyAccepts(firstNodes, tokens.get(i))) return false;
        for (List<NodePattern<CoreMap>> way : ways) {
            if (i + way.size() > tokens.size()) continue;
            boolean all = true;
            for (int k = 0; k < way.size() && all; k++) {
                NodePattern<CoreMap> node = way.get(k);
                all = node == null || node.match(tokens.get(i + k));
            }
            if (all) return true;
        }
        return false;
    }

    private static boolean anyAccepts(List<NodePattern<CoreMap>> nodes, CoreMap token) {
        for (NodePattern<CoreMap> n : nodes) if (n.match(token)) return true;
        return false;
    }

    /** One node pattern accepting what any of {@code sources} accepts; null when one of them is "[]" (any token). */
    private static NodePattern<CoreMap> anyOf(Set<String> sources, Map<String, NodePattern<CoreMap>> compiled) throws Unreadable {
        if (sources.contains("[]")) return null;
        List<NodePattern<CoreMap>> nodes = new ArrayList<>();
        for (String source : sources) {
            NodePattern<CoreMap> n = compiled.get(source);
            if (n == null) {
                n = node(source);
                compiled.put(source, n);
            }
            nodes.add(n);
        }
        if (nodes.size() == 1) return nodes.get(0);
        List<NodePattern<CoreMap>> all = List.copyOf(nodes);
        return new NodePattern<>() {
            @Override
            public boolean match(CoreMap token) {
                for (NodePattern<CoreMap> n : all) if (n.match(token)) return true;
                return false;
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static NodePattern<CoreMap> node(String source) throws Unreadable {
        TokenSequencePattern one = TokenSequencePattern.compile(source);
        NodePattern<CoreMap> node = one.findNodePattern(n -> (NodePattern<CoreMap>) n);
        if (node == null) throw new Unreadable(source);
        return node;
    }

    /** CoreNLP's matcher, tried at one start only (its own protected {@code find(start, true)}). */
    private static final class StartMatcher extends TokenSequenceMatcher {
        StartMatcher(TokenSequencePattern pattern, List<? extends CoreMap> tokens) {
            super(pattern, tokens);
        }

        boolean matchAt(int start) {
            reset();
            return find(start, true);
        }
    }

    // ---- reading the source -------------------------------------------------------------------

    /**
     * One way a match can begin: for each of its first tokens, the sources of the nodes that may
     * match it ("[]" for any token). {@code exact}: the part read so far always takes exactly
     * {@code nodes.size()} tokens, so what follows in the pattern continues the way.
     */
    private record Way(List<Set<String>> nodes, boolean exact) {
        static final Way EMPTY = new Way(List.of(), true);

        Way inexact() {
            return exact ? new Way(nodes, false) : this;
        }
    }

    private static final class Reader {
        private final String src;
        private int i;

        Reader(String src) {
            this.src = src;
        }

        List<Way> read() throws Unreadable {
            List<Way> ways = alternatives();
            skipSpace();
            if (i != src.length()) throw new Unreadable("unexpected '" + src.charAt(i) + "' at " + i);
            return ways;
        }

        private List<Way> alternatives() throws Unreadable {
            List<Way> ways = new ArrayList<>(sequence());
            skipSpace();
            while (i < src.length() && src.charAt(i) == '|') {
                i++;
                ways.addAll(sequence());
                skipSpace();
            }
            return bounded(ways);
        }

        private List<Way> sequence() throws Unreadable {
            List<Way> ways = List.of(Way.EMPTY);
            while (true) {
                skipSpace();
                if (i >= src.length() || src.charAt(i) == '|' || src.charAt(i) == ')') break;
                ways = concat(ways, quantified(atom()));
            }
            return ways;
        }

        private List<Way> atom() throws Unreadable {
            char c = src.charAt(i);
            int start = i;
            switch (c) {
                case '[' -> {
                    i = nodeEnd(i + 1, ']');
                    String node = src.substring(start, i);
                    return single(node.replaceAll("\\s+", "").equals("[]") ? "[]" : node);
                }
                case '/', '"' -> {
                    i = literalEnd(i + 1, c);
                    return single(src.substring(start, i));
                }
                case '(' -> {
                    i++;
                    if (src.startsWith("?$", i)) {
                        i += 2;
                        while (i < src.length() && (Character.isLetterOrDigit(src.charAt(i)) || src.charAt(i) == '_')) i++;
                    } else if (src.startsWith("?:", i)) {
                        i += 2;
                    } else if (src.startsWith("?", i)) {
                        throw new Unreadable("group kind at " + i);
                    }
                    List<Way> ways = alternatives();
                    if (i >= src.length() || src.charAt(i) != ')') throw new Unreadable("unclosed group");
                    i++;
                    return ways;
                }
                default -> throw new Unreadable("'" + c + "' at " + i);
            }
        }

        private List<Way> quantified(List<Way> element) throws Unreadable {
            skipSpace();
            MatchStartReader.Repetition repetition = MatchStartReader.Repetition.at(src, i);
            if (repetition == null) return element;
            int min = repetition.min(), max = repetition.max();
            i = repetition.end();
            if (i < src.length() && src.charAt(i) == '?') i++; // reluctant: the same tokens can start it
            if (max == 0) return List.of(Way.EMPTY);
            List<Way> repeated = new ArrayList<>();
            if (max <= MAX_NODES) {
                // Few repetitions: each count is a way of its own.
                List<Way> power = element;
                for (int k = 1; k <= max; k++) {
                    if (k > 1) power = concat(power, element);
                    if (k >= Math.max(min, 1)) repeated.addAll(power);
                }
            } else {
                // The required repetitions as far as MAX_NODES reaches; nothing follows them.
                List<Way> power = element;
                for (int k = 1; k < Math.min(Math.max(min, 1), MAX_NODES + 1); k++) power = concat(power, element);
                power.forEach(w -> repeated.add(w.inexact()));
            }
            if (min == 0) repeated.add(Way.EMPTY);
            return bounded(repeated);
        }

        private static List<Way> single(String node) {
            return List.of(new Way(List.of(Set.of(node)), true));
        }

        /** Every way of {@code a} followed, where it is exact, by every way of {@code b}. */
        private static List<Way> concat(List<Way> a, List<Way> b) {
            List<Way> out = new ArrayList<>();
            for (Way x : a) {
                if (!x.exact || x.nodes.size() >= MAX_NODES) {
                    out.add(x.inexact());
                    continue;
                }
                for (Way y : b) {
                    List<Set<String>> nodes = new ArrayList<>(x.nodes);
                    nodes.addAll(y.nodes);
                    boolean exact = y.exact;
                    if (nodes.size() > MAX_NODES) {
                        nodes = nodes.subList(0, MAX_NODES);
                        exact = false;
                    }
                    out.add(new Way(List.copyOf(nodes), exact));
                }
            }
            return bounded(out);
        }

        /** Too many ways are merged into one: at each position, any node some way allows there. */
        private static List<Way> bounded(List<Way> ways) {
            List<Way> distinct = new ArrayList<>(new LinkedHashSet<>(ways));
            if (distinct.size() <= MAX_WAYS) return distinct;
            int length = distinct.stream().mapToInt(w -> w.nodes.size()).min().orElse(0);
            List<Set<String>> merged = new ArrayList<>();
            for (int k = 0; k < length; k++) {
                Set<String> nodes = new LinkedHashSet<>();
                for (Way w : distinct) nodes.addAll(w.nodes.get(k));
                merged.add(Set.copyOf(nodes));
            }
            boolean exact = distinct.stream().allMatch(w -> w.exact && w.nodes.size() == length);
            return List.of(new Way(List.copyOf(merged), exact));
        }

        /** End (exclusive) of a node whose content starts at {@code from}: regexes, strings and braces skipped. */
        private int nodeEnd(int from, char close) throws Unreadable {
            int k = from;
            while (k < src.length()) {
                char c = src.charAt(k);
                if (c == '/' || c == '"') {
                    k = literalEnd(k + 1, c);
                    continue;
                }
                if (c == close) return k + 1;
                k++;
            }
            throw new Unreadable("unclosed node");
        }

        /** End (exclusive) of a /regex/ or "string" whose content starts at {@code from}. */
        private int literalEnd(int from, char quote) throws Unreadable {
            int k = from;
            while (k < src.length()) {
                char c = src.charAt(k);
                if (c == '\\') {
                    k += 2;
                    continue;
                }
                if (c == quote) return k + 1;
                k++;
            }
            throw new Unreadable("unclosed " + quote);
        }

        private void skipSpace() {
            while (i < src.length() && Character.isWhitespace(src.charAt(i))) i++;
        }
    }
}
