package vn.solieu.rules;

import edu.stanford.nlp.ling.tokensregex.NodePattern;
import edu.stanford.nlp.ling.tokensregex.TokenSequenceMatcher;
import edu.stanford.nlp.ling.tokensregex.TokenSequencePattern;
import edu.stanford.nlp.util.CoreMap;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A TokensRegex pattern with the tokens its matches can start on, read once from its source: the
 * node patterns that can match a first token ("(?$ratio [{tag:RATIO}]) …" starts on a ratio).
 * CoreNLP's {@code find()} sets up its matching machinery at every token of a block; {@link
 * #forEachMatch} does so only at tokens a first node accepts, and gives the same matches.
 *
 * <p>The reader knows sequences, groups, alternatives, quantifiers and bracketed, string and
 * regex nodes; for anything else (anchors, macros, multi-node patterns, a pattern that can match
 * no token at all, a first node that accepts any token) every token is tried, as before.
 * Immutable and safe to share between threads.
 */
public final class TokenStarts {
    private final TokenSequencePattern pattern;
    /** Null when any token can start a match. */
    private final List<NodePattern<CoreMap>> firstNodes;

    private TokenStarts(TokenSequencePattern pattern, List<NodePattern<CoreMap>> firstNodes) {
        this.pattern = pattern;
        this.firstNodes = firstNodes;
    }

    /** Compiles {@code source} and reads where its matches can start. */
    public static TokenStarts compile(String source) {
        TokenSequencePattern pattern = TokenSequencePattern.compile(source);
        List<NodePattern<CoreMap>> first = null;
        try {
            Element e = new Reader(source).read();
            if (!e.nullable && !e.first.contains("[]")) {
                first = new ArrayList<>();
                for (String node : e.first) first.add(node(node));
            }
        } catch (Unreadable ignored) {
            // Try every token.
        }
        return new TokenStarts(pattern, first);
    }

    public TokenSequencePattern pattern() {
        return pattern;
    }

    /** Calls {@code action} on every match of the pattern in {@code tokens}, as {@code while (m.find())} would find them. */
    public void forEachMatch(List<? extends CoreMap> tokens, Consumer<TokenSequenceMatcher> action) {
        if (firstNodes == null) {
            TokenSequenceMatcher m = pattern.getMatcher(tokens);
            while (m.find()) action.accept(m);
            return;
        }
        StartMatcher m = new StartMatcher(pattern, tokens);
        int i = 0;
        while (i < tokens.size()) {
            if (canStart(tokens.get(i)) && m.matchAt(i)) {
                action.accept(m);
                // Matches do not overlap; a pattern that can match no token has no first nodes, so end() > i.
                i = m.end();
            } else {
                i++;
            }
        }
    }

    private boolean canStart(CoreMap token) {
        for (NodePattern<CoreMap> n : firstNodes) if (n.match(token)) return true;
        return false;
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

    /** What a part of the pattern can start with (node sources, "[]" for any token) and whether it can match no token. */
    private record Element(Set<String> first, boolean nullable) {}

    private static final class Unreadable extends Exception {
        Unreadable(String why) {
            super(why, null, false, false);
        }
    }

    private static final class Reader {
        private final String src;
        private int i;

        Reader(String src) {
            this.src = src;
        }

        Element read() throws Unreadable {
            Element e = alternatives();
            skipSpace();
            if (i != src.length()) throw new Unreadable("unexpected '" + src.charAt(i) + "' at " + i);
            return e;
        }

        private Element alternatives() throws Unreadable {
            Element e = sequence();
            skipSpace();
            while (i < src.length() && src.charAt(i) == '|') {
                i++;
                Element next = sequence();
                Set<String> first = new LinkedHashSet<>(e.first);
                first.addAll(next.first);
                e = new Element(first, e.nullable || next.nullable);
                skipSpace();
            }
            return e;
        }

        private Element sequence() throws Unreadable {
            Set<String> first = new LinkedHashSet<>();
            boolean nullable = true;
            while (true) {
                skipSpace();
                if (i >= src.length() || src.charAt(i) == '|' || src.charAt(i) == ')') break;
                Element e = quantified(atom());
                if (nullable) first.addAll(e.first);
                nullable &= e.nullable;
            }
            return new Element(first, nullable);
        }

        private Element atom() throws Unreadable {
            char c = src.charAt(i);
            int start = i;
            switch (c) {
                case '[' -> {
                    i = nodeEnd(i + 1, ']');
                    String node = src.substring(start, i);
                    return new Element(Set.of(node.replaceAll("\\s+", "").equals("[]") ? "[]" : node), false);
                }
                case '/', '"' -> {
                    i = literalEnd(i + 1, c);
                    return new Element(Set.of(src.substring(start, i)), false);
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
                    Element e = alternatives();
                    if (i >= src.length() || src.charAt(i) != ')') throw new Unreadable("unclosed group");
                    i++;
                    return e;
                }
                default -> throw new Unreadable("'" + c + "' at " + i);
            }
        }

        private Element quantified(Element e) throws Unreadable {
            skipSpace();
            if (i >= src.length()) return e;
            char c = src.charAt(i);
            int min;
            if (c == '?' || c == '*') {
                min = 0;
                i++;
            } else if (c == '+') {
                min = 1;
                i++;
            } else if (c == '{') {
                int close = src.indexOf('}', i);
                if (close < 0) throw new Unreadable("unclosed repetition");
                String bounds = src.substring(i + 1, close).split(",", -1)[0].strip();
                try {
                    min = Integer.parseInt(bounds);
                } catch (NumberFormatException ex) {
                    throw new Unreadable("repetition " + src.substring(i, close + 1));
                }
                i = close + 1;
            } else {
                return e;
            }
            if (i < src.length() && src.charAt(i) == '?') i++; // reluctant: the same tokens can start it
            return min == 0 ? new Element(e.first, true) : e;
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
