package vn.solieu.tables;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.solieu.Pipeline;
import vn.solieu.facts.Fact;
import vn.solieu.ingest.Ingest;
import vn.solieu.ingest.SourceDocument;
import vn.solieu.ingest.Table;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tables in PDFs, as word processors print appendices: a ruled table (cell borders drawn as
 * lines, columns close together) and an aligned one (no borders, columns set apart). Each must
 * come out as a Table, and each row as a ratio with its stated percent.
 */
class PdfTablesTest {
    static final Pipeline PIPELINE = Pipeline.load(Path.of("extraction-rules"));
    static final Path TABLES = Path.of("src/test/resources/tables");
    static final String[][] CELLS = {
            {"STT", "Dịch vụ công", "Tổng số hồ sơ", "Trực tuyến", "Tỷ lệ (%)"},
            {"1", "Đăng ký thường trú", "1.229", "1.229", "100"},
            {"2", "Đăng ký tạm trú", "275", "274", "99,6"},
            {"3", "Cấp lại, đổi thẻ CCCD", "587", "399", "67,97"},
            {"", "Tổng cộng", "2.091", "1.902", "90,96"}};

    @Test
    void ruledTable() throws Exception {
        check(pdf(new float[] {60, 90, 250, 330, 410, 480}, true), "ruled");
    }

    @Test
    void alignedTable() throws Exception {
        check(pdf(new float[] {60, 90, 250, 340, 430, 520}, false), "aligned");
    }

    /**
     * One table as a word processor prints it (LibreOffice, from tables/groups.html), at three
     * widths: two header groups of merged cells over "Tổng số | Trực tuyến" and "Đúng hạn | Quá
     * hạn", and, narrower, header and name cells whose text wraps onto two or three lines. Each
     * PDF must read as the HTML reads: before the borders were followed, the narrow one gave
     * counts named "1.200" and the narrowest no table at all. LibreOffice draws "ổ" in a fallback
     * font after the rest of "Tổng"; in the narrow rows its taller box touched the row above, and
     * PDFBox's sort put it there ("ổ T ng số"). "Tỷ lệ (%)" is merged down over both header rows
     * and wraps across the border between them, which only the other columns have.
     */
    @ParameterizedTest
    @ValueSource(strings = {"groups.pdf", "narrow.pdf", "narrower.pdf"})
    void wrappedCellsAndMergedHeadersOfAPrintedTableReadAsItsSource(String name) throws Exception {
        List<String> source = summary(PIPELINE.extract(TABLES.resolve("groups.html"), "groups.html").facts());
        assertEquals(6, source.size(), source.toString());

        SourceDocument doc = new Ingest().read(TABLES.resolve(name));
        assertEquals(1, doc.tables().size(), doc.text());
        Table t = doc.tables().get(0);
        assertEquals(4, t.rows().size(), t.rows().toString());
        Table.Cell group = t.rows().get(0).stream().filter(c -> c.text().equals("Số hồ sơ tiếp nhận")).findFirst().orElseThrow();
        assertEquals(2, group.columns(), "the merged header cell spans its two columns");
        assertEquals("Huyện Ba Bể", t.rows().get(2).get(1).text());
        assertEquals(7, t.rows().get(2).size());
        assertEquals(List.of("Tổng số", "Trực tuyến", "Đúng hạn", "Quá hạn"),
                t.rows().get(1).stream().map(Table.Cell::text).filter(c -> !c.isEmpty()).toList());
        assertEquals("Tỷ lệ (%)", t.rows().get(0).get(t.rows().get(0).size() - 1).text(), "the cell merged down keeps its wrapped text");
        assertTrue(doc.text().contains("Tổng số") && !doc.text().contains("ổ T"), doc.text());
        assertEquals(source, summary(PIPELINE.extract(doc).facts()));
    }

    private static List<String> summary(List<Fact> facts) {
        return facts.stream().map(f -> f.kind + " " + f.numerator + "/" + f.denominator + " " + f.value + " " + f.percent
                + " " + f.unit + " | " + f.indicator).sorted().toList();
    }

    private static void check(byte[] pdf, String what) throws Exception {
        SourceDocument doc = new Ingest().read(Path.of(what + ".pdf"), what + ".pdf", pdf);
        assertEquals(1, doc.tables().size(), what + ": " + doc.text());
        Table t = doc.tables().get(0);
        assertEquals(5, t.rows().size(), what);
        assertEquals("Tổng số hồ sơ", t.rows().get(0).get(2).text(), what);
        assertEquals("Phụ lục 1: Kết quả giải quyết hồ sơ trực tuyến tháng 02/2024", t.caption(), what);
        assertEquals(1, t.page());

        List<Fact> facts = PIPELINE.extract(doc).facts();
        List<Fact> ratios = facts.stream().filter(f -> f.kind == Fact.Kind.ratio).toList();
        assertEquals(4, ratios.size(), what + ": " + facts);
        for (int r = 1; r < CELLS.length; r++) {
            Fact f = ratios.get(r - 1);
            assertEquals(CELLS[r][1], f.indicator, what);
            assertEquals(Double.parseDouble(CELLS[r][3].replace(".", "")), f.numerator, what);
            assertEquals(Double.parseDouble(CELLS[r][2].replace(".", "")), f.denominator, what);
            assertEquals(Double.parseDouble(CELLS[r][4].replace(',', '.')), f.percent, 1e-9, what);
            assertEquals("hồ sơ", f.unit);
            assertEquals(1, f.source.page());
            assertEquals("Phụ lục 1: Kết quả giải quyết hồ sơ trực tuyến tháng 02/2024", f.section.get(f.section.size() - 1));
        }
        // The sentence under the table is read as text, and nothing of the table twice.
        assertTrue(facts.stream().anyMatch(f -> f.kind == Fact.Kind.count && f.value == 3235), facts.toString());
        assertEquals(5, facts.size(), facts.toString());
    }

    /** A page: a caption line, the table (columns starting at {@code x}), a sentence under it. */
    static byte[] pdf(float[] x, boolean ruled) throws Exception {
        try (PDDocument doc = new PDDocument(); InputStream font = PdfTablesTest.class.getResourceAsStream("/fonts/DejaVuSans.ttf")) {
            PDType0Font dejavu = PDType0Font.load(doc, font);
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            float top = 740, rowHeight = 20, size = 9;
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                show(cs, dejavu, 12, 60, 770, "Phụ lục 1: Kết quả giải quyết hồ sơ trực tuyến tháng 02/2024");
                for (int r = 0; r < CELLS.length; r++) {
                    float baseline = top - r * rowHeight - 14;
                    for (int c = 0; c < CELLS[r].length; c++) show(cs, dejavu, size, x[c] + 4, baseline, CELLS[r][c]);
                }
                if (ruled) {
                    float bottom = top - CELLS.length * rowHeight;
                    for (int r = 0; r <= CELLS.length; r++) {
                        cs.moveTo(x[0], top - r * rowHeight);
                        cs.lineTo(x[x.length - 1], top - r * rowHeight);
                    }
                    for (float col : x) {
                        cs.moveTo(col, top);
                        cs.lineTo(col, bottom);
                    }
                    cs.stroke();
                }
                show(cs, dejavu, 12, 60, top - CELLS.length * rowHeight - 30, "Trong tháng, cấp 3.235 thẻ căn cước cho công dân.");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static void show(PDPageContentStream cs, PDType0Font font, float size, float x, float y, String text) throws Exception {
        cs.beginText();
        cs.setFont(font, size);
        cs.newLineAtOffset(x, y);
        cs.showText(text);
        cs.endText();
    }
}
