package vn.solieu.corpus;

import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.VerticalAlign;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFieldRun;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFFootnote;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Writes a {@link ReportDocument} as a Word document (Office Open XML, via Apache POI): A4 with the
 * {@link PageStyle}'s margins, a centred PAGE field in the footer, footnotes as real Word footnotes
 * (the body holds a footnote reference in superscript, the footnote starts with its own superscript
 * reference mark), one paragraph per block with no spacing, so seed lines stay lines.
 *
 * <p>The font is named on every run ({@link #DEFAULT_FONT}, 13 pt, the usual face of Vietnamese
 * administrative documents) and not embedded: Word and LibreOffice lay the text out when they open it.
 * The output is a pure function of the document: core-property dates are the document's date and the
 * zip entries are rewritten with a fixed timestamp.
 */
public final class DocxReportWriter {

    public static final String DEFAULT_FONT = "Times New Roman";
    public static final double DEFAULT_BODY_SIZE = 13;

    private static final LocalDateTime ZIP_TIME = LocalDateTime.of(2024, 1, 1, 0, 0);

    private final PageStyle style;
    private final String fontFamily;
    private final double bodySize;

    public DocxReportWriter() {
        this(PageStyle.DEFAULT, DEFAULT_FONT, DEFAULT_BODY_SIZE);
    }

    /** Page geometry and footnote size from {@code style}; body text in {@code fontFamily} at {@code bodySize} pt. */
    public DocxReportWriter(PageStyle style, String fontFamily, double bodySize) {
        this.style = style;
        this.fontFamily = fontFamily;
        this.bodySize = bodySize;
    }

    public void write(ReportDocument document, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(document, out);
        }
    }

    /** Writes the DOCX to a stream (left open). */
    public void write(ReportDocument document, OutputStream out) throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream(64 * 1024);
        try (XWPFDocument docx = new XWPFDocument()) {
            setUpPage(docx);
            addFooter(docx);
            boolean breakBefore = false;
            for (Block block : document.blocks()) {
                if (block instanceof Block.PageBreak) {
                    breakBefore = true;
                    continue;
                }
                XWPFParagraph p = docx.createParagraph();
                tight(p);
                if (breakBefore) p.setPageBreak(true);
                breakBefore = false;
                boolean bold = block instanceof Block.Title || block instanceof Block.Heading;
                if (block instanceof Block.Title) p.setAlignment(ParagraphAlignment.CENTER);
                for (Inline inline : block.inlines()) {
                    if (inline instanceof Inline.Text t) {
                        if (t.text().isEmpty()) continue;
                        XWPFRun run = p.createRun();
                        run.setText(t.text());
                        format(run, bodySize, bold);
                    } else if (inline instanceof Inline.FootnoteRef ref) {
                        XWPFFootnote footnote = docx.createFootnote();
                        fill(footnote, document.footnote(ref.number()));
                        p.addFootnoteReference(footnote);
                        XWPFRun mark = p.getRuns().get(p.getRuns().size() - 1);
                        format(mark, bodySize, false);
                        mark.setVerticalAlignment(VerticalAlign.SUPERSCRIPT.name().toLowerCase());
                    }
                }
            }
            stampProperties(docx, document);
            docx.write(raw);
        }
        normaliseZip(raw.toByteArray(), out);
    }

    private void setUpPage(XWPFDocument docx) {
        CTSectPr sect = docx.getDocument().getBody().isSetSectPr()
                ? docx.getDocument().getBody().getSectPr() : docx.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.isSetPgSz() ? sect.getPgSz() : sect.addNewPgSz();
        size.setW(twips(style.pageWidth()));
        size.setH(twips(style.pageHeight()));
        CTPageMar margins = sect.isSetPgMar() ? sect.getPgMar() : sect.addNewPgMar();
        margins.setTop(twips(style.marginTop()));
        margins.setBottom(twips(style.marginBottom()));
        margins.setLeft(twips(style.marginLeft()));
        margins.setRight(twips(style.marginRight()));
        margins.setHeader(twips(style.marginTop() / 2f));
        margins.setFooter(twips(style.marginBottom() / 2f));
    }

    private void addFooter(XWPFDocument docx) {
        XWPFFooter footer = docx.createFooter(HeaderFooterType.DEFAULT);
        XWPFParagraph p = footer.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        XWPFFieldRun page = p.createFieldRun();
        page.setFieldInstruction("PAGE");
        page.setText("1"); // shown until the reader updates the field
        format(page, style.footerSize(), false);
    }

    private void fill(XWPFFootnote footnote, Footnote note) {
        for (int i = 0; i < note.paragraphs().size(); i++) {
            XWPFParagraph p = footnote.createParagraph(); // POI puts the footnote's own reference mark in the first one
            tight(p);
            if (i == 0) {
                for (XWPFRun mark : p.getRuns()) {
                    format(mark, style.footnoteSize(), false);
                    mark.setVerticalAlignment(VerticalAlign.SUPERSCRIPT.name().toLowerCase());
                }
            }
            XWPFRun text = p.createRun();
            text.setText(i == 0 ? " " + note.paragraphs().get(i) : note.paragraphs().get(i));
            format(text, style.footnoteSize(), false);
        }
    }

    private static void tight(XWPFParagraph p) {
        p.setSpacingBefore(0);
        p.setSpacingAfter(0);
        p.setSpacingBetween(1.0, LineSpacingRule.AUTO);
    }

    private void format(XWPFRun run, double size, boolean bold) {
        run.setFontFamily(fontFamily);
        run.setFontSize(size);
        if (bold) run.setBold(true);
    }

    private static void stampProperties(XWPFDocument docx, ReportDocument document) {
        POIXMLProperties.CoreProperties core = docx.getProperties().getCoreProperties();
        Date date = Date.from(document.date());
        core.setCreated(Optional.of(date));
        core.setModified(Optional.of(date));
        core.setCreator("solieu corpus");
        core.setLastModifiedByUser("solieu corpus");
        if (!document.title().isEmpty()) core.setTitle(document.title());
    }

    private static BigInteger twips(float points) {
        return BigInteger.valueOf(Math.round(points * 20f));
    }

    /** Copies the package with every entry stamped with one fixed local time: zip timestamps are the only varying bytes. */
    private static void normaliseZip(byte[] docx, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(docx))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTimeLocal(ZIP_TIME);
                zip.putNextEntry(copy);
                in.transferTo(zip);
                zip.closeEntry();
            }
        }
        zip.finish(); // not close(): the caller owns the stream
    }

}
