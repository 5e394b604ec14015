package vn.solieu.ingest;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.solieu.ingest.TestPdfs.Run;

class PdfIngestorTest {
    private final Ingest ingest = new Ingest();

    private SourceDocument read(byte[] pdf) throws IngestException {
        return ingest.read(Path.of("bao-cao.pdf"), "bao-cao.pdf", pdf);
    }

    private static String pageText(SourceDocument doc, int index) {
        Page page = doc.pages().get(index);
        return doc.text().substring(page.start(), page.end());
    }

    @Test
    void pagesAreKeptAndJoinedByFormFeeds() throws Exception {
        SourceDocument doc = read(TestPdfs.report());
        assertEquals("application/pdf", doc.mediaType());
        assertEquals(2, doc.pages().size());
        assertEquals(List.of(1, 2), doc.pages().stream().map(Page::number).toList());
        assertEquals('\f', doc.text().charAt(doc.pages().get(0).end()));
        assertEquals(2, doc.pageAt(doc.text().indexOf("300.307")));
        assertTrue(Normalizer.isNormalized(doc.text(), Normalizer.Form.NFC));
    }

    @Test
    void oneLinePerVisualLineAndNoPageNumbers() throws Exception {
        SourceDocument doc = read(TestPdfs.report());
        List<String> first = Arrays.asList(pageText(doc, 0).split("\n"));
        assertEquals("BÁO CÁO kết quả triển khai Đề án 06 tỉnh Bắc Kạn", first.get(0));
        assertEquals("đạt tỷ lệ 97,8 %; tăng 7% so với tháng trước.", first.get(2));
        assertEquals("Cấp 3.235 thẻ căn cước công dân cho 02/02 huyện.", first.get(3));
        // The footers "1" and "- 2 -" are page furniture.
        for (int p = 0; p < 2; p++) {
            for (String line : pageText(doc, p).split("\n")) {
                assertFalse(PdfLayout.PAGE_NUMBER.matcher(line).matches(), "page number left in: " + line);
            }
        }
    }

    @Test
    void superscriptMarkIsItsOwnTokenAndRecorded() throws Exception {
        SourceDocument doc = read(TestPdfs.report());
        assertFalse(doc.text().contains("20232"));
        assertTrue(doc.text().contains("Số hồ sơ trực tuyến năm 2023² đạt 1.512/1.546 hồ sơ,"), doc.text());
        assertEquals(2, doc.footnoteMarks().size());
        Span first = doc.footnoteMarks().get(0);
        assertEquals("²", doc.text().substring(first.start(), first.end()));
        assertTrue(doc.text().substring(0, first.start()).endsWith("năm 2023"));
        Span second = doc.footnoteMarks().get(1);
        assertEquals("³", doc.text().substring(second.start(), second.end()));
        assertEquals(2, doc.pageAt(second.start()));
    }

    @Test
    void footnotesComeAfterTheBodyOnTheirOwnLines() throws Exception {
        SourceDocument doc = read(TestPdfs.report());
        assertEquals(2, doc.footnoteAreas().size());
        Span note = doc.footnoteAreas().get(0);
        assertEquals("2 Số liệu tính đến ngày 14/02/2024, nguồn 45/KH-UBND.", doc.text().substring(note.start(), note.end()));
        assertEquals(doc.pages().get(0).end(), note.end(), "the note closes page 1");
        assertEquals('\n', doc.text().charAt(note.start() - 1));
        Span second = doc.footnoteAreas().get(1);
        assertEquals("3 Quyết định số 06/QĐ-TTg ngày 06/01/2022.", doc.text().substring(second.start(), second.end()));
        for (Span area : doc.footnoteAreas()) {
            for (Span mark : doc.footnoteMarks()) assertFalse(area.overlaps(mark.start(), mark.end()));
        }
    }

