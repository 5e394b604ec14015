package vn.solieu.ingest;

import java.util.List;

/**
 * One visual line of a PDF page as {@link PdfLineCollector} saw it, already NFC.
 *
 * @param text        the line's text; superscript footnote marks inside it are written as
 *                    Unicode superscript digits ("năm 2023²") and listed in {@code marks}
 * @param marks       spans of those marks in {@code text}
 * @param leadingMark the number of a superscript mark that opens the line (a footnote body's
 *                    own number), written in {@code text} as plain digits and a space; else null
 * @param baseline    the baseline, in points from the top of the page
 * @param fontSize    the size of most of the line's text, in points
 * @param cellStarts  where each tab-separated cell of the line starts, in points from the left
 *                    (one entry a cell; empty when unknown)
 * @param cellBounds  in a ruled table, the column borders left and right of each cell (one entry
 *                    a cell; empty when the line is no ruled table row)
 */
record PdfLine(String text, List<Span> marks, String leadingMark, float baseline, float fontSize, List<Float> cellStarts,
               List<Bounds> cellBounds) {
    /** A cell's borders, in points from the left; infinite where the line has none on that side. */
    record Bounds(float left, float right) {}

    PdfLine {
        marks = List.copyOf(marks);
        cellStarts = List.copyOf(cellStarts);
        cellBounds = List.copyOf(cellBounds);
    }

    PdfLine(String text, List<Span> marks, String leadingMark, float baseline, float fontSize, List<Float> cellStarts) {
        this(text, marks, leadingMark, baseline, fontSize, cellStarts, List.of());
    }

    PdfLine(String text, List<Span> marks, String leadingMark, float baseline, float fontSize) {
        this(text, marks, leadingMark, baseline, fontSize, List.of());
    }

    /** The same line with its cell separators (tabs) as spaces: same length, marks unmoved. */
    PdfLine withoutTabs() {
        return text.indexOf('\t') < 0 ? this : new PdfLine(text.replace('\t', ' '), marks, leadingMark, baseline, fontSize);
    }

    /** The line's opening number, superscript or not ("1 Nghị quyết …" → "1"), else null. */
    String openingNumber() {
        if (leadingMark != null) return leadingMark;
        int i = 0;
        while (i < text.length() && i < 3 && Character.isDigit(text.charAt(i))) i++;
        if (i == 0 || i >= text.length() || text.charAt(i) != ' ') return null;
        return text.substring(0, i);
    }

    private static final String SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    /** "23" → "²³"; characters other than ASCII digits unchanged. Same length as the input. */
    static String superscript(String digits) {
        StringBuilder out = new StringBuilder(digits.length());
        for (char c : digits.toCharArray()) out.append(c >= '0' && c <= '9' ? SUPERSCRIPT_DIGITS.charAt(c - '0') : c);
        return out.toString();
    }

    /** "²³" → "23"; the inverse of {@link #superscript}. */
    static String plainDigits(String superscripts) {
        StringBuilder out = new StringBuilder(superscripts.length());
        for (char c : superscripts.toCharArray()) {
            int d = SUPERSCRIPT_DIGITS.indexOf(c);
            out.append(d >= 0 ? (char) ('0' + d) : c);
        }
        return out.toString();
    }
}
