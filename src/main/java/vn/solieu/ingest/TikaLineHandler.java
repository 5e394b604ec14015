package vn.solieu.ingest;

import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Deque;
import java.util.Set;

/**
 * Turns Tika's XHTML events into lines: one line per paragraph, heading or list item, one line
 * per table row with its cells separated by tabs. Running headers and footers, and comments,
 * are skipped. Footnote and endnote bodies (Word's {@code <div class="footnote">}, OpenDocument's
 * nested {@code <p class="note">}) are written between {@link #NOTE_START} and {@link #NOTE_END}
 * where Tika puts them, so that {@link TikaIngestor} can move them out of the body in one place.
 *
 * <p>The result ({@link #raw()}) still has runs of spaces and blank lines; the caller tidies it.
 */
final class TikaLineHandler extends DefaultHandler {
    static final char NOTE_START = '\uE001';
    static final char NOTE_END = '\uE002';
    /** A top-level table opens and closes on lines of their own; each of its rows opens with ROW_START. */
    static final char TABLE_START = '\uE005', TABLE_END = '\uE006', ROW_START = '\uE007';

    private static final Set<String> BLOCKS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "div",
            "blockquote", "pre", "dt", "dd", "ul", "ol", "dl", "table", "tbody", "thead", "tfoot", "caption", "section",
            "article", "header", "footer", "address", "figure", "figcaption");
    private static final Set<String> SKIPPED_CLASSES = Set.of("header", "footer", "comment", "annotation");
    private static final Set<String> NOTE_CLASSES = Set.of("footnote", "endnote", "note");

    private final StringBuilder raw = new StringBuilder();
    /** For each open element: what it was (so the end tag undoes exactly what the start tag did). */
    private final Deque<Kind> open = new ArrayDeque<>();
    private int skipDepth, noteDepth, cellDepth, tableDepth;

    // Merged cells of the top-level tables, where the format says so (OpenDocument, HTML: colspan
    // and rowspan): a cell covered from the row above gets an empty cell of its own, so columns
    // line up, and each row's spans are kept for the Table (one entry per ROW_START).
    private final List<int[]> rowSpans = new ArrayList<>();
    private List<Integer> rowCells;
    /** Per grid column: how many more rows a cell from above covers it. */
    private final List<Integer> coveredRows = new ArrayList<>();
    private int gridColumn;
    private boolean spansGiven;

    private enum Kind { SKIP, NOTE, CELL, ROW, TOP_ROW, TABLE, BLOCK, INLINE }

    String raw() {
        return raw.toString();
    }

    /** Each top-level table row's cell spans (covered cells included, as one column each), when the format gave any; else empty. */
    List<int[]> rowSpans() {
        return spansGiven ? rowSpans : List.of();
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) {
        String name = localName.isEmpty() ? qName : localName;
        String cls = atts.getValue("class");
        Kind kind;
        if (cls != null && SKIPPED_CLASSES.contains(cls)) {
            kind = Kind.SKIP;
            skipDepth++;
        } else if (cls != null && NOTE_CLASSES.contains(cls)) {
            kind = Kind.NOTE;
            if (noteDepth++ == 0 && skipDepth == 0) raw.append(NOTE_START);
        } else if (name.equals("td") || name.equals("th")) {
            kind = Kind.CELL;
            if (rowCells != null && cellDepth == 0) topLevelCell(span(atts, "colspan"), span(atts, "rowspan"));
            cellDepth++;
        } else if (name.equals("tr")) {
            lineBreak();
            if (tableDepth == 1 && cellDepth == 0 && noteDepth == 0 && skipDepth == 0) {
                kind = Kind.TOP_ROW;
                raw.append(ROW_START);
                rowCells = new ArrayList<>();
                gridColumn = 0;
            } else {
                kind = Kind.ROW;
            }
        } else if (name.equals("table")) {
            kind = Kind.TABLE;
            if (tableDepth++ == 0 && cellDepth == 0 && noteDepth == 0 && skipDepth == 0) {
                coveredRows.clear();
                lineBreak();
                raw.append(TABLE_START);
                lineBreak();
            } else {
                lineBreak();
            }
        } else if (BLOCKS.contains(name)) {
            kind = Kind.BLOCK;
            lineBreak();
        } else {
            kind = Kind.INLINE;
            if (name.equals("br")) lineBreak();
        }
        open.push(kind);
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        Kind kind = open.isEmpty() ? Kind.INLINE : open.pop();
        switch (kind) {
            case SKIP -> skipDepth--;
            case NOTE -> {
                if (--noteDepth == 0 && skipDepth == 0) raw.append(NOTE_END);
            }
            case CELL -> {
                cellDepth--;
                if (skipDepth == 0) raw.append(cellDepth > 0 || noteDepth > 0 ? ' ' : '\t');
            }
            case TABLE -> {
                lineBreak();
                if (--tableDepth == 0 && cellDepth == 0 && noteDepth == 0 && skipDepth == 0) {
                    raw.append(TABLE_END);
                    lineBreak();
                }
            }
            case TOP_ROW -> {
                // Columns still covered from above after the row's last cell.
                int last = -1;
                for (int c = gridColumn; c < coveredRows.size(); c++) if (coveredRows.get(c) > 0) last = c;
                while (gridColumn <= last) coveredCell();
                rowSpans.add(rowCells.stream().mapToInt(Integer::intValue).toArray());
                rowCells = null;
                lineBreak();
            }
            case ROW, BLOCK -> lineBreak();
            case INLINE -> { }
        }
    }

    private void topLevelCell(int colspan, int rowspan) {
        while (gridColumn < coveredRows.size() && coveredRows.get(gridColumn) > 0) coveredCell();
        if (colspan > 1 || rowspan > 1) spansGiven = true;
        rowCells.add(colspan);
        for (int k = 0; k < colspan; k++) {
            while (coveredRows.size() <= gridColumn) coveredRows.add(0);
            coveredRows.set(gridColumn++, rowspan - 1);
        }
    }

    /** An empty cell where a cell from a row above stands. */
    private void coveredCell() {
        raw.append('\t');
        rowCells.add(1);
        if (gridColumn < coveredRows.size() && coveredRows.get(gridColumn) > 0) coveredRows.set(gridColumn, coveredRows.get(gridColumn) - 1);
        gridColumn++;
    }

    private static int span(Attributes atts, String name) {
        String v = atts.getValue(name);
        if (v == null) return 1;
        try {
            return Math.max(1, Math.min(1000, Integer.parseInt(v.strip())));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        if (skipDepth > 0) return;
        for (int i = start; i < start + length; i++) {
            char c = ch[i];
            // Line structure comes from the elements; whitespace inside text is only a space.
            raw.append(Character.isWhitespace(c) || c == '\u00A0' ? ' ' : c);
        }
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) {
        // Tika's layout newlines and tabs: the elements already say where lines and cells end.
    }

    /** A paragraph boundary: a new line, except inside a table cell or a note, where it is a space. */
    private void lineBreak() {
        if (skipDepth > 0) return;
        raw.append(cellDepth > 0 || noteDepth > 0 ? ' ' : '\n');
    }
}