    @Test
    void smallPrintWithoutNoteEvidenceStaysInTheBody() throws Exception {
        // A small-font line at the foot of the page that opens with a number but has no mark,
        // no superscript and no rule above it is not a footnote.
        List<TestPdfs.PageSpec> pages = List.of(new TestPdfs.PageSpec(
                List.of(List.of(Run.text("Thu thập 300.307 hồ sơ.")), List.of(Run.text("Bảng 1:")),
                        List.of(Run.small("1 Ba Bể 1.512 hồ sơ")), List.of(Run.small("2 Na Rì 300 hồ sơ"))),
                List.of(), null, null));
        SourceDocument doc = read(TestPdfs.build(pages, null));
        assertTrue(doc.footnoteAreas().isEmpty());
        assertEquals("Thu thập 300.307 hồ sơ.\nBảng 1:\n1 Ba Bể 1.512 hồ sơ\n2 Na Rì 300 hồ sơ", doc.text());
    }

    @Test
    void runningHeadersRepeatedOnMostPagesAreDropped() throws Exception {
        List<TestPdfs.PageSpec> pages = new ArrayList<>();
        String[] districts = {"Ba Bể", "Pác Nặm", "Chợ Đồn", "Na Rì"};
        for (int i = 1; i <= 4; i++) {
            pages.add(new TestPdfs.PageSpec(List.of(
                            List.of(Run.text(i % 2 == 0 ? "Lĩnh vực hộ tịch" : "Lĩnh vực cư trú")),
                            List.of(Run.text("Huyện " + districts[i - 1] + ": 1" + i + " hồ sơ."))),
                    List.of(), "UBND TỈNH BẮC KẠN - Báo cáo tháng 02/2024", "Trang " + i + "/4"));
        }
        SourceDocument doc = read(TestPdfs.build(pages, null));
        assertEquals(4, doc.pages().size());
        assertFalse(doc.text().contains("UBND TỈNH"));
        assertFalse(doc.text().contains("/4"));
        assertEquals("Lĩnh vực cư trú\nHuyện Chợ Đồn: 13 hồ sơ.", pageText(doc, 2));
    }

    @Test
    void bytesThatAreNotAPdfAreRefused() {
        byte[] random = new byte[4096];
        new Random(6).nextBytes(random);
        IngestException e = assertThrows(IngestException.class, () -> read(random));
        assertTrue(e.getMessage().startsWith("not a PDF: "), e.getMessage());
    }

