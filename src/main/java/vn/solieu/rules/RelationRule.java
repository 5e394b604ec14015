package vn.solieu.rules;

import java.util.List;
import java.util.Set;

/**
 * A token-level rule (relations.yaml): TokensRegex patterns and what a match means.
 * {@code requiresAny}: lemmas of which at least one must be in the block for the patterns to be
 * tried (empty: no such condition); with the figure kinds the action needs, a cheap filter that
 * spares most blocks the matcher. Each pattern knows the tokens its matches can start on ({@link TokenStarts}).
 */
public record RelationRule(String id, Action action, String comment, List<TokenStarts> patterns, Set<String> requiresAny) {
    public enum Action { attach, change, drop, approximate, bound }
}
