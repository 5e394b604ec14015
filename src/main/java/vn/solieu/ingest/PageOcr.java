package vn.solieu.ingest;

import org.apache.pdfbox.pdmodel.PDDocument;

import java.io.IOException;

/**
 * The seam for reading a PDF page that has no text layer (a scan). {@link PdfIngestor} calls it
 * for each such page when one is configured; without it a PDF with no text at all is refused
 * with "no text layer (scanned PDF?); OCR is not enabled". An implementation renders the page
 * (PDFBox's {@code PDFRenderer} at 300 dpi) and runs Tesseract with the {@code vie} model.
 */
public interface PageOcr {
    /** The recognised page: one line per visual line ('\n' between), and the engine's mean confidence in [0,1]. */
    record Result(String text, double confidence) {}

    /** Reads page {@code pageIndex} (0-based) of {@code document}. */
    Result read(PDDocument document, int pageIndex) throws IOException;
}
