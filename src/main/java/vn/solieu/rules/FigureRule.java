package vn.solieu.rules;

import java.util.regex.Pattern;

/**
 * A character-level rule (figures.yaml): a regular expression whose named groups give the parts
 * of a figure. {@code kind} is ratio, percent, count, or null for a not-figure (protected text).
 * {@code starts} tells where its matches can begin, so a block is not tried at every position.
 */
public record FigureRule(String id, String kind, String comment, Pattern pattern, MatchStarts starts) {
    public FigureRule(String id, String kind, String comment, Pattern pattern) {
        this(id, kind, comment, pattern, MatchStarts.of(pattern));
    }
}
