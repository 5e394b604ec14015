package vn.solieu.ingest;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import vn.solieu.Pipeline;
import vn.solieu.facts.Fact;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Scans of the seed reports (rendered at 300 dpi, turned 0.5-1°, noisy, JPEG, image-only PDF)
 * read through the ordinary pipeline with Tesseract: at least 95% of the figures the text
 * version gives must come out, marked as OCR with a confidence, on the right pages.
 *
 * <p>A few pages here keep the test short; the full seeds are measured by {@link Scans#main}
 * or by this class with {@code -Dsolieu.slow=true}.
 */
class ScanOcrTest {
    static final Path BAC_KAN = Path.of("corpus/000_f89939e2e8bd4875.pdf");
    static final Path BAC_GIANG = Path.of("corpus/002_8f33f48acc798cc2.pdf");
    static Pipeline pipeline;

    @BeforeAll
    static void needsTesseract() {
        TesseractOcr.Availability a = TesseractOcr.availability();
        assumeTrue(a.available(), "OCR tests skipped: " + a.reason());
        pipeline = Pipeline.load(Path.of("extraction-rules"));
    }

    @Test
    void scannedPagesGiveTheFiguresOfTheTextVersion() throws Exception {
        check(BAC_KAN, 1, 3);
        check(BAC_GIANG, 2, 3);
    }

    @Test
    @EnabledIfSystemProperty(named = "solieu.slow", matches = "true")
    void wholeSeedScans() throws Exception {
        check(BAC_KAN, 1, 99);
        check(BAC_GIANG, 1, 99);
    }

    private static void check(Path pdf, int from, int to) throws Exception {
        byte[] scan = Scans.scan(pdf, from, to, 7);
        Scans.Comparison c = Scans.compare(pipeline, pdf, from, to, scan);
        System.out.printf("%s pages %d-%d: %d of %d figures found on the scan (%.1f%%)%n", pdf.getFileName(), from, to,
                c.found(), c.expected(), 100 * c.share());
        c.missing().forEach(m -> System.out.println("  missing " + m));
        assertTrue(c.expected() >= 10, "the pages hold figures");
        assertTrue(c.share() >= 0.95, pdf + ": " + c.found() + " of " + c.expected() + "; missing " + c.missing());
        int pages = to - from + 1;
        for (Fact f : c.scanFacts()) {
            assertTrue(f.ocr, "every fact of a scan is an OCR fact");
            assertTrue(f.ocrConfidence != null && f.ocrConfidence > 0.5 && f.ocrConfidence <= 1, "confidence " + f.ocrConfidence);
            assertTrue(f.source.page() >= 1 && f.source.page() <= Math.min(pages, 12), "page " + f.source.page());
            assertTrue(f.toMap().containsKey("ocrConfidence"));
        }
    }

    @Test
    void aScannedPageAsAPngIsOnePageOfOcrText() throws Exception {
        byte[] scan = Scans.scan(BAC_KAN, 2, 2, 11);
        BufferedImage page;
        try (var doc = org.apache.pdfbox.Loader.loadPDF(scan)) {
            page = new org.apache.pdfbox.rendering.PDFRenderer(doc).renderImageWithDPI(0, 300, org.apache.pdfbox.rendering.ImageType.GRAY);
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(Scans.noise(page, new Random(3)), "png", png);
        SourceDocument doc = new Ingest().read(Path.of("trang2.png"), "trang2.png", png.toByteArray());
        assertEquals("image/png", doc.mediaType());
        assertEquals(1, doc.pages().size());
        assertTrue(doc.ocr());
        assertEquals(List.of(1), doc.ocrPages().stream().map(SourceDocument.OcrPage::number).toList());
        assertTrue(doc.text().contains("Đăng ký thường trú"), doc.text());
        List<Fact> facts = pipeline.extract(doc).facts();
        assertTrue(facts.stream().anyMatch(f -> f.kind == Fact.Kind.ratio && f.numerator == 1512 && f.denominator == 1546),
                "1.512/1.546 read from the image");
        assertTrue(facts.stream().allMatch(f -> f.ocr && f.source.page() == 1));
    }

    @Test
    void pagesWithATextLayerAreNotOcred() throws Exception {
        SourceDocument doc = new Ingest().read(BAC_GIANG, BAC_GIANG.toString());
        assertFalse(doc.ocr());
        assertTrue(doc.ocrPages().isEmpty());
        assertTrue(pipeline.extract(doc).facts().stream().noneMatch(f -> f.ocr));
    }
}
