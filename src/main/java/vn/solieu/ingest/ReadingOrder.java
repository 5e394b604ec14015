package vn.solieu.ingest;

import org.apache.pdfbox.text.TextPosition;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The order PDFBox's sort by position means (lines top to bottom, glyphs left to right), made a
 * true order. PDFBox compares two glyphs as "one line" when either's baseline lies inside the
 * other's height; that is not transitive, and a tall glyph touches the line above. LibreOffice
 * draws "ổ" of "Tổng" in a fallback font (DejaVu, taller boxes) after the rest of the word; in a
 * narrow table row its box reached 0.2 pt into the row above, so it sorted into that row and the
 * cell read "ổ T ng".
 *
 * <p>Here glyphs are first grouped into lines, sorted by baseline: the next baseline joins the
 * line while it lies within {@value #SAME_LINE_SHARE} of the taller glyph's height below the
 * previous one (raised footnote marks and subscripts stay on their line; a row whose glyphs only
 * touch stays apart). Then lines by baseline, glyphs by x, equal ones in drawing order. Glyphs of
 * another writing direction are kept apart first, as PDFBox does.
 */
final class ReadingOrder {
    private ReadingOrder() {}

    /** How far below the previous baseline, in glyph heights, a baseline still belongs to its line. */
    static final float SAME_LINE_SHARE = 0.75f;
    /** Baselines closer than this (points) are one line whatever the heights (PDFBox's own tolerance). */
    private static final float SAME_BASELINE = 0.1f;

    /**
     * Groups {@code glyphs} into lines, recording each glyph's line in {@code lineOf} (numbers
     * increase down the page and stay distinct across calls with one map), and returns the order.
     */
    static Comparator<TextPosition> order(List<TextPosition> glyphs, Map<TextPosition, Integer> lineOf) {
        List<TextPosition> byBaseline = new ArrayList<>(glyphs);
        byBaseline.sort(Comparator.comparingDouble(TextPosition::getDir).thenComparingDouble(TextPosition::getYDirAdj));
        int line = lineOf.size();
        TextPosition previous = null;
        for (TextPosition g : byBaseline) {
            if (previous != null && !sameLine(previous, g)) line++;
            lineOf.put(g, line);
            previous = g;
        }
        // List.sort is stable: equal x keeps drawing order.
        return Comparator.<TextPosition>comparingInt(lineOf::get).thenComparingDouble(TextPosition::getXDirAdj);
    }

    /** {@code next} comes after {@code previous} in baseline order. */
    private static boolean sameLine(TextPosition previous, TextPosition next) {
        if (previous.getDir() != next.getDir()) return false;
        float drop = next.getYDirAdj() - previous.getYDirAdj();
        return drop < SAME_BASELINE || drop <= SAME_LINE_SHARE * Math.max(previous.getHeightDir(), next.getHeightDir());
    }

    /**
     * A page's glyph list that PDFBox sorts in this order: PDFTextStripper sorts with its own
     * comparator, and this list answers {@code sort} with {@link #order} instead, so the rest of
     * PDFBox's page writing (spaces, line breaks, diacritics) goes on unchanged.
     */
    static final class Glyphs extends ArrayList<TextPosition> {
        private final transient Map<TextPosition, Integer> lineOf;

        Glyphs(Collection<TextPosition> glyphs, Map<TextPosition, Integer> lineOf) {
            super(glyphs);
            this.lineOf = lineOf;
        }

        @Override
        public void sort(Comparator<? super TextPosition> ignored) {
            super.sort(order(this, lineOf));
        }
    }

    /** A map from glyph to line, by identity (TextPosition's equals compares contents); cleared for each page. */
    static Map<TextPosition, Integer> newLineMap() {
        return new IdentityHashMap<>();
    }
}
