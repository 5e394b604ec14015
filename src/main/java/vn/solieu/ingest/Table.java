package vn.solieu.ingest;

import java.util.List;

/**
 * A table as the format gave it: rows of cells, each cell's text and its span in
 * {@link SourceDocument#text()} (a row is one line of the text, cells separated by tabs).
 * Which rows are headers is not decided here: the fact stage reads that from the cells.
 *
 * @param page    the 1-based page of its first row, or null for formats without pages
 * @param caption the line just above the table when it reads as its title, else null
 * @param rows    the rows top to bottom; a row may have fewer cells than another
 * @param span    the span of the whole table in the text
 */
public record Table(Integer page, String caption, List<List<Cell>> rows, Span span) {
    /**
     * One cell: its text (trimmed, spaces folded), where it is in the document, and how many
     * grid columns it spans (Word's merged cells: "Số hồ sơ" over "Tiếp nhận" and "Giải quyết").
     */
    public record Cell(String text, int start, int end, int columns) {
        public Cell(String text, int start, int end) {
            this(text, start, end, 1);
        }

        public Cell {
            if (columns < 1) throw new IllegalArgumentException("a cell spans at least one column: " + columns);
        }

        public Cell spanning(int n) {
            return new Cell(text, start, end, n);
        }
    }

    /** The cells of the row text[from, to): tab-separated, as the PDF and Word readers write rows. */
    static List<Cell> cells(CharSequence text, int from, int to) {
        List<Cell> cells = new java.util.ArrayList<>();
        int start = from;
        for (int i = from; i <= to; i++) {
            if (i == to || text.charAt(i) == '\t') {
                cells.add(new Cell(text.subSequence(start, i).toString(), start, i));
                start = i + 1;
            }
        }
        return cells;
    }

    public Table {
        rows = rows.stream().map(List::copyOf).toList();
    }

    /** The widest row's width in grid columns. */
    public int columns() {
        return rows.stream().mapToInt(r -> r.stream().mapToInt(Cell::columns).sum()).max().orElse(0);
    }
}
