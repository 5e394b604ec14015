package vn.solieu.ingest;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDPropertyList;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OverlappingGlyphsTest {

    /** PDFBox 3.0's own bookkeeping (PDFTextStripper.processTextPosition), the reference. */
    private static final class PdfBoxReference {
        private final Map<String, TreeMap<Float, TreeSet<Float>>> characters = new java.util.HashMap<>();

        boolean isDuplicate(String text, float x, float y, float width) {
            TreeMap<Float, TreeSet<Float>> same = characters.computeIfAbsent(text, k -> new TreeMap<>());
            float tolerance = width / text.length() / 3.0f;
            SortedMap<Float, TreeSet<Float>> xMatches = same.subMap(x - tolerance, x + tolerance);
            for (TreeSet<Float> xMatch : xMatches.values()) {
                SortedSet<Float> yMatches = xMatch.subSet(y - tolerance, y + tolerance);
                if (!yMatches.isEmpty()) return true;
            }
            same.computeIfAbsent(x, k -> new TreeSet<>()).add(y);
            return false;
        }
    }

    /** The answer, or the exception's message when the bounds were refused. */
    private static String outcome(java.util.concurrent.Callable<Boolean> call) {
        try {
            return String.valueOf(call.call());
        } catch (Exception e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    @Test
    void answersAsPdfBoxDoesOnRandomPages() {
        Random random = new Random(6);
        float[] odd = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, -0.0f, 0.0f, 3e38f, -3e38f};
        for (int page = 0; page < 300; page++) {
            OverlappingGlyphs ours = new OverlappingGlyphs();
            PdfBoxReference reference = new PdfBoxReference();
            float[][] seen = new float[400][];
            for (int g = 0; g < 400; g++) {
                String text = String.valueOf("ab1.".charAt(random.nextInt(4))) + (random.nextInt(20) == 0 ? "c" : "");
                float x, y, width;
                if (g > 0 && random.nextInt(3) == 0) {
                    // Near an earlier glyph: fake bold, a shadow, or just outside the tolerance.
                    float[] earlier = seen[random.nextInt(g)];
                    x = earlier[0] + (random.nextFloat() - 0.5f) * 4;
                    y = earlier[1] + (random.nextFloat() - 0.5f) * 4;
                } else {
                    x = random.nextFloat() * 600;
                    y = random.nextFloat() * 800;
                }
                width = random.nextFloat() * 9;
                if (random.nextInt(40) == 0) x = odd[random.nextInt(odd.length)];
                if (random.nextInt(40) == 0) y = odd[random.nextInt(odd.length)];
                if (random.nextInt(60) == 0) width = random.nextBoolean() ? odd[random.nextInt(odd.length)] : -random.nextFloat() * 3;
                if (random.nextInt(80) == 0) width = 2000;
                seen[g] = new float[] {x, y};
                float fx = x, fy = y, fw = width;
                String expected = outcome(() -> reference.isDuplicate(text, fx, fy, fw));
                String actual = outcome(() -> ours.isDuplicate(text, fx, fy, fw));
                assertEquals(expected, actual, "page " + page + " glyph " + g + ": " + text + " at " + x + "," + y + " width " + width);
            }
        }
    }

    @Test
    void theSameGlyphAtTheSamePlaceIsADuplicateAndClearStartsAFreshPage() {
        OverlappingGlyphs glyphs = new OverlappingGlyphs();
        assertFalse(glyphs.isDuplicate("a", 100, 200, 6));
        assertTrue(glyphs.isDuplicate("a", 100.5f, 200.5f, 6));
        assertFalse(glyphs.isDuplicate("b", 100, 200, 6), "another character at the same place is not a duplicate");
        assertFalse(glyphs.isDuplicate("a", 103, 200, 6), "a third of the width away is not a duplicate");
        glyphs.clear();
        assertFalse(glyphs.isDuplicate("a", 100, 200, 6));
    }

    @Test
    void fakeBoldTextIsReadOnceAsPdfBoxReadsIt() throws Exception {
        byte[] pdf = TestPdfs.onePage((out, dejavu) -> {
            // Word processors fake bold by drawing the text again a fraction of a point to the right.
            for (float dx : new float[] {0f, 0.3f, 0.6f}) {
                out.beginText();
                out.setFont(dejavu, 12);
                out.newLineAtOffset(72 + dx, 700);
                out.showText("Báo cáo kết quả 1.512/1.546");
                out.endText();
            }
            out.beginText();
            out.setFont(dejavu, 12);
            out.newLineAtOffset(72, 680);
            out.showText("Tỷ lệ 97,8%");
            out.endText();
        });
        String ours = new PdfIngestor().read(Path.of("bold.pdf"), "bold.pdf", pdf, "x", "application/pdf").text();
        assertEquals("Báo cáo kết quả 1.512/1.546\nTỷ lệ 97,8%", ours);
        assertEquals(pdfBoxText(pdf), ours);
    }

    @Test
    void insideActualTextNothingIsDroppedAsInPdfBox() throws Exception {
        COSDictionary withActualText = new COSDictionary();
        withActualText.setItem(COSName.ACTUAL_TEXT, new COSString("Hà Nội"));
        byte[] pdf = TestPdfs.onePage((out, dejavu) -> {
            float y = 700;
            // Twice drawn inside /ActualText; then inside a sequence nested in it (which clears it); then after it.
            out.beginMarkedContent(COSName.getPDFName("Span"), PDPropertyList.create(withActualText));
            drawTwice(out, dejavu, "Ha Noi", y -= 20);
            out.beginMarkedContent(COSName.getPDFName("Span"), PDPropertyList.create(new COSDictionary()));
            drawTwice(out, dejavu, "nested 12", y -= 20);
            out.endMarkedContent();
            drawTwice(out, dejavu, "after nested 34", y -= 20);
            out.endMarkedContent();
            drawTwice(out, dejavu, "outside 56", y -= 20);
        });
        String ours = new PdfIngestor().read(Path.of("span.pdf"), "span.pdf", pdf, "x", "application/pdf").text();
        assertEquals(pdfBoxText(pdf), ours);
        assertTrue(ours.contains("outside 56"), ours);
    }

    /** PDFBox's own text of {@code pdf}, sorted by position as our reader sorts it. */
    private static String pdfBoxText(byte[] pdf) throws java.io.IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper pdfbox = new PDFTextStripper();
            pdfbox.setSortByPosition(true);
            return pdfbox.getText(doc).strip().replace("\r\n", "\n");
        }
    }

    private static void drawTwice(PDPageContentStream out, PDType0Font font, String text, float y) throws java.io.IOException {
        for (float dx : new float[] {0f, 0.4f}) {
            out.beginText();
            out.setFont(font, 12);
            out.newLineAtOffset(72 + dx, y);
            out.showText(text);
            out.endText();
        }
    }
}
