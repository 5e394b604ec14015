package vn.solieu.rules;

import edu.stanford.nlp.ling.tokensregex.TokenSequencePattern;

import java.util.List;

/** A token-level rule (relations.yaml): TokensRegex patterns and what a match means. */
public record RelationRule(String id, Action action, String comment, List<TokenSequencePattern> patterns) {
    public enum Action { attach, change, drop, approximate, bound }
}
