package vn.solieu.corpus;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFFootnote;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFtnEdnRef;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSimpleField;
import org.openxmlformats.schemas.officeDocument.x2006.sharedTypes.STVerticalAlignRun;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DocxReportWriterTest {
    private static ReportDocument bacKan;
    private static ReportDocument bacGiang;
    private static byte[] bacKanDocx;
    private static byte[] bacGiangDocx;

    @BeforeAll
    static void writeBothSeeds() throws IOException {
        bacKan = Seeds.read(Seeds.BAC_KAN);
        bacGiang = Seeds.read(Seeds.BAC_GIANG);
        bacKanDocx = docx(bacKan);
        bacGiangDocx = docx(bacGiang);
    }

    @Test
    void setsUpA4PagesWithAPageFieldCentredInTheFooter() throws IOException {
        try (XWPFDocument doc = open(bacKanDocx)) {
            CTSectPr section = doc.getDocument().getBody().getSectPr();
            assertEquals(BigInteger.valueOf(11906), section.getPgSz().getW()); // 210 mm in twips
            assertEquals(BigInteger.valueOf(16838), section.getPgSz().getH()); // 297 mm
            XWPFFooter footer = doc.getHeaderFooterPolicy().getDefaultFooter();
            assertNotNull(footer, "a default footer on the section");
            XWPFParagraph p = footer.getParagraphs().get(0);
            assertEquals("center", p.getAlignment().name().toLowerCase());
            List<String> fields = p.getCTP().getFldSimpleList().stream().map(CTSimpleField::getInstr).map(String::strip).toList();
            assertEquals(List.of("PAGE"), fields);
        }
    }

    @Test
    void writesRealFootnotesWithTheSeedsTextsReferencedInOrderBySuperscriptMarks() throws IOException {
        try (XWPFDocument doc = open(bacGiangDocx)) {
            List<BigInteger> referenced = new ArrayList<>();
            for (XWPFParagraph p : doc.getParagraphs()) {
                for (XWPFRun run : p.getRuns()) {
                    List<CTFtnEdnRef> refs = run.getCTR().getFootnoteReferenceList();
                    if (refs.isEmpty()) continue;
                    assertEquals(STVerticalAlignRun.SUPERSCRIPT, run.getVerticalAlignment());
                    referenced.add(refs.get(0).getId());
                }
            }
            assertEquals(bacGiang.footnotes().size(), referenced.size());
            assertEquals(3, doc.getFootnotes().size());
            for (int i = 0; i < referenced.size(); i++) {
                XWPFFootnote footnote = doc.getFootnoteByID(referenced.get(i).intValue());
                assertNotNull(footnote);
                String text = footnote.getParagraphs().stream().map(XWPFParagraph::getText).map(String::strip)
                        .collect(Collectors.joining("\n"));
                assertEquals(bacGiang.footnotes().get(i).text(), text);
                XWPFRun ownMark = footnote.getParagraphs().get(0).getRuns().get(0);
                assertEquals(1, ownMark.getCTR().sizeOfFootnoteRefArray(), "the footnote starts with its own mark");
                assertEquals(STVerticalAlignRun.SUPERSCRIPT, ownMark.getVerticalAlignment());
            }
        }
        try (XWPFDocument doc = open(bacKanDocx)) {
            assertTrue(doc.getFootnotes().isEmpty());
        }
    }

    @Test
    void carriesEveryNumberOfTheBodyInOrder() throws IOException {
        for (ReportDocument report : List.of(bacKan, bacGiang)) {
            try (XWPFDocument doc = open(docx(report))) {
                // a footnote reference run prints as its number, as in the PDF
                int mark = 0;
                StringBuilder body = new StringBuilder();
                for (XWPFParagraph p : doc.getParagraphs()) {
                    for (XWPFRun run : p.getRuns()) {
                        body.append(run.getCTR().getFootnoteReferenceList().isEmpty() ? run.text() : String.valueOf(++mark));
                    }
                    body.append('\n');
                }
                assertEquals(Seeds.numbers(Seeds.bodyWithMarks(report)), Seeds.numbers(body.toString()));
                assertEquals(report.footnotes().size(), mark);
            }
        }
    }

    @Test
    void keepsTheSeedsLinesAndPageBreaks() throws IOException {
        try (XWPFDocument doc = open(bacKanDocx)) {
            long textBlocks = bacKan.blocks().stream().filter(b -> !(b instanceof Block.PageBreak)).count();
            assertEquals(textBlocks, doc.getParagraphs().size());
            long breaks = doc.getParagraphs().stream().filter(XWPFParagraph::isPageBreak).count();
            assertEquals(bacKan.blocks().stream().filter(b -> b instanceof Block.PageBreak).count(), breaks);
            XWPFParagraph title = doc.getParagraphs().get(0);
            assertEquals("BÁO CÁO", title.getText());
            assertTrue(title.getRuns().get(0).isBold());
        }
    }

    @Test
    void writesTheSameBytesEveryTime() throws IOException {
        assertEquals(PdfReportWriterTest.sha256(bacGiangDocx), PdfReportWriterTest.sha256(docx(bacGiang)));
        assertEquals(PdfReportWriterTest.sha256(bacKanDocx), PdfReportWriterTest.sha256(docx(bacKan)));
    }

    private static byte[] docx(ReportDocument doc) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DocxReportWriter().write(doc, out);
        return out.toByteArray();
    }

    private static XWPFDocument open(byte[] bytes) throws IOException {
        return new XWPFDocument(new ByteArrayInputStream(bytes));
    }
}
