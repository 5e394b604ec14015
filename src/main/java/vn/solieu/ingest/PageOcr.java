package vn.solieu.ingest;

import org.apache.pdfbox.pdmodel.PDDocument;

import java.io.IOException;
import java.util.List;

/**
 * The seam for reading a PDF page that has no text layer (a scan). {@link PdfIngestor} calls it
 * for each page that needs it (see {@link PdfIngestor} for which do) when one is configured;
 * without it a PDF with no text at all is refused with "no text layer (scanned PDF?); OCR is
 * not enabled". {@link TesseractOcr} renders the page with PDFBox at 300 dpi and runs Tesseract
 * with the {@code vie} model.
 */
public interface PageOcr {
    /**
     * The recognised page: one line per visual line ('\n' between), the engine's mean
     * confidence in [0,1], and, when the engine gives them, the lines with their positions.
     */
    record Result(String text, double confidence, List<Line> lines) {
        public Result {
            lines = List.copyOf(lines);
        }

        public Result(String text, double confidence) {
            this(text, confidence, List.of());
        }
    }

    /**
     * One recognised line: its text, its top and bottom in points from the top of the page, and
     * the engine's confidence in it, in [0,1].
     */
    record Line(String text, float top, float bottom, double confidence) {}

    /** Reads page {@code pageIndex} (0-based) of {@code document}. */
    Result read(PDDocument document, int pageIndex) throws IOException;
}
