package vn.solieu.corpus;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

/**
 * Writes a {@link ReportDocument} as a PDF with a real page layout: A4 (or the given {@link PageStyle}),
 * DejaVu Serif Condensed embedded as a Type 0 subset, lines wrapped at the text width, automatic
 * pagination, page numbers centred in the footer, footnote marks as superscripts and each footnote at
 * the bottom of the page of its mark, below a short rule.
 *
 * <p>The output is a pure function of the document: the file ID is derived from the text and the
 * dates are the document's, so writing the same document twice gives the same bytes.
 */
public final class PdfReportWriter {

    private final PageStyle style;

    public PdfReportWriter() {
        this(PageStyle.DEFAULT);
    }

    public PdfReportWriter(PageStyle style) {
        this.style = style;
    }

    /** Writes the PDF to a file; returns the number of pages. */
    public int write(ReportDocument document, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            return write(document, out);
        }
    }

    /** Writes the PDF to a stream (left open); returns the number of pages. */
    public int write(ReportDocument document, OutputStream out) throws IOException {
        try (PDDocument pdf = new PDDocument()) {
            Fonts fonts = new Fonts(PDType0Font.load(pdf, new ByteArrayInputStream(ReportFonts.regular()), true),
                    PDType0Font.load(pdf, new ByteArrayInputStream(ReportFonts.bold()), true));
            Layout layout = new Layout(style, fonts, document);
            List<PageContent> pages = layout.paginate();
            for (int i = 0; i < pages.size(); i++) draw(pdf, pages.get(i), i + 1, fonts);
            stampMetadata(pdf, document);
            pdf.save(out);
            return pages.size();
        }
    }

    private void draw(PDDocument pdf, PageContent content, int pageNumber, Fonts fonts) throws IOException {
        PDPage page = new PDPage(new PDRectangle(style.pageWidth(), style.pageHeight()));
        pdf.addPage(page);
        try (PDPageContentStream cs = new PDPageContentStream(pdf, page)) {
            float y = style.pageHeight() - style.marginTop();
            for (Line line : content.body) {
                drawLine(cs, line, y);
                y -= line.height;
            }
            if (!content.notes.isEmpty()) {
                float top = style.marginBottom() + Layout.height(content.notes);
                float ruleY = top + Layout.noteGap(style) / 2f;
                cs.setLineWidth(0.5f);
                cs.moveTo(style.marginLeft(), ruleY);
                cs.lineTo(style.marginLeft() + style.textWidth() / 3f, ruleY);
                cs.stroke();
                y = top;
                for (Line line : content.notes) {
                    drawLine(cs, line, y);
                    y -= line.height;
                }
            }
            String number = String.valueOf(pageNumber);
            float width = fonts.regular.getStringWidth(number) / 1000f * style.footerSize();
            cs.beginText();
            cs.setFont(fonts.regular, style.footerSize());
            cs.newLineAtOffset((style.pageWidth() - width) / 2f, style.marginBottom() / 2f - style.footerSize() / 2f);
            cs.showText(number);
            cs.endText();
        }
    }

    private void drawLine(PDPageContentStream cs, Line line, float top) throws IOException {
        float x = style.marginLeft() + (line.centered ? (style.textWidth() - line.width()) / 2f : 0f);
        float baseline = top - line.size;
        for (Run run : line.runs) {
            cs.beginText();
            cs.setFont(run.font, run.size);
            cs.newLineAtOffset(x, baseline + run.rise);
            cs.showText(run.text);
            cs.endText();
            x += run.width();
        }
    }

    private static void stampMetadata(PDDocument pdf, ReportDocument document) {
        PDDocumentInformation info = new PDDocumentInformation();
        if (!document.title().isEmpty()) info.setTitle(document.title());
        info.setCreator("solieu corpus");
        info.setProducer("Apache PDFBox");
        Calendar date = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        date.setTimeInMillis(document.date().toEpochMilli());
        info.setCreationDate(date);
        info.setModificationDate(date);
        pdf.setDocumentInformation(info);
        pdf.getDocumentCatalog().setLanguage("vi");
        // PDFBox makes up a time-based /ID when the trailer has none; one derived from the text keeps the bytes reproducible.
        byte[] id = Arrays.copyOf(digest(document), 16);
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        pdf.getDocument().getTrailer().setItem(COSName.ID, ids);
    }

    private static byte[] digest(ReportDocument document) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(document.title().getBytes(StandardCharsets.UTF_8));
            for (Block block : document.blocks()) {
                sha.update((block.getClass().getSimpleName() + "\n" + ReportDocument.textWithMarks(block) + "\n").getBytes(StandardCharsets.UTF_8));
            }
            for (Footnote f : document.footnotes()) sha.update((f.number() + " " + f.text() + "\n").getBytes(StandardCharsets.UTF_8));
            sha.update(document.date().toString().getBytes(StandardCharsets.UTF_8));
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- layout ---------------------------------------------------------------------------------

    private record Fonts(PDFont regular, PDFont bold) {}

    /** A stretch of text in one font, size and baseline shift; width measured once. */
    private record Run(String text, PDFont font, float size, float rise, float width) {
        static Run of(String text, PDFont font, float size, float rise) throws IOException {
            return new Run(text, font, size, rise, font.getStringWidth(text) / 1000f * size);
        }
    }

    /** One laid-out line: its runs, height (leading), nominal size, and the footnotes it references. */
    private record Line(List<Run> runs, float size, float height, boolean centered, List<Integer> notes, boolean breakBefore) {
        float width() {
            float w = 0;
            for (Run r : runs) w += r.width();
            return w;
        }
    }

    private static final class PageContent {
        final List<Line> body = new ArrayList<>();
        final List<Line> notes = new ArrayList<>();
    }

    private static final class Layout {
        private final PageStyle style;
        private final Fonts fonts;
        private final ReportDocument document;
        private final Map<Integer, List<Line>> noteLines = new HashMap<>();
        private final Map<PDFont, Map<Integer, Boolean>> printable = new HashMap<>(); // per font: code point → has a glyph

        Layout(PageStyle style, Fonts fonts, ReportDocument document) {
            this.style = style;
            this.fonts = fonts;
            this.document = document;
        }

        static float height(List<Line> lines) {
            float h = 0;
            for (Line l : lines) h += l.height;
            return h;
        }

        static float noteGap(PageStyle style) {
            return style.footnoteSize() * 1.2f;
        }

        private float notesHeight(List<Line> notes) {
            return notes.isEmpty() ? 0f : noteGap(style) + height(notes);
        }

        List<PageContent> paginate() throws IOException {
            for (Footnote f : document.footnotes()) noteLines.put(f.number(), layoutFootnote(f));
            List<Line> lines = new ArrayList<>();
            boolean breakPending = false;
            for (Block block : document.blocks()) {
                if (block instanceof Block.PageBreak) {
                    breakPending = true;
                    continue;
                }
                List<Line> blockLines = layoutBlock(block);
                if (breakPending && !blockLines.isEmpty()) {
                    Line first = blockLines.get(0);
                    blockLines.set(0, new Line(first.runs, first.size, first.height, first.centered, first.notes, true));
                    breakPending = false;
                }
                lines.addAll(blockLines);
            }

            float available = style.textHeight();
            List<PageContent> pages = new ArrayList<>();
            PageContent page = new PageContent();
            List<Line> carried = new ArrayList<>(); // footnote lines that did not fit on their page
            for (Line line : lines) {
                if (line.breakBefore && !page.body.isEmpty()) {
                    page = nextPage(pages, page, carried, available);
                }
                List<Line> notes = new ArrayList<>();
                for (int n : line.notes) notes.addAll(noteLines.get(n));
                while (true) {
                    List<Line> pageNotes = new ArrayList<>(page.notes);
                    pageNotes.addAll(notes);
                    boolean fits = height(page.body) + line.height + notesHeight(pageNotes) <= available;
                    if (fits || page.body.isEmpty()) {
                        page.body.add(line);
                        page.notes.addAll(notes);
                        break;
                    }
                    page = nextPage(pages, page, carried, available);
                }
            }
            pages.add(page);
            trimNotes(page, carried, available);
            while (!carried.isEmpty()) { // footnote text longer than the room left on the last pages
                PageContent extra = new PageContent();
                extra.notes.addAll(carried);
                carried.clear();
                trimNotes(extra, carried, available);
                pages.add(extra);
            }
            return pages;
        }

        /** Closes a page (moving footnote lines that overflow it to the next one) and opens the next. */
        private PageContent nextPage(List<PageContent> pages, PageContent page, List<Line> carried, float available) {
            trimNotes(page, carried, available);
            pages.add(page);
            PageContent next = new PageContent();
            next.notes.addAll(carried);
            carried.clear();
            return next;
        }

        private void trimNotes(PageContent page, List<Line> carried, float available) {
            while (page.notes.size() > 1 && height(page.body) + notesHeight(page.notes) > available) {
                carried.add(0, page.notes.remove(page.notes.size() - 1));
            }
        }

        private List<Line> layoutBlock(Block block) throws IOException {
            float size = style.bodySize();
            float leading = size * style.lineSpacing();
            if (block instanceof Block.Blank) return List.of(new Line(List.of(), size, leading, false, List.of(), false));
            if (block instanceof Block.PageBreak) return List.of();
            if (block instanceof Block.Title t) return wrap(segments(t.inlines(), fonts.bold, size, style.markSize()), size, leading, true);
            if (block instanceof Block.Heading h) return wrap(segments(h.inlines(), fonts.bold, size, style.markSize()), size, leading, false);
            return wrap(segments(block.inlines(), fonts.regular, size, style.markSize()), size, leading, false);
        }

        private List<Line> layoutFootnote(Footnote note) throws IOException {
            float size = style.footnoteSize();
            float leading = size * 1.15f;
            float markSize = Math.round(size * 0.65f);
            List<Line> out = new ArrayList<>();
            for (int i = 0; i < note.paragraphs().size(); i++) {
                List<Segment> segments = new ArrayList<>();
                if (i == 0) {
                    segments.add(new Segment(String.valueOf(note.number()), fonts.regular, markSize, size * 0.35f, -1));
                    segments.add(new Segment(" ", fonts.regular, size, 0f, -1));
                }
                segments.add(new Segment(note.paragraphs().get(i), fonts.regular, size, 0f, -1));
                List<Line> lines = wrap(segments, size, leading, false);
                // footnote lines carry no references of their own
                for (Line l : lines) out.add(new Line(l.runs, l.size, l.height, false, List.of(), false));
            }
            return out;
        }

        /** Text or a superscript mark (then {@code note} is its footnote number). */
        private record Segment(String text, PDFont font, float size, float rise, int note) {}

        private List<Segment> segments(List<Inline> inlines, PDFont font, float size, float markSize) {
            List<Segment> out = new ArrayList<>();
            for (Inline inline : inlines) {
                if (inline instanceof Inline.Text t) {
                    out.add(new Segment(printable(font, t.text()), font, size, 0f, -1));
                } else if (inline instanceof Inline.FootnoteRef r) {
                    out.add(new Segment(String.valueOf(r.number()), fonts.regular, markSize, size * 0.33f, r.number()));
                }
            }
            return out;
        }

        /**
         * Greedy line filling. A "word" is a run of non-space text across segments, so a mark stays glued
         * to the token before it; a word wider than the line is cut between characters.
         */
        private List<Line> wrap(List<Segment> segments, float size, float leading, boolean centered) throws IOException {
            List<List<Piece>> words = new ArrayList<>();
            List<String> spacesBefore = new ArrayList<>();
            List<Piece> word = new ArrayList<>();
            StringBuilder pendingSpace = new StringBuilder();
            for (Segment s : segments) {
                String text = s.text();
                int i = 0;
                while (i < text.length()) {
                    int j = i;
                    boolean space = Character.isWhitespace(text.charAt(i));
                    while (j < text.length() && Character.isWhitespace(text.charAt(j)) == space) j++;
                    String part = text.substring(i, j);
                    if (space) {
                        if (!word.isEmpty()) {
                            words.add(word);
                            word = new ArrayList<>();
                        }
                        pendingSpace.append(part.replace('\t', ' ').replace('\u00A0', ' '));
                    } else {
                        if (word.isEmpty()) {
                            spacesBefore.add(pendingSpace.toString());
                            pendingSpace.setLength(0);
                        }
                        word.add(new Piece(part, s));
                    }
                    i = j;
                }
                if (text.isEmpty() && s.note() > 0) word.add(new Piece("", s));
            }
            if (!word.isEmpty()) words.add(word);

            float max = style.textWidth();
            List<Line> lines = new ArrayList<>();
            List<Run> current = new ArrayList<>();
            List<Integer> notes = new ArrayList<>();
            float width = 0;
            for (int w = 0; w < words.size(); w++) {
                List<Run> wordRuns = runs(words.get(w));
                float wordWidth = widthOf(wordRuns);
                String space = spacesBefore.get(w);
                Run spaceRun = current.isEmpty() || space.isEmpty() ? null : Run.of(space, wordRuns.get(0).font(), size, 0f);
                float spaceWidth = spaceRun == null ? 0 : spaceRun.width();
                if (!current.isEmpty() && width + spaceWidth + wordWidth > max) {
                    lines.add(new Line(merge(current), size, leading, centered, List.copyOf(notes), false));
                    current = new ArrayList<>();
                    notes = new ArrayList<>();
                    width = 0;
                    spaceRun = null;
                    spaceWidth = 0;
                }
                if (spaceRun != null) current.add(spaceRun);
                width += spaceWidth;
                for (Piece p : words.get(w)) if (p.segment().note() > 0) notes.add(p.segment().note());
                if (wordWidth > max) { // cut an over-long word between characters
                    for (Run r : wordRuns) {
                        int start = 0;
                        for (int k = 0; k < r.text().length(); ) {
                            int cp = r.text().codePointAt(k);
                            int next = k + Character.charCount(cp);
                            Run piece = Run.of(r.text().substring(start, next), r.font(), r.size(), r.rise());
                            if (width + piece.width() > max && next - start > Character.charCount(cp)) {
                                current.add(Run.of(r.text().substring(start, k), r.font(), r.size(), r.rise()));
                                lines.add(new Line(merge(current), size, leading, centered, List.of(), false));
                                current = new ArrayList<>();
                                width = 0;
                                start = k;
                            }
                            k = next;
                        }
                        Run rest = Run.of(r.text().substring(start), r.font(), r.size(), r.rise());
                        current.add(rest);
                        width += rest.width();
                    }
                } else {
                    current.addAll(wordRuns);
                    width += wordWidth;
                }
            }
            if (!current.isEmpty() || lines.isEmpty()) lines.add(new Line(merge(current), size, leading, centered, List.copyOf(notes), false));
            return lines;
        }

        private record Piece(String text, Segment segment) {}

        private static List<Run> runs(List<Piece> pieces) throws IOException {
            List<Run> out = new ArrayList<>();
            for (Piece p : pieces) out.add(Run.of(p.text(), p.segment().font(), p.segment().size(), p.segment().rise()));
            return out;
        }

        private static float widthOf(List<Run> runs) {
            float w = 0;
            for (Run r : runs) w += r.width();
            return w;
        }

        /** Joins neighbouring runs of the same font, size and rise: fewer text objects, same glyphs. */
        private static List<Run> merge(List<Run> runs) {
            List<Run> out = new ArrayList<>();
            for (Run r : runs) {
                if (r.text().isEmpty()) continue;
                if (!out.isEmpty()) {
                    Run last = out.get(out.size() - 1);
                    if (last.font() == r.font() && last.size() == r.size() && last.rise() == r.rise()) {
                        // glyph widths add up (no kerning is applied), so no need to measure the joined text again
                        out.set(out.size() - 1, new Run(last.text() + r.text(), r.font(), r.size(), r.rise(), last.width() + r.width()));
                        continue;
                    }
                }
                out.add(r);
            }
            return out;
        }

        /** Replaces characters the font has no glyph for with '?', so one odd character cannot sink a file. */
        private String printable(PDFont font, String text) {
            StringBuilder out = null;
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                int n = Character.charCount(cp);
                boolean ok = printable.computeIfAbsent(font, f -> new HashMap<>()).computeIfAbsent(cp, c -> canEncode(font, c));
                if (!ok && out == null) out = new StringBuilder(text.substring(0, i));
                if (out != null) out.append(ok ? text.substring(i, i + n) : "?");
                i += n;
            }
            return out == null ? text : out.toString();
        }

        private static boolean canEncode(PDFont font, int codePoint) {
            if (Character.isISOControl(codePoint)) return false;
            try {
                font.encode(new String(Character.toChars(codePoint)));
                return true;
            } catch (IllegalArgumentException | IOException e) {
                return false;
            }
        }
    }
}
