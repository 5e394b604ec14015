package vn.solieu.ingest;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import vn.solieu.text.VietText;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * PDF through PDFBox: one output line per visual line, pages kept (joined by '\f'), page
 * numbers and running headers and footers dropped, superscript footnote marks recognised by
 * their size and rise, footnote bodies put after the page's body text. See
 * {@link SourceDocument} for how marks and footnotes appear in the text.
 *
 * <p>Pages without a text layer, or mostly one large image ({@link #needsOcr}), are read by
 * the {@link PageOcr} given (Tesseract by default, {@link #withDefaultOcr}); their figures are
 * repaired ({@link OcrNumbers}) and {@link SourceDocument#ocrPages()} lists them with their
 * confidence. Text set in TCVN3 or VNI fonts is converted to Unicode ({@link LegacyText}).
 * Tables, ruled or aligned, are written one row a line with tab-separated cells and listed in
 * {@link SourceDocument#tables()} ({@link #tableRows}).
 *
 * <p>Stateless and thread-safe: every read makes its own PDFBox objects.
 */
public final class PdfIngestor implements Ingestor {
    private static final int MARKER_WINDOW = 1024;

    private final PageOcr ocr;

    /** Without OCR: a PDF with no text layer is refused. */
    public PdfIngestor() {
        this(null);
    }

    /** With OCR for pages that have no text layer; {@code ocr} may be null. */
    public PdfIngestor(PageOcr ocr) {
        this.ocr = ocr;
    }

    /**
     * With Tesseract when it is installed (looked for once, on the first page that needs it);
     * without it, a page that needs OCR fails the file with the reason and the install command.
     */
    public static PdfIngestor withDefaultOcr() {
        return new PdfIngestor(TesseractOcr.whenAvailable());
    }

    @Override
    public boolean accepts(String mediaType) {
        return mediaType.equals("application/pdf");
    }

    @Override
    public SourceDocument read(Path file, String shownName, byte[] bytes, String sha256, String mediaType) throws IngestException {
        if (indexOf(bytes, "%PDF-", 0, Math.min(bytes.length, MARKER_WINDOW)) < 0) {
            throw new IngestException("not a PDF: no %PDF header at the start of the file");
        }
        // PDFBox recovers what it can from a cut file; we would rather say the file is incomplete.
        if (indexOf(bytes, "%%EOF", Math.max(0, bytes.length - MARKER_WINDOW), bytes.length) < 0) {
            throw new IngestException("damaged or truncated PDF: no %%EOF marker at the end (file cut short?)");
        }
        try (PDDocument document = Loader.loadPDF(bytes)) {
            if (document.isEncrypted() && !document.getCurrentAccessPermission().canExtractContent()) {
                throw new IngestException("encrypted PDF, its permissions forbid text extraction (owner password needed)");
            }
            int pageCount = document.getNumberOfPages();
            if (pageCount == 0) throw new IngestException("damaged or truncated PDF: no pages");
            PdfLineCollector collector = new PdfLineCollector();
            List<List<PdfLine>> lines = legacyRepaired(collector.read(document));
            return assemble(document, shownName, sha256, lines, collector.horizontalRules());
        } catch (InvalidPasswordException e) {
            throw new IngestException("encrypted PDF, cannot be read without its password", e);
        } catch (IOException e) {
            throw new IngestException("damaged or truncated PDF: " + oneLine(e.getMessage()), e);
        }
    }

    private SourceDocument assemble(PDDocument document, String shownName, String sha256, List<List<PdfLine>> textPages,
                                    List<List<Float>> horizontalRules) throws IOException, IngestException {
        boolean anyText = textPages.stream().anyMatch(p -> !p.isEmpty());
        if (!anyText && ocr == null) throw new IngestException("no text layer (scanned PDF?); OCR is not enabled");

        // OCR first, for every page that needs it: the repair of OCR figures looks at the whole document.
        Map<Integer, PageOcr.Result> ocrResults = new TreeMap<>();
        if (ocr != null) {
            for (int p = 0; p < textPages.size(); p++) {
                if (needsOcr(document.getPage(p), textPages.get(p))) ocrResults.put(p, readOcr(document, p));
            }
        }
        List<List<PdfLine>> rawPages = new ArrayList<>(textPages);
        if (!ocrResults.isEmpty()) {
            StringBuilder evidence = new StringBuilder();
            for (List<PdfLine> lines : textPages) for (PdfLine l : lines) evidence.append(l.text()).append('\n');
            for (PageOcr.Result r : ocrResults.values()) evidence.append(r.text()).append('\n');
            boolean dotThousands = OcrNumbers.dotThousands(evidence);
            for (Map.Entry<Integer, PageOcr.Result> e : ocrResults.entrySet()) rawPages.set(e.getKey(), ocrLines(e.getValue(), dotThousands));
        }

        List<List<PdfLine>> pages = PdfLayout.withoutFurniture(rawPages);
        float bodySize = PdfLayout.bodyFontSize(pages);

        StringBuilder text = new StringBuilder();
        List<Page> pageSpans = new ArrayList<>();
        List<Span> marks = new ArrayList<>();
        List<Span> areas = new ArrayList<>();
        List<SourceDocument.OcrPage> ocrPages = new ArrayList<>();
        List<Table> tables = new ArrayList<>();
        double confidenceSum = 0;
        Set<String> previousPageMarks = Set.of();
        for (int p = 0; p < pages.size(); p++) {
            if (p > 0) text.append('\f');
            int pageStart = text.length();
            List<PdfLine> lines = pages.get(p);
            PageOcr.Result ocrResult = ocrResults.get(p);
            if (ocrResult != null) {
                confidenceSum += ocrResult.confidence();
                ocrPages.add(new SourceDocument.OcrPage(p + 1, ocrResult.confidence()));
            }
            Set<String> pageMarks = markNumbers(lines);
            Set<String> marksSeen = new HashSet<>(pageMarks);
            marksSeen.addAll(previousPageMarks);
            PdfLayout.PageParts parts = PdfLayout.splitFootnotes(lines, bodySize, marksSeen, horizontalRules.get(p));
            List<PdfLine> body = parts.body();
            boolean[] tableRow = tableRows(body);
            boolean first = true;
            List<List<Table.Cell>> rows = null;
            List<PdfLine> rowLines = new ArrayList<>();
            int tableStart = 0;
            String caption = null;
            for (int i = 0; i < body.size(); i++) {
                PdfLine line = body.get(i);
                if (!first) text.append('\n');
                first = false;
                int lineStart = text.length();
                // Outside a table a wide gap is only a wide gap.
                appendBodyLine(text, tableRow[i] ? line : line.withoutTabs(), marks);
                if (tableRow[i]) {
                    if (rows == null) {
                        rows = new ArrayList<>();
                        tableStart = lineStart;
                        caption = i > 0 && !tableRow[i - 1] && body.get(i - 1).text().length() <= 200 ? body.get(i - 1).text().replace('\t', ' ') : null;
                    }
                    rows.add(Table.cells(text, lineStart, text.length()));
                    rowLines.add(line);
                }
                if (rows != null && (i + 1 == body.size() || !tableRow[i + 1])) {
                    tables.add(new Table(p + 1, caption, inColumns(rows, rowLines), new Span(tableStart, text.length())));
                    rows = null;
                    rowLines.clear();
                }
            }
            for (String note : parts.footnotes()) {
                if (!first) text.append('\n');
                first = false;
                int start = text.length();
                text.append(note.replace('\t', ' '));
                areas.add(new Span(start, text.length()));
            }
            pageSpans.add(new Page(p + 1, pageStart, text.length()));
            previousPageMarks = pageMarks;
        }
        boolean anyOcr = !ocrPages.isEmpty();
        return new SourceDocument(shownName, sha256, "application/pdf", text.toString(), pageSpans, marks, areas,
                anyOcr, anyOcr ? confidenceSum / ocrPages.size() : null, ocrPages, tables);
    }

    /**
     * Which lines of a page are table rows. {@link PdfLineCollector} writes a tab where a line
     * jumps a column (a wide gap, or a vertical rule between two glyphs); a table is a run of
     * consecutive lines with tabs in which two lines or more have three cells or more, or three
     * lines or more have two. A lone line with a wide gap is not a table.
     */
    static boolean[] tableRows(List<PdfLine> lines) {
        boolean[] row = new boolean[lines.size()];
        int i = 0;
        while (i < lines.size()) {
            if (tabs(lines.get(i)) == 0) {
                i++;
                continue;
            }
            int j = i, wide = 0;
            while (j < lines.size() && tabs(lines.get(j)) > 0) {
                if (tabs(lines.get(j)) >= 2) wide++;
                j++;
            }
            if (wide >= 2 || j - i >= 3) for (int k = i; k < j; k++) row[k] = true;
            i = j;
        }
        return row;
    }

    private static int tabs(PdfLine line) {
        int n = 0;
        for (int i = 0; i < line.text().length(); i++) if (line.text().charAt(i) == '\t') n++;
        return n;
    }

    /**
     * Puts each row's cells under their columns: a row with an empty cell ("", "Tổng cộng", …)
     * prints no text there, so its cells are placed by position, under the nearest column start
     * of the row with the most cells. Skipped places get an empty cell.
     */
    static List<List<Table.Cell>> inColumns(List<List<Table.Cell>> rows, List<PdfLine> lines) {
        if (lines.stream().allMatch(l -> !l.cellBounds().isEmpty())) return onBorders(rows, lines);
        List<Float> columns = List.of();
        for (PdfLine l : lines) if (l.cellStarts().size() > columns.size()) columns = l.cellStarts();
        List<List<Table.Cell>> out = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            List<Table.Cell> row = rows.get(r);
            List<Float> starts = lines.get(r).cellStarts();
            if (starts.size() != row.size() || row.size() == columns.size()) {
                out.add(row);
                continue;
            }
            List<Table.Cell> placed = new ArrayList<>();
            for (int c = 0; c < row.size(); c++) {
                int column = nearest(columns, starts.get(c), placed.size());
                // Never more empty cells than the row can spare: the remaining cells must still fit.
                column = Math.min(column, columns.size() - (row.size() - c));
                while (placed.size() < column) placed.add(new Table.Cell("", row.get(c).start(), row.get(c).start()));
                placed.add(row.get(c));
            }
            out.add(placed);
        }
        return out;
    }

    /**
     * A ruled table's rows on the grid its column borders make: each cell covers the columns
     * between its own borders (a merged header cell spans several), the columns a row leaves
     * empty get empty cells, and every row is as wide as the grid.
     */
    static List<List<Table.Cell>> onBorders(List<List<Table.Cell>> rows, List<PdfLine> lines) {
        List<Float> borders = new ArrayList<>();
        for (PdfLine l : lines) {
            for (PdfLine.Bounds b : l.cellBounds()) {
                for (float x : new float[] {b.left(), b.right()}) {
                    if (Float.isInfinite(x) || borders.stream().anyMatch(o -> Math.abs(o - x) < 1.5f)) continue;
                    borders.add(x);
                }
            }
        }
        borders.sort(null);
        int width = Math.max(1, borders.size() - 1);
        List<List<Table.Cell>> out = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            List<Table.Cell> row = rows.get(r);
            List<PdfLine.Bounds> bounds = lines.get(r).cellBounds();
            if (bounds.size() != row.size()) {
                out.add(row);
                continue;
            }
            List<Table.Cell> placed = new ArrayList<>();
            int filled = 0;
            for (int c = 0; c < row.size(); c++) {
                int from = Math.max(filled, column(borders, bounds.get(c).left()));
                int to = Math.max(from + 1, Math.min(width, column(borders, bounds.get(c).right())));
                Table.Cell cell = row.get(c);
                while (filled < from) {
                    placed.add(new Table.Cell("", cell.start(), cell.start()));
                    filled++;
                }
                placed.add(cell.spanning(to - from));
                filled = to;
            }
            int end = row.isEmpty() ? 0 : row.get(row.size() - 1).end();
            while (filled < width) {
                placed.add(new Table.Cell("", end, end));
                filled++;
            }
            out.add(placed);
        }
        return out;
    }

    /** The grid column that starts at border {@code x} (0 left of the table, the last border's index right of it). */
    private static int column(List<Float> borders, float x) {
        if (x == Float.NEGATIVE_INFINITY) return 0;
        if (x == Float.POSITIVE_INFINITY) return borders.size() - 1;
        int i = 0;
        while (i < borders.size() && borders.get(i) < x - 1.5f) i++;
        return i;
    }

    private static int nearest(List<Float> columns, float x, int from) {
        int best = from;
        for (int c = from; c < columns.size(); c++) {
            if (Math.abs(columns.get(c) - x) < Math.abs(columns.get(best) - x)) best = c;
        }
        return best;
    }

    /** A page this many characters of text layer or more is read from its text layer, whatever images it has. */
    static final int MOSTLY_IMAGE_MAX_CHARS = 200;
    /** ... and below that, it is read by OCR when images cover at least this share of it. */
    static final double MOSTLY_IMAGE_MIN_COVERAGE = 0.5;

    /**
     * Which pages are OCRed: a page with no text layer; and a page that is mostly one large image
     * with a little text over it (a scan with a typed or stamped header, a page number added by
     * a later tool): fewer than {@value #MOSTLY_IMAGE_MAX_CHARS} characters of text while images
     * cover at least half the page. A page with a full text layer is never OCRed, even over an
     * image: a "searchable" scan already carries the text, and a report with a logo or a chart
     * keeps its typed text.
     */
    static boolean needsOcr(PDPage page, List<PdfLine> lines) throws IOException {
        int chars = 0;
        for (PdfLine l : lines) chars += l.text().strip().length();
        if (chars == 0) return true;
        if (chars >= MOSTLY_IMAGE_MAX_CHARS) return false;
        return PdfImageCoverage.of(page) >= MOSTLY_IMAGE_MIN_COVERAGE;
    }

    private PageOcr.Result readOcr(PDDocument document, int pageIndex) throws IngestException, IOException {
        try {
            return ocr.read(document, pageIndex);
        } catch (OcrUnavailableException e) {
            throw new IngestException("page " + (pageIndex + 1) + " has no text layer (scanned?) and needs OCR, but " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IngestException("OCR of page " + (pageIndex + 1) + " failed: " + oneLine(e.getMessage()), e);
        }
    }

    /** An OCR page as PDF lines: its line positions when the engine gave them, its figures repaired. */
    static List<PdfLine> ocrLines(PageOcr.Result result, boolean dotThousands) {
        List<PdfLine> lines = new ArrayList<>();
        if (!result.lines().isEmpty()) {
            for (PageOcr.Line l : result.lines()) {
                String t = VietText.nfc(OcrNumbers.repair(l.text(), dotThousands)).strip();
                // No font size: OCR line boxes grow with stacked diacritics, so sizes would mislead the footnote rules.
                if (!t.isEmpty()) lines.add(new PdfLine(t, List.of(), null, l.bottom(), 0f));
            }
        } else {
            float baseline = 0;
            for (String l : result.text().split("\n")) {
                baseline += 14f;
                String t = VietText.nfc(OcrNumbers.repair(l, dotThousands)).strip();
                if (!t.isEmpty()) lines.add(new PdfLine(t, List.of(), null, baseline, 0f));
            }
        }
        return lines;
    }

    /**
     * Lines set in a TCVN3 or VNI font are converted as they are collected when the font's name
     * says so (".VnTime", "VNI-Times"); a renamed or anonymous embedded font does not, so the
     * whole text is also checked for the encodings' look-alike patterns ({@link LegacyText#detect}).
     */
    static List<List<PdfLine>> legacyRepaired(List<List<PdfLine>> pages) {
        StringBuilder all = new StringBuilder();
        for (List<PdfLine> lines : pages) for (PdfLine l : lines) all.append(l.text()).append('\n');
        LegacyText.Encoding encoding = LegacyText.detect(all);
        if (encoding == null) return pages;
        List<List<PdfLine>> result = new ArrayList<>(pages.size());
        for (List<PdfLine> lines : pages) {
            List<PdfLine> converted = new ArrayList<>(lines.size());
            for (PdfLine l : lines) converted.add(LegacyText.hasUnicodeVietnamese(l.text()) ? l : convert(l, encoding));
            result.add(converted);
        }
        return result;
    }

    /** Converts the text between a line's marks; the marks (superscript digits) keep their places. */
    private static PdfLine convert(PdfLine line, LegacyText.Encoding encoding) {
        StringBuilder text = new StringBuilder(line.text().length());
        List<Span> marks = new ArrayList<>();
        int pos = 0;
        for (Span m : line.marks()) {
            text.append(VietText.nfc(LegacyText.convert(line.text().substring(pos, m.start()), encoding, false)));
            int start = text.length();
            text.append(line.text(), m.start(), m.end());
            marks.add(new Span(start, text.length()));
            pos = m.end();
        }
        text.append(VietText.nfc(LegacyText.convert(line.text().substring(pos), encoding, false)));
        return new PdfLine(text.toString(), marks, line.leadingMark(), line.baseline(), line.fontSize());
    }

    /** Appends a body line; a mark that wrapped to the start of the line stays a mark (superscript). */
    private static void appendBodyLine(StringBuilder text, PdfLine line, List<Span> marks) {
        int lineStart = text.length();
        String body = line.text();
        if (line.leadingMark() != null) {
            int n = line.leadingMark().length();
            text.append(PdfLine.superscript(body.substring(0, n)));
            marks.add(new Span(lineStart, lineStart + n));
            text.append(body, n, body.length());
        } else {
            text.append(body);
        }
        for (Span m : line.marks()) marks.add(new Span(lineStart + m.start(), lineStart + m.end()));
    }

    /** The mark numbers of a page in plain digits ("²" → "2"), to match against footnote numbers. */
    private static Set<String> markNumbers(List<PdfLine> lines) {
        Set<String> numbers = new HashSet<>();
        for (PdfLine line : lines) {
            for (Span m : line.marks()) numbers.add(PdfLine.plainDigits(line.text().substring(m.start(), m.end())));
        }
        return numbers;
    }

    private static String oneLine(String message) {
        if (message == null || message.isBlank()) return "unreadable structure";
        String line = message.strip().replaceAll("\\s+", " ");
        return line.length() > 160 ? line.substring(0, 160) + "…" : line;
    }

    private static int indexOf(byte[] bytes, String marker, int from, int to) {
        byte[] m = marker.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = from; i + m.length <= to; i++) {
            for (int k = 0; k < m.length; k++) if (bytes[i + k] != m[k]) continue outer;
            return i;
        }
        return -1;
    }
}
