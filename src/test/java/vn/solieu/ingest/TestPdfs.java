package vn.solieu.ingest;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Builds the test PDFs the way a word processor lays out a report: A4, DejaVu Sans 12 pt body,
 * a superscript mark (7 pt, raised 5 pt) after a word, a short rule over 9 pt footnotes at the
 * bottom, and the page number centred in the footer.
 */
final class TestPdfs {
    static final float BODY = 12f, NOTE = 9f, MARK = 7f, RISE = 5f, LEFT = 72f, TOP = 72f, LEADING = 18f;

    /** A run of text on a line; {@code mark} runs are set small and raised. */
    record Run(String text, boolean mark, boolean small) {
        static Run text(String t) { return new Run(t, false, false); }
        static Run mark(String t) { return new Run(t, true, false); }
        /** Footnote-sized text that is not a footnote (a table in small print, say). */
        static Run small(String t) { return new Run(t, false, true); }
    }

    /** One page: body lines (each a list of runs), footnotes (number, text), an optional header. */
    record PageSpec(List<List<Run>> body, List<String[]> footnotes, String header, String footer) {}

    private TestPdfs() {}

    /** What a test draws on a page of its own, in DejaVu Sans. */
    interface PageDrawing {
        void draw(PDPageContentStream out, PDType0Font font) throws IOException;
    }

    /** One A4 page drawn by {@code drawing}, saved. */
    static byte[] onePage(PageDrawing drawing) throws IOException {
        try (PDDocument doc = new PDDocument(); InputStream font = TestPdfs.class.getResourceAsStream("/fonts/DejaVuSans.ttf")) {
            PDType0Font dejavu = PDType0Font.load(doc, font);
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream out = new PDPageContentStream(doc, page)) {
                drawing.draw(out, dejavu);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            doc.save(bytes);
            return bytes.toByteArray();
        }
    }

    static byte[] build(List<PageSpec> pages, StandardProtectionPolicy protection) throws IOException {
        try (PDDocument doc = new PDDocument(); InputStream font = TestPdfs.class.getResourceAsStream("/fonts/DejaVuSans.ttf")) {
            PDType0Font dejavu = PDType0Font.load(doc, font);
            for (PageSpec spec : pages) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                float height = page.getMediaBox().getHeight(), width = page.getMediaBox().getWidth();
                try (PDPageContentStream out = new PDPageContentStream(doc, page)) {
                    if (spec.header() != null) show(out, dejavu, NOTE, LEFT, height - 40, spec.header());
                    float y = height - TOP;
                    for (List<Run> line : spec.body()) {
                        float x = LEFT;
                        for (Run run : line) {
                            float size = run.mark() ? MARK : run.small() ? NOTE : BODY;
                            show(out, dejavu, size, x, run.mark() ? y + RISE : y, run.text());
                            x += dejavu.getStringWidth(run.text()) / 1000f * size;
                        }
                        y -= LEADING;
                    }
                    if (!spec.footnotes().isEmpty()) {
                        float noteY = 100 + (spec.footnotes().size() - 1) * 12;
                        out.moveTo(LEFT, noteY + 14);
                        out.lineTo(LEFT + 144, noteY + 14);
                        out.stroke();
                        for (String[] note : spec.footnotes()) {
                            show(out, dejavu, MARK * NOTE / BODY + 1, LEFT, noteY + 3, note[0]);
                            show(out, dejavu, NOTE, LEFT + 8, noteY, " " + note[1]);
                            noteY -= 12;
                        }
                    }
                    if (spec.footer() != null) {
                        float w = dejavu.getStringWidth(spec.footer()) / 1000f * 10;
                        show(out, dejavu, 10, (width - w) / 2, 40, spec.footer());
                    }
                }
            }
            if (protection != null) doc.protect(protection);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            doc.save(bytes);
            return bytes.toByteArray();
        }
    }

    private static void show(PDPageContentStream out, PDType0Font font, float size, float x, float y, String text) throws IOException {
        out.beginText();
        out.setFont(font, size);
        out.newLineAtOffset(x, y);
        out.showText(text);
        out.endText();
    }

    /** The two-page report used by the PDF tests. */
    static byte[] report() throws IOException {
        return build(reportPages(), null);
    }

    static List<PageSpec> reportPages() {
        PageSpec first = new PageSpec(List.of(
                List.of(Run.text("BÁO CÁO kết quả triển khai Đề án 06 tỉnh Bắc Kạn")),
                List.of(Run.text("Số hồ sơ trực tuyến năm 2023"), Run.mark("2"), Run.text(" đạt 1.512/1.546 hồ sơ,")),
                List.of(Run.text("đạt tỷ lệ 97,8 %; tăng 7% so với tháng trước.")),
                List.of(Run.text("Cấp 3.235 thẻ căn cước công dân cho 02/02 huyện."))),
                List.<String[]>of(new String[] {"2", "Số liệu tính đến ngày 14/02/2024, nguồn 45/KH-UBND."}),
                null, "1");
        PageSpec second = new PageSpec(List.of(
                List.of(Run.text("II. KẾT QUẢ TRIỂN KHAI")),
                List.of(Run.text("Thu thập 300.307 hồ sơ; xác thực 42,9 % dữ liệu.")),
                List.of(Run.text("Đề án 06"), Run.mark("3"), Run.text(" hoàn thành 24 mô hình điểm."))),
                List.<String[]>of(new String[] {"3", "Quyết định số 06/QĐ-TTg ngày 06/01/2022."}),
                null, "- 2 -");
        return List.of(first, second);
    }

    static StandardProtectionPolicy passwordProtection() {
        StandardProtectionPolicy policy = new StandardProtectionPolicy("chu-so-huu", "nguoi-dung", new AccessPermission());
        policy.setEncryptionKeyLength(128);
        return policy;
    }
}
