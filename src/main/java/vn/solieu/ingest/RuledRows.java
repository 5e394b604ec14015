package vn.solieu.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * Joins the lines of one row of a ruled table into one line. A cell too narrow for its text
 * wraps it ("Huyện Ba" over "Bể", "Trực" over "tuyến"), and a text walk sees each wrapped piece as
 * a line of its own: the row falls apart into lines that no longer look like a table, and a line
 * "1 Huyện Ba 1.200 900" reads as "1 huyện". The borders say what belongs together: lines are
 * one row while one column border runs down past both and no row border lies between them.
 *
 * <p>Only rows of two cells or more (three borders crossing the line) are joined: a framed
 * paragraph keeps its lines. A joined row is one line whose cells are its columns' pieces in
 * reading order, each cell starting where its column's first piece starts and knowing the
 * borders around it (so a merged header cell can be laid over the columns it spans).
 */
final class RuledRows {
    private RuledRows() {}

    /**
     * The page's lines with each ruled table row made one line.
     *
     * @param verticals   column borders as {x, top, bottom}
     * @param horizontals row borders as {y, left, right}
     */
    static List<PdfLine> join(List<PdfLine> lines, List<float[]> verticals, List<float[]> horizontals) {
        if (verticals.size() < 3 || lines.size() < 2) return lines;
        List<PdfLine> out = new ArrayList<>(lines.size());
        int i = 0;
        while (i < lines.size()) {
            PdfLine first = lines.get(i);
            List<float[]> borders = crossing(first, verticals);
            int j = i + 1;
            if (borders.size() >= 3 && joinable(first)) {
                while (j < lines.size() && joinable(lines.get(j)) && sameRow(lines.get(j - 1), lines.get(j), borders, horizontals)) j++;
            }
            out.add(borders.size() >= 3 && joinable(first) ? joined(lines.subList(i, j), borders) : first);
            i = j;
        }
        return withRowSpans(out, horizontals);
    }

    /**
     * A cell merged down over two rows ("Tỷ lệ (%)" beside a header group and its columns) whose
     * text wraps across the row border it spans: the rows stay apart, since other columns have
     * that border, but the piece below ("(%)") belongs to the cell above. It moves up where the
     * cell above has the same borders, holds text, and no row border runs under it.
     */
    private static List<PdfLine> withRowSpans(List<PdfLine> lines, List<float[]> horizontals) {
        List<PdfLine> out = new ArrayList<>(lines.size());
        for (PdfLine line : lines) {
            PdfLine above = out.isEmpty() ? null : out.get(out.size() - 1);
            if (above == null || above.cellBounds().isEmpty() || line.cellBounds().isEmpty()) {
                out.add(line);
                continue;
            }
            List<String> upper = new ArrayList<>(List.of(above.text().split("\t", -1)));
            List<String> lower = new ArrayList<>(List.of(line.text().split("\t", -1)));
            List<Float> lowerStarts = new ArrayList<>(line.cellStarts());
            List<PdfLine.Bounds> lowerBounds = new ArrayList<>(line.cellBounds());
            boolean moved = false;
            for (int k = lowerBounds.size() - 1; k >= 0; k--) {
                PdfLine.Bounds b = lowerBounds.get(k);
                int u = sameCell(above.cellBounds(), b);
                if (u < 0 || upper.get(u).isBlank() || borderBetween(above.baseline(), line.baseline(), b, horizontals)) continue;
                upper.set(u, upper.get(u).strip() + " " + lower.get(k).strip());
                lower.remove(k);
                lowerStarts.remove(k);
                lowerBounds.remove(k);
                moved = true;
            }
            if (!moved) {
                out.add(line);
                continue;
            }
            out.set(out.size() - 1, new PdfLine(String.join("\t", upper), List.of(), null, above.baseline(), above.fontSize(), above.cellStarts(), above.cellBounds()));
            if (!lower.isEmpty()) out.add(new PdfLine(String.join("\t", lower), List.of(), null, line.baseline(), line.fontSize(), lowerStarts, lowerBounds));
        }
        return out;
    }

