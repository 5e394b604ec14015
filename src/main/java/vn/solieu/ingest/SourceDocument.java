package vn.solieu.ingest;

import java.util.List;

/**
 * The text of one input file, NFC-normalised, with what the format told us about it.
 *
 * <p>{@code text} is the whole document; pages follow each other separated by one form feed
 * ({@code '\f'}). Every offset in the project (facts' {@code source.start/end}) points into it.
 * Lines are visual lines (PDF) or paragraphs (Word, OpenDocument, RTF, HTML), separated by
 * {@code '\n'}; blank lines are not kept. A table row is one line with tab-separated cells, and
 * the table is listed in {@code tables} with each cell's span.
 *
 * <p><b>Footnotes.</b> A footnote reference mark stays in the text where it was, right after
 * the word it follows, written with Unicode superscript digits ({@code "năm 2023²"},
 * {@code "Đề án 06¹"}), and its span is listed in {@code footnoteMarks}. Superscript digits are
 * not {@code \d} and not {@code Character.isDigit}, so "2023²" can never be read as 20232;
 * later stages must still treat every {@code footnoteMarks} span as a non-figure. (Plain text
 * gives no marks: a seed .txt extracted elsewhere may still show "năm 20232".)
 * Footnote bodies are moved out of the body text: they come at the end of their page's text
 * (PDF) or of the whole text (other formats), one line per note starting with its number in
 * plain digits and a space ({@code "2 Số liệu tính đến ngày …"}), and each line's span is in
 * {@code footnoteAreas}, so a note is never glued into a body sentence.
 *
 * @param file           the path as the user named it (kept as given, for provenance)
 * @param sha256         hex hash of the file's bytes: identifies the file across runs
 * @param mediaType      detected type, e.g. {@code application/pdf}
 * @param text           NFC text, pages separated by '\f'
 * @param pages          page spans; empty for formats without pages (Word, HTML)
 * @param footnoteMarks  spans of footnote reference marks in the body (superscripts), when the format says so
 * @param footnoteAreas  spans of footnote bodies, when the format says so
 * @param ocr            true when some of the text came from OCR
 * @param ocrConfidence  mean OCR confidence in [0,1], or null
 * @param ocrPages       the pages whose text came from OCR, each with its engine's mean
 *                       confidence (for formats without pages, an image say, page 1 spans the text)
 * @param tables         the tables found in the document, their cells as spans of {@code text}
 */
public record SourceDocument(
        String file,
        String sha256,
        String mediaType,
        String text,
        List<Page> pages,
        List<Span> footnoteMarks,
        List<Span> footnoteAreas,
        boolean ocr,
        Double ocrConfidence,
        List<OcrPage> ocrPages,
        List<Table> tables) {

    /** A page read by OCR and how sure the engine was of it, in [0,1]. */
    public record OcrPage(int number, double confidence) {}

    public SourceDocument {
        pages = List.copyOf(pages);
        footnoteMarks = List.copyOf(footnoteMarks);
        footnoteAreas = List.copyOf(footnoteAreas);
        ocrPages = List.copyOf(ocrPages);
        tables = List.copyOf(tables);
    }

    /** A document without per-page OCR detail and without tables (the shape before they were added). */
    public SourceDocument(String file, String sha256, String mediaType, String text, List<Page> pages,
                          List<Span> footnoteMarks, List<Span> footnoteAreas, boolean ocr, Double ocrConfidence) {
        this(file, sha256, mediaType, text, pages, footnoteMarks, footnoteAreas, ocr, ocrConfidence, List.of(), List.of());
    }

    /** The same document with these tables. */
    public SourceDocument withTables(List<Table> found) {
        return new SourceDocument(file, sha256, mediaType, text, pages, footnoteMarks, footnoteAreas, ocr, ocrConfidence, ocrPages, found);
    }

    /**
     * The OCR confidence of the text at {@code offset}: its page's when pages were OCRed one by
     * one, the document's when only that is known, null when the text there came from a text layer.
     */
    public Double ocrConfidenceAt(int offset) {
        if (!ocr) return null;
        if (ocrPages.isEmpty()) return ocrConfidence;
        Integer page = pageAt(offset);
        for (OcrPage p : ocrPages) if (page == null || p.number() == page) return p.confidence();
        return null;
    }

    /** True when the text at {@code offset} came from OCR. */
    public boolean isOcrAt(int offset) {
        return ocr && (ocrPages.isEmpty() || ocrConfidenceAt(offset) != null);
    }

    /** The table whose span holds {@code offset}, or null. */
    public Table tableAt(int offset) {
        for (Table t : tables) if (t.span().contains(offset)) return t;
        return null;
    }

    /** The 1-based page holding {@code offset}, or null for formats without pages. */
    public Integer pageAt(int offset) {
        if (pages.isEmpty()) return null;
        int lo = 0, hi = pages.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (pages.get(mid).start() <= offset) lo = mid; else hi = mid - 1;
        }
        return pages.get(lo).number();
    }

    public boolean hasPages() {
        return !pages.isEmpty();
    }
}
