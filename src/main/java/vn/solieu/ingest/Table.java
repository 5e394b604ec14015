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
    /** One cell: its text (trimmed, spaces folded) and where it is in the document. */
    public record Cell(String text, int start, int end) {}

    public Table {
        rows = rows.stream().map(List::copyOf).toList();
    }

    /** The widest row's cell count. */
    public int columns() {
        return rows.stream().mapToInt(List::size).max().orElse(0);
    }
}