    @Test
    void truncatedPdfIsRefused() throws Exception {
        byte[] pdf = TestPdfs.report();
        IngestException e = assertThrows(IngestException.class, () -> read(Arrays.copyOf(pdf, pdf.length / 2)));
        assertTrue(e.getMessage().startsWith("damaged or truncated PDF: "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void encryptedPdfIsRefused() throws Exception {
        byte[] pdf = TestPdfs.build(TestPdfs.reportPages(), TestPdfs.passwordProtection());
        IngestException e = assertThrows(IngestException.class, () -> read(pdf));
        assertEquals("encrypted PDF, cannot be read without its password", e.getMessage());
    }

    @Test
    void pdfWithoutTextLayerNeedsOcr() throws Exception {
        byte[] blank = blankPdf(2);
        Ingest withoutOcr = new Ingest(List.of(new PdfIngestor()));
        IngestException e = assertThrows(IngestException.class, () -> withoutOcr.read(Path.of("scan.pdf"), "scan.pdf", blank));
        assertEquals("no text layer (scanned PDF?); OCR is not enabled", e.getMessage());
    }

    @Test
    void ocrSeamFillsPagesWithoutText() throws Exception {
        PageOcr fake = (document, pageIndex) -> new PageOcr.Result("Trang quét " + (pageIndex + 1) + ": 42,9 %", 0.9);
        Ingest withOcr = new Ingest(List.of(new TextIngestor(), new PdfIngestor(fake), new TikaIngestor()));
        SourceDocument doc = withOcr.read(Path.of("scan.pdf"), "scan.pdf", blankPdf(2));
        assertTrue(doc.ocr());
        assertEquals(0.9, doc.ocrConfidence(), 1e-9);
        assertEquals("Trang quét 1: 42,9 %\fTrang quét 2: 42,9 %", doc.text());
        assertEquals(2, doc.pages().size());
    }

    @Test
    void aMostlyImagePageWithALittleTextIsOcred() throws Exception {
        List<Integer> asked = new java.util.ArrayList<>();
        PageOcr fake = (document, pageIndex) -> {
            asked.add(pageIndex);
            return new PageOcr.Result("Cấp 1,512 hồ sơ, trong đó 300.307 trực tuyến", 0.8);
        };
        Ingest withOcr = new Ingest(List.of(new PdfIngestor(fake)));
        SourceDocument doc = withOcr.read(Path.of("scan.pdf"), "scan.pdf", stampedScan());
        assertEquals(List.of(1), asked, "only the page that is mostly image, not the page of typed text");
        assertEquals(List.of(new SourceDocument.OcrPage(2, 0.8)), doc.ocrPages());
        assertTrue(doc.text().endsWith("\fCấp 1.512 hồ sơ, trong đó 300.307 trực tuyến"), doc.text());
        assertNull(doc.ocrConfidenceAt(doc.text().indexOf("Số hồ sơ")), "page 1 is its text layer");
        assertEquals(0.8, doc.ocrConfidenceAt(doc.text().indexOf("Cấp")), 1e-9);
    }

    @Test
    void missingOcrIsNamedWithThePage() throws Exception {
        PageOcr missing = (document, pageIndex) -> { throw new OcrUnavailableException("Tesseract is not installed"); };
        IngestException e = assertThrows(IngestException.class,
                () -> new Ingest(List.of(new PdfIngestor(missing))).read(Path.of("scan.pdf"), "scan.pdf", blankPdf(1)));
        assertEquals("page 1 has no text layer (scanned?) and needs OCR, but Tesseract is not installed", e.getMessage());
    }

    /** Page 1 typed text; page 2 a full-page image with a one-line typed stamp over it. */
    private static byte[] stampedScan() throws Exception {
        try (PDDocument doc = new PDDocument(); java.io.InputStream font = PdfIngestorTest.class.getResourceAsStream("/fonts/DejaVuSans.ttf")) {
            var dejavu = org.apache.pdfbox.pdmodel.font.PDType0Font.load(doc, font);
            PDPage text = new PDPage(PDRectangle.A4);
            doc.addPage(text);
            try (var cs = new org.apache.pdfbox.pdmodel.PDPageContentStream(doc, text)) {
                cs.beginText();
                cs.setFont(dejavu, 12);
                cs.newLineAtOffset(72, 700);
                cs.showText("Số hồ sơ trực tuyến đạt 1.512/1.546 hồ sơ.");
                cs.endText();
            }
            PDPage scan = new PDPage(PDRectangle.A4);
            doc.addPage(scan);
            var image = new java.awt.image.BufferedImage(100, 140, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
            var xobject = org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory.createFromImage(doc, image);
            try (var cs = new org.apache.pdfbox.pdmodel.PDPageContentStream(doc, scan)) {
                cs.drawImage(xobject, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
                cs.beginText();
                cs.setFont(dejavu, 9);
                cs.newLineAtOffset(400, 810);
                cs.showText("Đã ký số: 15/02/2024");
                cs.endText();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    @Test
    void textPdfIsNotMarkedOcr() throws Exception {
        SourceDocument doc = read(TestPdfs.report());
        assertFalse(doc.ocr());
        assertNull(doc.ocrConfidence());
    }

    private static byte[] blankPdf(int pages) throws Exception {
        try (PDDocument doc = new PDDocument()) {
            for (int i = 0; i < pages; i++) doc.addPage(new PDPage(PDRectangle.A4));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }
}
