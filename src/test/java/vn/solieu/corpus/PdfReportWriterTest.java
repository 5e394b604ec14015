package vn.solieu.corpus;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PdfReportWriterTest {
    private static final PageStyle STYLE = PageStyle.DEFAULT;

    private static ReportDocument bacKan;
    private static ReportDocument bacGiang;
    private static byte[] bacKanPdf;
    private static byte[] bacGiangPdf;

    @BeforeAll
    static void writeBothSeeds() throws IOException {
        bacKan = Seeds.read(Seeds.BAC_KAN);
        bacGiang = Seeds.read(Seeds.BAC_GIANG);
        bacKanPdf = pdf(bacKan);
        bacGiangPdf = pdf(bacGiang);
    }

    @Test
    void everyPageIsA4AndCarriesItsNumberCentredInTheFooter() throws IOException {
        for (byte[] bytes : List.of(bacKanPdf, bacGiangPdf)) {
            try (PDDocument pdf = Loader.loadPDF(bytes)) {
                assertTrue(pdf.getNumberOfPages() > 1);
                for (int i = 0; i < pdf.getNumberOfPages(); i++) {
                    PDPage page = pdf.getPage(i);
                    PDRectangle box = page.getMediaBox();
                    assertEquals(PDRectangle.A4.getWidth(), box.getWidth(), 0.5f);
                    assertEquals(PDRectangle.A4.getHeight(), box.getHeight(), 0.5f);

                    PDFTextStripperByArea footer = new PDFTextStripperByArea();
                    footer.addRegion("footer", new Rectangle2D.Float(0, box.getHeight() - STYLE.marginBottom(), box.getWidth(), STYLE.marginBottom()));
                    footer.extractRegions(page);
                    assertEquals(String.valueOf(i + 1), footer.getTextForRegion("footer").strip(), "footer of page " + (i + 1));

                    List<TextPosition> number = positions(pdf, i + 1, t -> t.getFontSizeInPt() == STYLE.footerSize());
                    float centre = (number.get(0).getXDirAdj() + number.get(number.size() - 1).getXDirAdj()
                            + number.get(number.size() - 1).getWidthDirAdj()) / 2f;
                    assertEquals(box.getWidth() / 2f, centre, 1f, "page number centred on page " + (i + 1));
                }
            }
        }
    }

    @Test
    void keepsTheSeedsPagination() throws IOException {
        // every seed page fits on one A4 page, so PDF page n holds the text of seed page n
        for (ReportDocument doc : List.of(bacKan, bacGiang)) {
            long breaks = doc.blocks().stream().filter(b -> b instanceof Block.PageBreak).count();
            try (PDDocument pdf = Loader.loadPDF(pdf(doc))) {
                assertEquals(breaks + 1, pdf.getNumberOfPages());
            }
        }
    }

    @Test
    void embedsTheBundledDejaVuFontsAsSubsets() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(bacGiangPdf)) {
            int fonts = 0;
            for (PDPage page : pdf.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    PDFont font = resources.getFont(name);
                    assertTrue(font.isEmbedded(), font.getName());
                    assertTrue(font.getName().matches("[A-Z]{6}\\+DejaVuSerifCondensed(-Bold)?"), font.getName());
                    fonts++;
                }
            }
            assertTrue(fonts > 0);
        }
    }

    @Test
    void printsEachFootnoteAtTheFootOfThePageOfItsMark() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(bacGiangPdf)) {
            List<String> pages = new ArrayList<>();
            for (int p = 1; p <= pdf.getNumberOfPages(); p++) pages.add(text(pdf, p, t -> true).replaceAll("\\s+", " "));
            for (Footnote note : bacGiang.footnotes()) {
                Block marked = bacGiang.blocks().stream()
                        .filter(b -> b.inlines().contains(new Inline.FootnoteRef(note.number()))).findFirst().orElseThrow();
                String markLine = ReportDocument.textWithMarks(marked).replaceAll("\\s+", " ");
                String noteStart = (note.number() + " " + note.text()).replaceAll("\\s+", " ").substring(0, 60);
                int markPage = onlyPageWith(pages, markLine);
                int notePage = onlyPageWith(pages, noteStart);
                assertEquals(markPage, notePage, "footnote " + note.number());

                // below the body: the footnote's first glyph is lower on the page than the mark
                float markY = positions(pdf, markPage, t -> t.getFontSizeInPt() == STYLE.markSize()).get(0).getYDirAdj();
                float noteY = positions(pdf, notePage, t -> t.getFontSizeInPt() == STYLE.footnoteSize()).get(0).getYDirAdj();
                assertTrue(noteY > markY + STYLE.bodySize(), "footnote " + note.number() + " below its mark");
            }
        }
    }

    @Test
    void setsEachMarkAsASmallerRaisedDigitAfterItsToken() throws IOException {
        StringBuilder marks = new StringBuilder();
        try (PDDocument pdf = Loader.loadPDF(bacGiangPdf)) {
            for (int p = 1; p <= pdf.getNumberOfPages(); p++) {
                List<TextPosition> all = positions(pdf, p, t -> true);
                for (int i = 1; i < all.size(); i++) {
                    TextPosition t = all.get(i);
                    if (t.getFontSizeInPt() != STYLE.markSize()) continue;
                    TextPosition before = all.get(i - 1);
                    assertEquals(STYLE.bodySize(), before.getFontSizeInPt(), "mark follows body text");
                    assertTrue(t.getYDirAdj() < before.getYDirAdj() - 2f, "mark raised above the baseline");
                    assertTrue(t.getXDirAdj() - (before.getXDirAdj() + before.getWidthDirAdj()) < 0.5f, "mark glued to its token");
                    marks.append(t.getUnicode());
                }
            }
        }
        assertEquals("123", marks.toString());
    }

    @Test
    void carriesEveryNumberOfTheBodyAndOfTheFootnotesInOrder() throws IOException {
        for (ReportDocument doc : List.of(bacKan, bacGiang)) {
            try (PDDocument pdf = Loader.loadPDF(pdf(doc))) {
                String body = text(pdf, 0, t -> t.getFontSizeInPt() == STYLE.bodySize() || t.getFontSizeInPt() == STYLE.markSize());
                assertEquals(Seeds.numbers(Seeds.bodyWithMarks(doc)), Seeds.numbers(body));
                String notes = text(pdf, 0, t -> t.getFontSizeInPt() <= STYLE.footnoteSize() && t.getFontSizeInPt() != STYLE.markSize());
                assertEquals(Seeds.numbers(Seeds.footnotesAsPrinted(doc)), Seeds.numbers(notes));
            }
        }
        assertTrue(Seeds.numbers(Seeds.bodyWithMarks(bacKan)).contains("1.512/1.546"));
    }

    @Test
    void writesTheSameBytesEveryTime() throws IOException {
        assertEquals(sha256(bacGiangPdf), sha256(pdf(bacGiang)));
        assertEquals(sha256(bacKanPdf), sha256(pdf(bacKan)));
    }

    @Test
    void wrapsLongParagraphsInsideTheMarginsAndPaginates() throws IOException {
        String sentence = "Tính đến ngày 14/02/2024, toàn tỉnh đã thu nhận 300.307 hồ sơ cấp CCCD, đạt 58,8 % số công dân. ";
        ReportDocument.Builder builder = ReportDocument.builder().title("Thử").titleLine("BÁO CÁO");
        for (int i = 0; i < 40; i++) builder.paragraph(sentence.repeat(3).strip());
        ReportDocument doc = builder.build();
        try (PDDocument pdf = Loader.loadPDF(pdf(doc))) {
            assertTrue(pdf.getNumberOfPages() >= 4, "pages: " + pdf.getNumberOfPages());
            for (int p = 1; p <= pdf.getNumberOfPages(); p++) {
                for (TextPosition t : positions(pdf, p, t -> t.getFontSizeInPt() == STYLE.bodySize())) {
                    assertTrue(t.getXDirAdj() + t.getWidthDirAdj() <= STYLE.pageWidth() - STYLE.marginRight() + 0.5f, "inside the right margin");
                    assertTrue(t.getYDirAdj() <= STYLE.pageHeight() - STYLE.marginBottom(), "above the bottom margin");
                }
            }
            String body = text(pdf, 0, t -> t.getFontSizeInPt() == STYLE.bodySize());
            assertEquals(Seeds.numbers(Seeds.bodyWithMarks(doc)), Seeds.numbers(body));
        }
    }

    // ---- helpers --------------------------------------------------------------------------------

    private static byte[] pdf(ReportDocument doc) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PdfReportWriter().write(doc, out);
        return out.toByteArray();
    }

    /** Text of one page (or all pages for 0) made only of the glyphs {@code keep} accepts. */
    private static String text(PDDocument pdf, int page, Predicate<TextPosition> keep) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void processTextPosition(TextPosition text) {
                if (keep.test(text)) super.processTextPosition(text);
            }
        };
        if (page > 0) {
            stripper.setStartPage(page);
            stripper.setEndPage(page);
        }
        return stripper.getText(pdf);
    }

    private static List<TextPosition> positions(PDDocument pdf, int page, Predicate<TextPosition> keep) throws IOException {
        List<TextPosition> out = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void processTextPosition(TextPosition text) {
                if (keep.test(text)) out.add(text);
            }
        };
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        stripper.getText(pdf);
        return out;
    }

    private static int onlyPageWith(List<String> pages, String needle) {
        int found = -1;
        for (int i = 0; i < pages.size(); i++) {
            if (pages.get(i).contains(needle)) {
                assertEquals(-1, found, "\"" + needle + "\" on more than one page");
                found = i + 1;
            }
        }
        assertTrue(found > 0, "\"" + needle + "\" on no page");
        return found;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
