package vn.solieu.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the page layout from the lines {@link PdfLineCollector} found: drops the page
 * furniture (page numbers, running headers and footers) and tells footnote bodies from the
 * body text. Pure functions over {@link PdfLine}s, so each rule can be tested alone.
 */
final class PdfLayout {
    private PdfLayout() {}

    /** "6", "- 6 -", "– 6 –", "Trang 6", "Trang 6/12", "6/12", "Page 6 of 12". */
    static final Pattern PAGE_NUMBER = Pattern.compile(
            "[\\s\\-–—]*(?:(?:[Tt]rang|TRANG|[Pp]age)\\s*)?\\d{1,4}(?:\\s*(?:/|trên|of)\\s*\\d{1,4})?[\\s\\-–—]*");

    /** How many lines at the top and at the bottom of a page may be furniture. */
    private static final int EDGE_LINES = 2;
    /** Positions are compared to this many points, so a header one point lower still matches. */
    private static final float POSITION_TOLERANCE = 3f;
    /** Footnote text is at most this share of the body text size. */
    private static final float FOOTNOTE_MAX_SIZE_RATIO = 0.92f;

    /** The page split into body lines and footnote lines (each footnote one line, opening with its number). */
    record PageParts(List<PdfLine> body, List<String> footnotes) {}

    /**
     * Removes page numbers at the top or bottom of a page and lines that repeat at the same place
     * on most pages (running headers and footers). The first pages of a report are often
     * unnumbered, so repetition is counted over all pages, not required on each.
     */
    static List<List<PdfLine>> withoutFurniture(List<List<PdfLine>> pages) {
        Map<String, Integer> pagesWithKey = new HashMap<>();
        for (List<PdfLine> lines : pages) {
            Set<String> keys = new HashSet<>();
            for (int i : edgeIndexes(lines)) keys.add(repeatKey(lines.get(i)));
            for (String k : keys) pagesWithKey.merge(k, 1, Integer::sum);
        }
        int repeatedOn = Math.max(3, (pages.size() + 1) / 2);
        List<List<PdfLine>> result = new ArrayList<>(pages.size());
        for (List<PdfLine> lines : pages) {
            // Peel from each edge inwards: a line is furniture only if all between it and the edge is.
            int from = 0, to = lines.size();
            while (from < to && from < EDGE_LINES && isFurniture(lines.get(from), pages.size(), pagesWithKey, repeatedOn)) from++;
            int dropped = 0;
            while (to > from && dropped < EDGE_LINES && isFurniture(lines.get(to - 1), pages.size(), pagesWithKey, repeatedOn)) {
                to--;
                dropped++;
            }
            result.add(new ArrayList<>(lines.subList(from, to)));
        }
        return result;
    }

    private static boolean isFurniture(PdfLine line, int pageCount, Map<String, Integer> pagesWithKey, int repeatedOn) {
        return PAGE_NUMBER.matcher(line.text()).matches()
                || (pageCount >= 3 && pagesWithKey.getOrDefault(repeatKey(line), 0) >= repeatedOn);
    }

    /** The first and last {@link #EDGE_LINES} lines of a page. */
    private static List<Integer> edgeIndexes(List<PdfLine> lines) {
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (i < EDGE_LINES || i >= lines.size() - EDGE_LINES) idx.add(i);
        }
        return idx;
    }

    /** Same text up to its numbers, at the same height: "Trang 3" on page 3 and "Trang 4" on page 4 agree. */
    private static String repeatKey(PdfLine line) {
        return Math.round(line.baseline() / POSITION_TOLERANCE) + "|" + line.text().replaceAll("\\d+", "#").strip();
    }

    /** The body size of the document: the text size carried by most characters. */
    static float bodyFontSize(List<List<PdfLine>> pages) {
        Map<Float, Integer> weight = new HashMap<>();
        // OCR lines carry no font size (0): they do not vote.
        for (List<PdfLine> lines : pages) for (PdfLine l : lines) if (l.fontSize() > 0) weight.merge(l.fontSize(), l.text().length(), Integer::sum);
        return weight.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(0f);
    }

    /**
     * Splits off the footnotes at the bottom of a page: the trailing lines in a smaller size
     * than the body, from the first of them that opens with a note number, when the number
     * answers a mark in the body text of this page or the last one, opens with a superscript,
     * or sits under a short horizontal rule. A small-print block without such evidence (a
     * table in a smaller font, say) stays in the body.
     */
    static PageParts splitFootnotes(List<PdfLine> lines, float bodySize, Set<String> marksSeen, List<Float> rules) {
        int blockStart = lines.size();
        while (blockStart > 0 && isSmall(lines.get(blockStart - 1), bodySize)) blockStart--;
        if (blockStart == lines.size()) return new PageParts(lines, List.of());

        int start = -1;
        for (int i = blockStart; i < lines.size(); i++) {
            PdfLine line = lines.get(i);
            String number = line.openingNumber();
            if (number != null && (line.leadingMark() != null || marksSeen.contains(number))) {
                start = i;
                break;
            }
            if (hasRuleAbove(lines, i, rules)) {
                // A note continued from the last page: under the rule, but without a number.
                start = i;
                break;
            }
        }
        if (start < 0) return new PageParts(lines, List.of());

        List<String> footnotes = new ArrayList<>();
        StringBuilder note = null;
        String lastNumber = null;
        for (int i = start; i < lines.size(); i++) {
            PdfLine line = lines.get(i);
            String number = line.openingNumber();
            // A line of a note may begin with a figure ("46 câu hỏi …"): only a superscript, a number
            // that a body mark answers, or the next number in sequence opens a new note.
            boolean opens = note == null || number != null && (line.leadingMark() != null
                    || marksSeen.contains(number) || isNext(lastNumber, number));
            if (opens) {
                if (note != null) footnotes.add(note.toString());
                note = new StringBuilder(line.text());
                if (number != null) lastNumber = number;
            } else {
                note.append(' ').append(line.text());
            }
        }
        footnotes.add(note.toString());
        return new PageParts(new ArrayList<>(lines.subList(0, start)), footnotes);
    }

    private static boolean isNext(String last, String number) {
        return last != null && Integer.parseInt(number) == Integer.parseInt(last) + 1;
    }

    private static boolean isSmall(PdfLine line, float bodySize) {
        return bodySize > 0 && line.fontSize() > 0 && line.fontSize() <= bodySize * FOOTNOTE_MAX_SIZE_RATIO;
    }

    /** True when one of the page's short horizontal {@code rules} lies between line {@code i} and the line above it. */
    private static boolean hasRuleAbove(List<PdfLine> lines, int i, List<Float> rules) {
        float bottom = lines.get(i).baseline() - lines.get(i).fontSize();
        float top = i > 0 ? lines.get(i - 1).baseline() : 0;
        for (float rule : rules) {
            if (rule > top && rule < bottom + 1) return true;
        }
        return false;
    }
}
