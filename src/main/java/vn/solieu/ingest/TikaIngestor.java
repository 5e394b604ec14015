package vn.solieu.ingest;

import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.html.DefaultHtmlMapper;
import org.apache.tika.parser.html.HtmlMapper;
import org.apache.tika.parser.microsoft.OfficeParserConfig;
import org.apache.tika.sax.BodyContentHandler;
import org.xml.sax.SAXException;
import vn.solieu.text.VietText;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Word (.docx, .doc), OpenDocument text, RTF and HTML through Tika. One line per paragraph,
 * heading or list item; a table row is one line with its cells separated by tabs; running
 * headers and footers are left out.
 *
 * <p>Footnotes are moved out of the body to the end of the text, one line each, opening with
 * the note's number, and recorded in {@link SourceDocument#footnoteAreas()}; where the body
 * refers to a note, the reference becomes a superscript number recorded in
 * {@link SourceDocument#footnoteMarks()}. Tika gives this differently per format: for .docx a
 * {@code [footnoteRef:N]} token in the paragraph and the note in a {@code div.footnote} after
 * it; for OpenDocument the note (citation first) nested where the reference is; for RTF the
 * note text inline with no markup, so {@link RtfNotes} brackets it before parsing.
 *
 * <p>No pages: these formats do not store where pages break (Word's "last rendered page
 * break" hints are absent from generated files and stale in edited ones), so facts from them
 * carry no page.
 */
public final class TikaIngestor implements Ingestor {
    private static final String WORD_97 = "application/msword";
    private static final Set<String> DOCX = Set.of(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.template",
            "application/vnd.ms-word.document.macroenabled.12");
    static final Set<String> TYPES = java.util.stream.Stream.concat(DOCX.stream(), java.util.stream.Stream.of(
            WORD_97,
            "application/vnd.oasis.opendocument.text",
            "application/vnd.oasis.opendocument.text-template",
            "application/rtf",
            "text/html",
            "application/xhtml+xml")).collect(java.util.stream.Collectors.toUnmodifiableSet());

    private static final Pattern NOTE_REFERENCE = Pattern.compile("\\[(?:foot|end)noteRef:\\d+\\]");
    private static final char MARK_START = '\uE003', MARK_END = '\uE004';
    private static final Pattern OPENING_NUMBER = Pattern.compile("^(\\d{1,3})(?=\\s|$)");

    private final AutoDetectParser parser = new AutoDetectParser();

    @Override
    public boolean accepts(String mediaType) {
        return TYPES.contains(baseType(mediaType));
    }

    @Override
    public SourceDocument read(Path file, String shownName, byte[] bytes, String sha256, String mediaType) throws IngestException {
        String type = baseType(mediaType);
        byte[] input = type.equals("application/rtf") ? RtfNotes.bracketNotes(bytes) : bytes;
        TikaLineHandler lines = new TikaLineHandler();
        Metadata metadata = new Metadata();
        metadata.set(Metadata.CONTENT_TYPE, mediaType);
        // Ingest has detected the type already (as Tika would): AutoDetectParser need not detect it again.
        metadata.set(TikaCoreProperties.CONTENT_TYPE_USER_OVERRIDE, mediaType);
        if (file.getFileName() != null) metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, file.getFileName().toString());
        try (InputStream in = new ByteArrayInputStream(input)) {
            parser.parse(in, new BodyContentHandler(lines), metadata, context());
        } catch (EncryptedDocumentException e) {
            throw new IngestException("encrypted document, cannot be read without its password", e);
        } catch (TikaException | SAXException | IOException e) {
            throw new IngestException("damaged " + describe(type) + ": " + oneLine(e), e);
        }
        // .doc/.docx text typed in .VnTime (TCVN3) or VNI-Times fonts arrives as Latin-1 look-alikes.
        String raw = LegacyText.repair(lines.raw());
        if (type.equals(WORD_97)) raw = bracketWord97Notes(raw);
        // Tika writes a merged cell of a .docx table once: the spans come from the document itself.
        // (OpenDocument and HTML say so in the cells themselves, as colspan and rowspan.)
        List<int[]> rowSpans = !lines.rowSpans().isEmpty() ? lines.rowSpans()
                : DOCX.contains(type) && raw.indexOf(TikaLineHandler.TABLE_START) >= 0 ? DocxTableSpans.rows(bytes) : List.of();
        return toDocument(shownName, sha256, type, raw, rowSpans);
    }

    /** What Tika writes for the control char that opens a .doc note (its auto-number): XML cannot carry it. */
    private static final String WORD_97_NOTE_NUMBER = "\uFFFD";

    /**
     * Word 97-2003 (.doc): Tika writes the footnotes and endnotes after the body as plain
     * paragraphs, each note opening with {@link #WORD_97_NOTE_NUMBER}, and turns their references
     * in the body into line breaks. From the first such paragraph on, every note is bracketed as
     * Tika brackets a .docx note; its further paragraphs belong to it. (Where a reference stood,
     * the body keeps a space: "năm 2023¹;" reads "năm 2023 ;".)
     */
    static String bracketWord97Notes(String raw) {
        boolean atStart = raw.startsWith(WORD_97_NOTE_NUMBER);
        int afterBreak = atStart ? -1 : raw.indexOf("\n" + WORD_97_NOTE_NUMBER);
        if (!atStart && afterBreak < 0) return raw;
        int first = afterBreak + 1;
        StringBuilder out = new StringBuilder(raw.length() + 16).append(raw, 0, first);
        boolean open = false;
        for (String line : raw.substring(first).split("\n", -1)) {
            if (line.startsWith(WORD_97_NOTE_NUMBER)) {
                if (open) out.append(TikaLineHandler.NOTE_END);
                out.append(TikaLineHandler.NOTE_START).append(line, 1, line.length()).append('\n');
                open = true;
            } else {
                out.append(line).append('\n');
            }
        }
        if (open) out.append(TikaLineHandler.NOTE_END);
        return out.toString();
    }

    /** Tika's HTML mapping, but a table cell keeps its colspan and rowspan (merged cells). */
    private static final HtmlMapper KEEP_CELL_SPANS = new DefaultHtmlMapper() {
        @Override
        public String mapSafeAttribute(String elementName, String attributeName) {
            String element = elementName.toLowerCase(java.util.Locale.ROOT), attribute = attributeName.toLowerCase(java.util.Locale.ROOT);
            if ((element.equals("td") || element.equals("th")) && (attribute.equals("colspan") || attribute.equals("rowspan"))) return attribute;
            return super.mapSafeAttribute(elementName, attributeName);
        }
    };

    /**
     * Word's running headers and footers (and the page number field in them) are page
     * furniture; Tika would write them as ordinary paragraphs, so they are switched off here.
     */
    private static ParseContext context() {
        OfficeParserConfig office = new OfficeParserConfig();
        office.setIncludeHeadersAndFooters(false);
        office.setIncludeDeletedContent(false);
        office.setIncludeMoveFromContent(false);
        ParseContext context = new ParseContext();
        context.set(OfficeParserConfig.class, office);
        context.set(HtmlMapper.class, KEEP_CELL_SPANS);
        return context;
    }

    /**
     * Moves the notes out of the body, turns references into marks, tidies the lines.
     * {@code rowSpans}: each table row's cell spans in Tika's row order (may be empty); a row
     * takes them only when their count is its cell count.
     */
    static SourceDocument toDocument(String shownName, String sha256, String mediaType, String raw, List<int[]> rowSpans) {
        boolean referencesInBody = NOTE_REFERENCE.matcher(raw).find();
        List<String> notes = new ArrayList<>();
        StringBuilder body = new StringBuilder(raw.length());
        int i = 0;
        while (i < raw.length()) {
            int start = raw.indexOf(TikaLineHandler.NOTE_START, i);
            if (start < 0) {
                body.append(raw, i, raw.length());
                break;
            }
            body.append(raw, i, start);
            int end = raw.indexOf(TikaLineHandler.NOTE_END, start);
            if (end < 0) end = raw.length();
            String note = VietText.foldSpace(raw.substring(start + 1, end));
            i = Math.min(raw.length(), end + 1);
            if (note.isEmpty()) continue;
            Matcher opening = OPENING_NUMBER.matcher(note);
            String number = !referencesInBody && opening.find() ? opening.group(1) : String.valueOf(notes.size() + 1);
            if (!opening.reset().find()) note = number + " " + note;
            notes.add(note);
            // OpenDocument and RTF put the note where its reference is: the reference mark goes there.
            // (A .doc's notes come after the body, their references lost: no mark.)
            if (!referencesInBody && !mediaType.equals(WORD_97)) body.append(MARK_START).append(number).append(MARK_END);
        }
        String bodyText = body.toString();
        if (referencesInBody) {
            Matcher ref = NOTE_REFERENCE.matcher(bodyText);
            StringBuilder numbered = new StringBuilder();
            int k = 0;
            while (ref.find()) ref.appendReplacement(numbered, MARK_START + String.valueOf(++k) + MARK_END);
            ref.appendTail(numbered);
            bodyText = numbered.toString();
        }

        StringBuilder text = new StringBuilder(bodyText.length());
        List<Span> marks = new ArrayList<>();
        List<Table> tables = new ArrayList<>();
        List<List<Table.Cell>> rows = null;
        int tableStart = 0;
        String lastLine = null;
        String caption = null;
        int rowOrdinal = 0;
        for (String rawLine : bodyText.split("\n")) {
            String stripped = rawLine.strip();
            if (stripped.equals(String.valueOf(TikaLineHandler.TABLE_START))) {
                rows = new ArrayList<>();
                caption = lastLine != null && lastLine.length() <= MAX_CAPTION ? lastLine : null;
                tableStart = -1;
                continue;
            }
            if (stripped.equals(String.valueOf(TikaLineHandler.TABLE_END))) {
                if (rows != null && !rows.isEmpty()) tables.add(new Table(null, caption, rows, new Span(tableStart, text.length())));
                rows = null;
                continue;
            }
            boolean row = rows != null && rawLine.indexOf(TikaLineHandler.ROW_START) >= 0;
            int[] spans = row && rowOrdinal < rowSpans.size() ? rowSpans.get(rowOrdinal) : null;
            if (row) rowOrdinal++;
            String line = row ? tidyRow(rawLine.replace(String.valueOf(TikaLineHandler.ROW_START), "")) : tidy(rawLine);
            if (line.isEmpty() || row && line.replace("\t", "").isBlank()) continue;
            if (text.length() > 0) text.append('\n');
            int lineStart = text.length();
            appendWithMarks(text, VietText.nfc(line), marks);
            if (row) {
                if (tableStart < 0) tableStart = lineStart;
                rows.add(withSpans(Table.cells(text, lineStart, text.length()), spans));
            } else {
                lastLine = text.substring(lineStart);
            }
        }
        List<Span> areas = new ArrayList<>();
        for (String note : notes) {
            if (text.length() > 0) text.append('\n');
            int start = text.length();
            text.append(VietText.nfc(note));
            areas.add(new Span(start, text.length()));
        }
        return new SourceDocument(shownName, sha256, mediaType, text.toString(), List.of(), marks, areas, false, null, List.of(), tables);
    }

    /** A caption is a short line: a long one is a paragraph that happens to come before the table. */
    private static final int MAX_CAPTION = 200;

    /** The row's cells with the spans the document gave them, when it gave one per cell. */
    private static List<Table.Cell> withSpans(List<Table.Cell> cells, int[] spans) {
        if (spans == null || spans.length != cells.size()) return cells;
        List<Table.Cell> out = new ArrayList<>(cells.size());
        for (int i = 0; i < spans.length; i++) out.add(cells.get(i).spanning(spans[i]));
        return out;
    }

    /** A table row: cells trimmed, spaces folded, the trailing cell separator dropped, empty leading cells kept (columns stay in place). */
    private static String tidyRow(String line) {
        String[] cells = line.split("\t", -1);
        int n = cells.length;
        if (n > 1 && cells[n - 1].isBlank()) n--;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) out.append('\t');
            out.append(Whitespace.collapseSpaces(cells[i]).strip());
        }
        return out.toString();
    }

    /**
     * Spaces folded, cells trimmed, ends trimmed: "  a \t b\t" → "a\tb". Written out by hand (it
     * runs on every line) with the answers of {@code replaceAll(" {2,}", " ")}, then
     * {@code replaceAll(" ?\t ?", "\t")}, then {@code replaceAll("^[ \t]+|[ \t]+$", "")}.
     */
    static String tidy(String line) {
        String s = Whitespace.collapseSpaces(line);
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            // One space before a tab and one after it go with the tab (spaces are single by now).
            if (c == ' ' && i + 1 < s.length() && s.charAt(i + 1) == '\t') continue;
            out.append(c);
            if (c == '\t' && i + 1 < s.length() && s.charAt(i + 1) == ' ') i++;
        }
        int start = 0, end = out.length();
        while (start < end && isSpaceOrTab(out.charAt(start))) start++;
        // Regex "$" also matches before a final line terminator (a line holds no '\n': it was split there).
        int last = end > start && isLineTerminator(out.charAt(end - 1)) ? end - 1 : end;
        int trailing = last;
        while (trailing > start && isSpaceOrTab(out.charAt(trailing - 1))) trailing--;
        return out.substring(start, trailing) + out.substring(last, end);
    }

    private static boolean isSpaceOrTab(char c) {
        return c == ' ' || c == '\t';
    }

    private static boolean isLineTerminator(char c) {
        return c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    private static void appendWithMarks(StringBuilder text, String line, List<Span> marks) {
        int i = 0;
        while (i < line.length()) {
            int start = line.indexOf(MARK_START, i);
            if (start < 0) {
                text.append(line, i, line.length());
                return;
            }
            text.append(line, i, start);
            int end = line.indexOf(MARK_END, start);
            if (end < 0) end = line.length();
            int markStart = text.length();
            text.append(PdfLine.superscript(line.substring(start + 1, end)));
            marks.add(new Span(markStart, text.length()));
            i = Math.min(line.length(), end + 1);
        }
    }

    private static String baseType(String mediaType) {
        int semicolon = mediaType.indexOf(';');
        return (semicolon < 0 ? mediaType : mediaType.substring(0, semicolon)).strip().toLowerCase(java.util.Locale.ROOT);
    }

    private static String describe(String type) {
        return switch (type) {
            case WORD_97 -> "Word document (.doc)";
            case "application/rtf" -> "RTF document";
            case "text/html", "application/xhtml+xml" -> "HTML document";
            case "application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.text-template" -> "OpenDocument text";
            default -> "Word document (.docx)";
        };
    }

    private static String oneLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        String line = message.strip().replaceAll("\\s+", " ");
        return line.length() > 160 ? line.substring(0, 160) + "…" : line;
    }
}
