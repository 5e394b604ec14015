package vn.solieu.ingest;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * PDFs printed from old documents: the glyphs of a .VnTime or VNI-Times font extract as
 * Latin-1 look-alikes. The font's name says which encoding; without a telling name the text
 * itself does.
 */
class LegacyPdfTest {
    static final String[] LINES = {"Báo cáo kết quả triển khai Đề án 06 tháng 02/2024",
            "Số hồ sơ trực tuyến đạt 1.512/1.546 hồ sơ, đạt tỷ lệ 97,8 %.",
            "Cấp 3.235 thẻ căn cước cho công dân trên địa bàn tỉnh."};

    private final Ingest ingest = new Ingest();

    @Test
    void tcvn3FontByName() throws Exception {
        assertEquals(String.join("\n", LINES), read(pdf(".VnTime", LegacyText.Encoding.TCVN3, LINES)));
    }

    @Test
    void vniFontByName() throws Exception {
        assertEquals(String.join("\n", LINES), read(pdf("VNI-Times", LegacyText.Encoding.VNI, LINES)));
    }

    @Test
    void capitalsFontGivesCapitals() throws Exception {
        // In .VnTimeH the small-letter codes print as capitals: "b¸o c¸o" shows "BÁO CÁO".
        String text = read(pdf(".VnTimeH", null, new String[] {"b¸o c¸o kÕt qu¶"}));
        assertEquals("BÁO CÁO KẾT QUẢ", text);
    }

    @Test
    void legacyTextUnderAnAnonymousFontIsFoundByItsLetters() throws Exception {
        assertEquals(String.join("\n", LINES), read(pdf("AAAAAA+F1", LegacyText.Encoding.TCVN3, LINES)));
    }

    private String read(byte[] pdf) throws Exception {
        return ingest.read(Path.of("cu.pdf"), "cu.pdf", pdf).text();
    }

    /** One page, each line typed in {@code encoding} (null: as given) with DejaVu renamed {@code fontName}. */
    static byte[] pdf(String fontName, LegacyText.Encoding encoding, String[] lines) throws Exception {
        try (PDDocument doc = new PDDocument(); InputStream in = LegacyPdfTest.class.getResourceAsStream("/fonts/DejaVuSans.ttf")) {
            PDType0Font font = PDType0Font.load(doc, in, false);
            // The name a viewer (and PDFBox) reports is the font's BaseFont; an old document's is ".VnTime".
            font.getCOSObject().setName(COSName.BASE_FONT, fontName);
            COSArray descendants = (COSArray) font.getCOSObject().getDictionaryObject(COSName.DESCENDANT_FONTS);
            ((COSDictionary) descendants.getObject(0)).setName(COSName.BASE_FONT, fontName);
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                float y = 760;
                for (String line : lines) {
                    cs.beginText();
                    cs.setFont(font, 12);
                    cs.newLineAtOffset(72, y);
                    cs.showText(encoding == null ? line : LegacyText.encode(line, encoding));
                    cs.endText();
                    y -= 18;
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }
}
