package vn.solieu.corpus;

import java.util.List;

/**
 * A footnote: its number (as printed, 1-based, in order of first reference) and its text as one or
 * more paragraphs (a footnote may hold an enumerated list: "1. Dịch vụ …", "2. Dịch vụ …").
 */
public record Footnote(int number, List<String> paragraphs) {
    public Footnote {
        if (number < 1) throw new IllegalArgumentException("footnote numbers start at 1, got " + number);
        paragraphs = List.copyOf(paragraphs);
        if (paragraphs.isEmpty()) throw new IllegalArgumentException("footnote " + number + " has no text");
    }

    public Footnote(int number, String text) {
        this(number, List.of(text));
    }

    /** The paragraphs joined by line breaks. */
    public String text() {
        return String.join("\n", paragraphs);
    }
}
