package vn.solieu.rules;

import java.util.regex.Pattern;

/**
 * A character-level rule (figures.yaml): a regular expression whose named groups give the parts
 * of a figure. {@code kind} is ratio, percent, count, or null for a not-figure (protected text).
 */
public record FigureRule(String id, String kind, String comment, Pattern pattern) {}
