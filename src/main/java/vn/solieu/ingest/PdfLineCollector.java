package vn.solieu.ingest;

import org.apache.pdfbox.contentstream.operator.OperatorProcessor;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import vn.solieu.text.VietText;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * PDFBox's own line and word finding (sorted by position), with the glyphs of every line kept
 * so that font size and baseline can be read: each visual line becomes one {@link PdfLine},
 * and raised small digits become footnote marks. Nothing is written to the stripper's output;
 * the lines of each page are collected and returned by {@link #read}, and the rules seen on
 * the way ({@link PdfRuleFinder}) kept for the footnote and table rules.
 *
 * <p>One instance reads one document; not thread-safe (PDFTextStripper is not).
 */
final class PdfLineCollector extends PDFTextStripper {
    /** A mark is at most this share of its line's text size ... */
    private static final float MARK_MAX_SIZE_RATIO = 0.8f;
    /** ... and its baseline is raised by at least this share of the line's text size. */
    private static final float MARK_MIN_RISE_RATIO = 0.12f;

    /** A character of a line with the glyph it came from (null for separators PDFBox inserted). */
    private record Glyph(char c, TextPosition position) {}

    private List<List<PdfLine>> pages = List.of();
    /** Per page, the short horizontal rules {@link PdfRuleFinder} saw (footnote separators). */
    private List<List<Float>> horizontalRules = List.of();
    private List<PdfLine> currentPage;
    /** The current page's rules, found during the same walk that collects its glyphs. */
    private PdfRuleFinder pageRules;
    private final List<Glyph> currentLine = new ArrayList<>();
    /** The page's glyphs by the line {@link ReadingOrder} put them on. */
    private final Map<TextPosition, Integer> lineOf = ReadingOrder.newLineMap();
    /** The {@link ReadingOrder} line of the glyphs in {@link #currentLine}. */
    private Integer currentLineNumber;
    /**
     * The legacy encoding each font of the document declares by name ({@link #NOT_LEGACY} for
     * none): every glyph asks, and matching the name patterns per glyph was a sixth of the read.
     * PDFBox hands out one font object per font resource, so the map stays as small as the
     * document's font list and lives as long as this collector (one document).
     */
    private final Map<PDFont, LegacyFont> legacyFonts = new IdentityHashMap<>();
    private PDFont lastFont;
    private LegacyFont lastFontLegacy;

    /** Glyphs drawn twice at one place (fake bold) are read once: PDFBox's rule, our faster bookkeeping. */
    private final OverlappingGlyphs overlapping = new OverlappingGlyphs();
    /** Per open marked-content sequence, whether it carries /ActualText (PDFBox skips the overlap test inside). */
    private final Deque<Boolean> actualTextSequences = new ArrayDeque<>();
    private boolean insideActualText;

    PdfLineCollector() {
        setSortByPosition(true);
        // Done by processTextPosition below, with the same answers.
        setSuppressDuplicateOverlappingText(false);
        setLineSeparator("\n");
        setWordSeparator(" ");
        setParagraphStart("");
        setParagraphEnd("");
        setPageStart("");
        setPageEnd("");
        setArticleStart("");
        setArticleEnd("");
    }

    /** Reads every page; the result has one list of lines per page, in page order (empty for a page without text). */
    List<List<PdfLine>> read(PDDocument document) throws IOException {
        // PDFBox skips pages without a content stream entirely: every page starts out empty.
        pages = new ArrayList<>();
        horizontalRules = new ArrayList<>();
        for (int i = 0; i < document.getNumberOfPages(); i++) {
            pages.add(List.of());
            horizontalRules.add(List.of());
        }
        writeText(document, Writer.nullWriter());
        return List.copyOf(pages);
    }

    /** After {@link #read}: per page, the tops of its short horizontal rules ({@link PdfRuleFinder}). */
    List<List<Float>> horizontalRules() {
        return List.copyOf(horizontalRules);
    }

    @Override
    protected void startPage(PDPage page) throws IOException {
        currentPage = new ArrayList<>();
        currentLine.clear();
        overlapping.clear();
        // The rule finder sees the page's path operators as this walk meets them; the lines
        // are built after the walk (writePage), when the page's rules are all known.
        pageRules = new PdfRuleFinder(page, this);
        for (OperatorProcessor operator : pageRules.pathOperators()) addOperator(operator);
        super.startPage(page);
    }

    @Override
    protected void endPage(PDPage page) throws IOException {
        finishLine();
        pages.set(getCurrentPageNo() - 1, RuledRows.join(currentPage, pageRules.verticals(), pageRules.horizontals()));
        horizontalRules.set(getCurrentPageNo() - 1, pageRules.rules());
        super.endPage(page);
    }

    /**
     * PDFTextStripper's duplicate test, moved in front of it: a glyph that repeats one already
     * seen on the page at almost the same place is dropped, except inside /ActualText.
     */
    @Override
    protected void processTextPosition(TextPosition text) {
        if (!insideActualText && overlapping.isDuplicate(text.getUnicode(), text.getX(), text.getY(), text.getWidth())) return;
        super.processTextPosition(text);
    }

    /** Tracks /ActualText as PDFTextStripper does: the latest sequence opened decides, closing one that had it clears it. */
    @Override
    public void beginMarkedContentSequence(COSName tag, COSDictionary properties) {
        super.beginMarkedContentSequence(tag, properties);
        boolean hasActualText = PDMarkedContent.create(tag, properties).getActualText() != null;
        actualTextSequences.push(hasActualText);
        insideActualText = hasActualText;
    }

    @Override
    public void endMarkedContentSequence() {
        Boolean closing = actualTextSequences.peek();
        if (closing != null) {
            if (closing) insideActualText = false;
            actualTextSequences.pop();
        }
        super.endMarkedContentSequence();
    }

    /**
     * PDFBox sorts each page's glyphs just before writing them: they are handed over in lists that
     * sort in {@link ReadingOrder}, which also says which line each glyph is on.
     */
    @Override
    protected void writePage() throws IOException {
        lineOf.clear();
        for (int i = 0; i < charactersByArticle.size(); i++) {
            charactersByArticle.set(i, new ReadingOrder.Glyphs(charactersByArticle.get(i), lineOf));
        }
        super.writePage();
    }

    @Override
    protected void writeString(String text, List<TextPosition> positions) {
        int total = 0;
        for (TextPosition p : positions) total += p.getUnicode().length();
        if (total == text.length()) {
            int i = 0;
            for (TextPosition p : positions) {
                // PDFBox starts a line where a glyph's box misses the line's; a glyph of the next
                // line whose tall box reaches into this one would stay on it.
                Integer line = lineOf.get(p);
                if (line != null && currentLineNumber != null && !line.equals(currentLineNumber) && !currentLine.isEmpty()) finishLine();
                if (line != null) currentLineNumber = line;
                for (int k = 0; k < p.getUnicode().length(); k++) currentLine.add(new Glyph(text.charAt(i++), p));
            }
        } else {
            // PDFBox rewrote the word (ligatures, presentation forms): keep the text, lose the geometry.
            for (int i = 0; i < text.length(); i++) currentLine.add(new Glyph(text.charAt(i), null));
        }
    }

    @Override
    protected void writeWordSeparator() {
        currentLine.add(new Glyph(' ', null));
    }

    @Override
    protected void writeLineSeparator() {
        finishLine();
    }

    private void finishLine() {
        currentLineNumber = null;
        if (currentLine.isEmpty()) return;
        PdfLine line = toLine(currentLine, pageRules.verticals());
        currentLine.clear();
        if (line != null) currentPage.add(line);
    }

    /** A gap this many times the text size between two glyphs of a line separates table cells (a tab in the text). */
    static final float CELL_GAP_EMS = 1.0f;

    private PdfLine toLine(List<Glyph> glyphs, List<float[]> verticalRules) {
        LegacyFont legacy = legacyFont(glyphs);
        float fontSize = dominantSize(glyphs);
        float baseline = baseline(glyphs, fontSize);
        boolean[] cellBreak = cellBreaks(glyphs, fontSize, baseline, verticalRules);
        boolean[] mark = new boolean[glyphs.size()];
        for (int i = 0; i < glyphs.size(); i++) {
            Glyph g = glyphs.get(i);
            if (g.position() == null || !(Character.isDigit(g.c()) || g.c() == '*')) continue;
            float size = size(g.position());
            float rise = baseline - g.position().getYDirAdj();
            mark[i] = fontSize > 0 && size <= fontSize * MARK_MAX_SIZE_RATIO && rise >= fontSize * MARK_MIN_RISE_RATIO;
        }

        int first = 0;
        while (first < glyphs.size() && Character.isWhitespace(glyphs.get(first).c())) first++;
        if (first == glyphs.size()) return null;

        StringBuilder text = new StringBuilder();
        StringBuilder plain = new StringBuilder();
        List<Span> marks = new ArrayList<>();
        String leadingMark = null;
        int i = first;
        while (i < glyphs.size()) {
            if (!mark[i]) {
                char c = glyphs.get(i).c();
                if (cellBreak[i]) {
                    while (plain.length() > 0 && plain.charAt(plain.length() - 1) == ' ') plain.setLength(plain.length() - 1);
                    plain.append('\t');
                } else if (c == ' ' && plain.length() > 0 && plain.charAt(plain.length() - 1) == '\t') {
                    i++;
                    continue;
                }
                plain.append(c);
                i++;
                continue;
            }
            int end = i;
            StringBuilder digits = new StringBuilder();
            while (end < glyphs.size() && mark[end]) digits.append(glyphs.get(end++).c());
            text.append(clean(plain, legacy));
            plain.setLength(0);
            if (i == first) {
                // A footnote body opens with its own number: written plainly, then a space.
                leadingMark = digits.toString();
                text.append(leadingMark);
                text.append(' ');
                while (end < glyphs.size() && Character.isWhitespace(glyphs.get(end).c()) && !mark[end]) end++;
            } else {
                int start = text.length();
                text.append(PdfLine.superscript(digits.toString()));
                marks.add(new Span(start, text.length()));
            }
            i = end;
        }
        text.append(clean(plain, legacy));
        int trimmedEnd = text.length();
        while (trimmedEnd > 0 && Character.isWhitespace(text.charAt(trimmedEnd - 1))) trimmedEnd--;
        text.setLength(trimmedEnd);
        List<Float> cellStarts = new ArrayList<>();
        for (int k = 0; k < glyphs.size(); k++) {
            Glyph g = glyphs.get(k);
            if (g.position() == null || Character.isWhitespace(g.c())) continue;
            if (cellStarts.isEmpty() || cellBreak[k]) cellStarts.add(g.position().getXDirAdj());
        }
        return new PdfLine(text.toString(), marks, leadingMark, baseline, fontSize, cellStarts);
    }

    /**
     * Where a line crosses from one table cell to the next: before a glyph that stands
     * {@value #CELL_GAP_EMS} text sizes or more right of the previous one (an aligned table), or
     * that has a vertical rule between it and the previous one (a ruled table).
     */
    private static boolean[] cellBreaks(List<Glyph> glyphs, float fontSize, float baseline, List<float[]> verticalRules) {
        boolean[] breaks = new boolean[glyphs.size()];
        TextPosition previous = null;
        for (int i = 0; i < glyphs.size(); i++) {
            Glyph g = glyphs.get(i);
            if (g.position() == null || Character.isWhitespace(g.c())) continue;
            TextPosition p = g.position();
            if (previous != null && previous != p) {
                float end = previous.getXDirAdj() + previous.getWidthDirAdj();
                float start = p.getXDirAdj();
                boolean wide = fontSize > 0 && start - end >= fontSize * CELL_GAP_EMS;
                boolean ruled = false;
                for (float[] r : verticalRules) {
                    if (r[0] >= end - 1 && r[0] <= start + 1 && PdfRuleFinder.crosses(r, baseline)) {
                        ruled = true;
                        break;
                    }
                }
                breaks[i] = wide || ruled;
            }
            previous = p;
        }
        return breaks;
    }

    /**
     * NFC, and one space where the PDF had a space glyph and PDFBox also saw a gap; text set in
     * a TCVN3 or VNI font (its glyph codes read as Latin-1) converted to Unicode.
     */
    private static String clean(CharSequence piece, LegacyFont legacy) {
        String s = Whitespace.collapseSpaces(piece);
        if (legacy != null) s = LegacyText.convert(s, legacy.encoding(), legacy.capitals());
        return VietText.nfc(s);
    }

    /** The legacy encoding a line's fonts declare by name, and whether it is a capitals font. */
    private record LegacyFont(LegacyText.Encoding encoding, boolean capitals) {}

    /** Stands for "this font declares no legacy encoding" in {@link #legacyFonts}. */
    private static final LegacyFont NOT_LEGACY = new LegacyFont(null, false);

    /** The legacy font that sets most of the line's visible glyphs, or null when most are in other fonts. */
    private LegacyFont legacyFont(List<Glyph> glyphs) {
        Map<LegacyFont, Integer> counts = null;
        int visible = 0;
        for (Glyph g : glyphs) {
            if (g.position() == null || Character.isWhitespace(g.c())) continue;
            visible++;
            LegacyFont font = legacyFontOf(g.position().getFont());
            if (font == NOT_LEGACY) continue;
            if (counts == null) counts = new HashMap<>();
            counts.merge(font, 1, Integer::sum);
        }
        if (counts == null) return null;
        for (Map.Entry<LegacyFont, Integer> e : counts.entrySet()) {
            if (e.getValue() * 2 > visible) return e.getKey();
        }
        return null;
    }

    private LegacyFont legacyFontOf(PDFont font) {
        if (font == null) return NOT_LEGACY;
        // Glyph after glyph comes in the same font: remember the last answer.
        if (font == lastFont) return lastFontLegacy;
        LegacyFont legacy = legacyFonts.computeIfAbsent(font, f -> {
            String name = f.getName();
            LegacyText.Encoding e = LegacyText.byFontName(name);
            return e == null ? NOT_LEGACY : new LegacyFont(e, LegacyText.isCapitalsFont(name));
        });
        lastFont = font;
        lastFontLegacy = legacy;
        return legacy;
    }

    private static float size(TextPosition p) {
        float size = p.getFontSizeInPt();
        return size > 0 ? size : p.getHeightDir();
    }

    /**
     * The font size carrying most of the line's visible characters, to half a point (ties to the
     * larger size). A line has a handful of sizes: they are counted in two small arrays, sizes
     * told apart as {@link Float#equals} does.
     */
    private static float dominantSize(List<Glyph> glyphs) {
        float[] sizes = new float[4];
        int[] counts = new int[4];
        int distinct = 0;
        for (Glyph g : glyphs) {
            if (g.position() == null || Character.isWhitespace(g.c())) continue;
            float size = Math.round(size(g.position()) * 2) / 2f;
            int k = 0;
            while (k < distinct && Float.floatToIntBits(sizes[k]) != Float.floatToIntBits(size)) k++;
            if (k == distinct) {
                if (distinct == sizes.length) {
                    sizes = Arrays.copyOf(sizes, distinct * 2);
                    counts = Arrays.copyOf(counts, distinct * 2);
                }
                sizes[distinct++] = size;
            }
            counts[k]++;
        }
        float best = 0;
        int bestCount = 0;
        for (int k = 0; k < distinct; k++) {
            if (counts[k] > bestCount || (counts[k] == bestCount && sizes[k] > best)) {
                best = sizes[k];
                bestCount = counts[k];
            }
        }
        return best;
    }

    /** The median baseline of the glyphs at the line's main size. */
    private static float baseline(List<Glyph> glyphs, float fontSize) {
        float[] ys = new float[glyphs.size()];
        int n = 0;
        for (Glyph g : glyphs) {
            if (g.position() == null || Character.isWhitespace(g.c())) continue;
            if (Math.abs(size(g.position()) - fontSize) <= Math.max(0.5f, fontSize * 0.1f)) ys[n++] = g.position().getYDirAdj();
        }
        if (n == 0) {
            for (Glyph g : glyphs) if (g.position() != null) ys[n++] = g.position().getYDirAdj();
        }
        if (n == 0) return 0;
        Arrays.sort(ys, 0, n);
        return ys[n / 2];
    }
}
