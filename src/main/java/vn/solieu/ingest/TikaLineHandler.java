package vn.solieu.ingest;

import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

import java.util.ArrayDeque;
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

    private enum Kind { SKIP, NOTE, CELL, ROW, TABLE, BLOCK, INLINE }

    String raw() {
        return raw.toString();
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
            cellDepth++;
        } else if (name.equals("tr")) {
            kind = Kind.ROW;
            lineBreak();
            if (tableDepth == 1 && cellDepth == 0 && noteDepth == 0 && skipDepth == 0) raw.append(ROW_START);
        } else if (name.equals("table")) {
            kind = Kind.TABLE;
            if (tableDepth++ == 0 && cellDepth == 0 && noteDepth == 0 && skipDepth == 0) {
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
            case ROW, BLOCK -> lineBreak();
            case INLINE -> { }
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