    /** The index of the cell with the borders of {@code cell} (to a point: each row draws its own), or -1. */
    private static int sameCell(List<PdfLine.Bounds> cells, PdfLine.Bounds cell) {
        for (int i = 0; i < cells.size(); i++) {
            PdfLine.Bounds c = cells.get(i);
            if (near(c.left(), cell.left()) && near(c.right(), cell.right())) return i;
        }
        return -1;
    }

    private static boolean near(float a, float b) {
        return a == b || Math.abs(a - b) < 1f;
    }

    /** A row border under the upper line's baseline {@code top} and above the lower one's {@code bottom}, across the cell's columns. */
    private static boolean borderBetween(float top, float bottom, PdfLine.Bounds cell, List<float[]> horizontals) {
        for (float[] h : horizontals) {
            if (h[0] > top + 0.5f && h[0] < bottom && h[2] > cell.left() + 1 && h[1] < cell.right() - 1) return true;
        }
        return false;
    }

    /** The column borders that run past the line's baseline, left to right, one per x. */
    private static List<float[]> crossing(PdfLine line, List<float[]> verticals) {
        List<float[]> out = new ArrayList<>();
        for (float[] v : verticals) {
            if (!PdfRuleFinder.crosses(v, line.baseline())) continue;
            boolean known = false;
            for (float[] o : out) known |= Math.abs(o[0] - v[0]) < 1f;
            if (!known) out.add(v);
        }
        out.sort((a, b) -> Float.compare(a[0], b[0]));
        return out;
    }

    /** Lines whose cells are placed (and that carry no footnote marks, whose offsets a join would move). */
    private static boolean joinable(PdfLine line) {
        if (!line.marks().isEmpty() || line.leadingMark() != null || line.cellStarts().isEmpty()) return false;
        int cells = 1;
        for (int k = 0; k < line.text().length(); k++) if (line.text().charAt(k) == '\t') cells++;
        return cells == line.cellStarts().size();
    }

    /** One of the row's borders runs down past the next line too, and no row border lies between the two. */
    private static boolean sameRow(PdfLine above, PdfLine below, List<float[]> borders, List<float[]> horizontals) {
        boolean continues = false;
        for (float[] v : borders) continues |= PdfRuleFinder.crosses(v, above.baseline()) && PdfRuleFinder.crosses(v, below.baseline());
        if (!continues) return false;
        PdfLine.Bounds row = new PdfLine.Bounds(borders.get(0)[0], borders.get(borders.size() - 1)[0]);
        return !borderBetween(above.baseline(), below.baseline(), row, horizontals);
    }

    private static PdfLine joined(List<PdfLine> rows, List<float[]> borders) {
        int columns = borders.size() + 1;
        StringBuilder[] text = new StringBuilder[columns];
        float[] start = new float[columns];
        for (PdfLine line : rows) {
            String[] pieces = line.text().split("\t", -1);
            for (int k = 0; k < pieces.length; k++) {
                String piece = pieces[k].strip();
                if (piece.isEmpty()) continue;
                float x = line.cellStarts().get(k);
                int column = 0;
                while (column < borders.size() && borders.get(column)[0] <= x) column++;
                if (text[column] == null) {
                    text[column] = new StringBuilder(piece);
                    start[column] = x;
                } else {
                    text[column].append(' ').append(piece);
                    start[column] = Math.min(start[column], x);
                }
            }
        }
        StringBuilder line = new StringBuilder();
        List<Float> starts = new ArrayList<>();
        List<PdfLine.Bounds> bounds = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            if (text[c] == null) continue;
            if (line.length() > 0) line.append('\t');
            line.append(text[c]);
            starts.add(start[c]);
            bounds.add(new PdfLine.Bounds(c == 0 ? Float.NEGATIVE_INFINITY : borders.get(c - 1)[0],
                    c == borders.size() ? Float.POSITIVE_INFINITY : borders.get(c)[0]));
        }
        PdfLine first = rows.get(0);
        return new PdfLine(line.toString(), List.of(), null, first.baseline(), first.fontSize(), starts, bounds);
    }
}
