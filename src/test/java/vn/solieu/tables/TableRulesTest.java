package vn.solieu.tables;

import vn.solieu.rules.RuleExamplesTest;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import vn.solieu.Pipeline;
import vn.solieu.facts.Fact;
import vn.solieu.ingest.Ingest;
import vn.solieu.ingest.Page;
import vn.solieu.ingest.SourceDocument;
import vn.solieu.ingest.Span;
import vn.solieu.ingest.Table;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every example of extraction-rules/tables.yaml through the pipeline (the table laid out as the
 * ingestors lay it out: caption line, then one line a row with tab-separated cells), and a real
 * .docx table read through Ingest.
 */
class TableRulesTest {
    static final Pipeline PIPELINE = Pipeline.load(Path.of("extraction-rules"));
    static final TableVocabulary VOCABULARY = TableVocabulary.load(Path.of("extraction-rules"));

    @TestFactory
    Stream<DynamicTest> everyExampleOfTablesYaml() {
        List<Map<String, Object>> examples = VOCABULARY.examples();
        assertTrue(examples.size() >= 5, "tables.yaml carries its examples");
        return examples.stream().map(e -> DynamicTest.dynamicTest("tables.yaml " + e.get("id"), () -> check(e)));
    }

    @SuppressWarnings("unchecked")
    static void check(Map<String, Object> example) {
        // A cell is its text, or {text: …, columns: n} for a merged cell as a .docx gives it.
        List<List<String>> rows = new ArrayList<>();
        List<List<Integer>> spans = new ArrayList<>();
        for (Object r : (List<Object>) example.get("rows")) {
            List<String> texts = new ArrayList<>();
            List<Integer> columns = new ArrayList<>();
            for (Object cell : (List<Object>) r) {
                if (cell instanceof Map<?, ?> m) {
                    texts.add(String.valueOf(m.get("text")));
                    columns.add(((Number) m.get("columns")).intValue());
                } else {
                    texts.add(String.valueOf(cell));
                    columns.add(1);
                }
            }
            rows.add(texts);
            spans.add(columns);
        }
        SourceDocument doc = document((String) example.get("caption"), rows, spans);
        List<Fact> facts = PIPELINE.extract(doc).facts();
        List<Map<String, Object>> produced = new ArrayList<>();
        for (Fact f : facts) produced.add(f.toMap());
        List<Map<String, Object>> unmatched = new ArrayList<>(produced);
        List<Map<String, Object>> missing = new ArrayList<>();
        for (Map<String, Object> expected : (List<Map<String, Object>>) example.get("expect")) {
            Map<String, Object> hit = unmatched.stream().filter(p -> RuleExamplesTest.matches(expected, p)).findFirst().orElse(null);
            if (hit == null) missing.add(expected);
            else unmatched.remove(hit);
        }
        if (!missing.isEmpty() || !unmatched.isEmpty()) {
            StringBuilder msg = new StringBuilder("example " + example.get("id"));
            for (Map<String, Object> m : missing) msg.append("\n  missing:    ").append(m);
            for (Map<String, Object> u : unmatched) msg.append("\n  unexpected: ").append(u);
            fail(msg.toString());
        }
        String caption = (String) example.get("caption");
        for (Fact f : facts) {
            assertEquals(caption, f.section.get(f.section.size() - 1), "the caption is the section");
            assertTrue(f.rule.startsWith("tables."), f.rule);
            assertTrue(doc.text().substring(f.source.start(), f.source.end()).contains(f.kind == Fact.Kind.percent ? f.percentText : ""));
        }
    }

    /** The caption line, then each row as one line of tab-separated cells, and the Table over them. */
    static SourceDocument document(String caption, List<List<String>> rows) {
        return document(caption, rows, null);
    }

    static SourceDocument document(String caption, List<List<String>> rows, List<List<Integer>> spans) {
        StringBuilder text = new StringBuilder();
        if (caption != null) text.append(caption).append('\n');
        int tableStart = text.length();
        List<List<Table.Cell>> cells = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            if (text.length() > tableStart) text.append('\n');
            List<Table.Cell> r = new ArrayList<>();
            for (int c = 0; c < row.size(); c++) {
                if (c > 0) text.append('\t');
                int start = text.length();
                text.append(row.get(c));
                r.add(new Table.Cell(row.get(c), start, text.length(), spans == null ? 1 : spans.get(i).get(c)));
            }
            cells.add(r);
        }
        Table table = new Table(1, caption, cells, new Span(tableStart, text.length()));
        String t = text.toString();
        return new SourceDocument("table.txt", "0".repeat(64), "text/plain", t, List.of(new Page(1, 0, t.length())),
                List.of(), List.of(), false, null).withTables(List.of(table));
    }


    @Test
    void headersGiveRoles() {
        assertEquals(ColumnRole.DENOMINATOR, VOCABULARY.role("Tổng số hồ sơ"));
        assertEquals(ColumnRole.DENOMINATOR, VOCABULARY.role("Số hồ sơ tiếp nhận"));
        assertEquals(ColumnRole.NUMERATOR, VOCABULARY.role("Số hồ sơ trực tuyến"));
        assertEquals(ColumnRole.NUMERATOR, VOCABULARY.role("Đã giải quyết"));
        assertEquals(ColumnRole.PERCENT, VOCABULARY.role("Tỷ lệ (%)"));
        assertEquals(ColumnRole.PERCENT, VOCABULARY.role("Tỷ lệ trực tuyến (%)"));
        assertEquals(ColumnRole.INDEX, VOCABULARY.role("STT"));
        assertEquals(ColumnRole.OTHER, VOCABULARY.role("Số tài khoản"));
        assertEquals("hồ sơ", VOCABULARY.unit("Tổng số hồ sơ"));
        assertNull(VOCABULARY.unit("Trực tuyến"));
    }

    @Test
    void mergedWordHeaderCellsSpanTheirColumns() throws Exception {
        // "Số hồ sơ tiếp nhận" and "Số hồ sơ đã giải quyết" each span two columns (w:gridSpan);
        // "STT", "Đơn vị" and "Tỷ lệ (%)" span both header rows (w:vMerge). Tika writes a merged
        // cell once, so without the spans every column after the first group shifts left.
        byte[] docx;
        try (XWPFDocument doc = new XWPFDocument()) {
            doc.createParagraph().createRun().setText("Bảng 2. Kết quả tiếp nhận và giải quyết hồ sơ");
            String[][] cells = {
                    {"STT", "Đơn vị", "Số hồ sơ tiếp nhận", null, "Số hồ sơ đã giải quyết", null, "Tỷ lệ (%)"},
                    {"", "", "Tổng số", "Trực tuyến", "Đúng hạn", "Quá hạn", ""},
                    {"1", "Huyện Ba Bể", "1.200", "900", "1.150", "50", "75,0"}};
            XWPFTable table = doc.createTable(3, 7);
            for (int r = 0; r < 3; r++) for (int c = 0; c < 7; c++) if (cells[r][c] != null) table.getRow(r).getCell(c).setText(cells[r][c]);
            for (int c : new int[]{4, 2}) {
                table.getRow(0).getCell(c).getCTTc().addNewTcPr().addNewGridSpan().setVal(java.math.BigInteger.TWO);
                table.getRow(0).removeCell(c + 1);
            }
            for (int c : new int[]{0, 1}) {
                table.getRow(0).getCell(c).getCTTc().addNewTcPr().addNewVMerge().setVal(
                        org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge.RESTART);
                table.getRow(1).getCell(c).getCTTc().addNewTcPr().addNewVMerge();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.write(out);
            docx = out.toByteArray();
        }
        SourceDocument doc = new Ingest().read(Path.of("bang-2.docx"), "bang-2.docx", docx);
        Table t = doc.tables().get(0);
        assertEquals(List.of(1, 1, 2, 2, 1), t.rows().get(0).stream().map(Table.Cell::columns).toList(), "the spans of the header row");
        assertEquals(7, t.columns());

        List<Fact> facts = PIPELINE.extract(doc).facts();
        List<String> got = facts.stream().map(f -> f.kind == Fact.Kind.count ? f.value + " " + f.unit
                : f.numerator + "/" + f.denominator + (f.percent == null ? "" : " " + f.percent)).sorted().toList();
        // "Trực tuyến" under "Số hồ sơ tiếp nhận" is the part, "Tổng số" the whole; the stated 75,0 %
        // is the online share (900/1200), not a share of the overdue count that stands nearest to it.
        assertEquals(List.of("1150.0/1200.0", "50.0 hồ sơ", "900.0/1200.0 75.0"), got, facts.toString());
        assertTrue(facts.stream().allMatch(f -> "Huyện Ba Bể".equals(f.indicator)));
    }

    /** The merged table of the two tests below: "Số hồ sơ" over two columns, three cells over two rows. */
    private static final String[][] MERGED = {
            {"STT", "Đơn vị", "Số hồ sơ", "Tỷ lệ (%)"},
            {"Tiếp nhận", "Giải quyết"},
            {"1", "Huyện Ba Bể", "1.200", "1.150", "95,8"}};

    private static void assertMergedTableRead(SourceDocument doc) {
        Table t = doc.tables().get(0);
        assertEquals(List.of(1, 1, 2, 1), t.rows().get(0).stream().map(Table.Cell::columns).toList());
        // Under the cells merged down, the second row has empty cells of its own: the columns line up.
        assertEquals(List.of("", "", "Tiếp nhận", "Giải quyết", ""), t.rows().get(1).stream().map(Table.Cell::text).toList());
        List<Fact> facts = PIPELINE.extract(doc).facts();
        assertEquals(1, facts.size(), facts.toString());
        assertEquals(1150, facts.get(0).numerator);
        assertEquals(1200, facts.get(0).denominator);
        assertEquals(95.8, facts.get(0).percent, 1e-9);
    }

    @Test
    void htmlColspanAndRowspanLineTheColumnsUp() throws Exception {
        String html = "<html><body><p>Bảng 1. Kết quả giải quyết hồ sơ</p><table>"
                + "<tr><td rowspan=\"2\">" + MERGED[0][0] + "</td><td rowspan=\"2\">" + MERGED[0][1] + "</td><td colspan=\"2\">" + MERGED[0][2]
                + "</td><td rowspan=\"2\">" + MERGED[0][3] + "</td></tr>"
                + "<tr><td>" + MERGED[1][0] + "</td><td>" + MERGED[1][1] + "</td></tr>"
                + "<tr><td>" + String.join("</td><td>", MERGED[2]) + "</td></tr></table></body></html>";
        assertMergedTableRead(new Ingest().read(Path.of("bang-1.html"), "bang-1.html", html.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void openDocumentSpannedCellsLineTheColumnsUp() throws Exception {
        String cell = "<table:table-cell%s><text:p>%s</text:p></table:table-cell>";
        String content = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
                + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\""
                + " office:version=\"1.2\"><office:body><office:text><text:p>Bảng 1. Kết quả giải quyết hồ sơ</text:p><table:table>"
                + "<table:table-column table:number-columns-repeated=\"5\"/><table:table-row>"
                + String.format(cell, " table:number-rows-spanned=\"2\"", MERGED[0][0]) + String.format(cell, " table:number-rows-spanned=\"2\"", MERGED[0][1])
                + String.format(cell, " table:number-columns-spanned=\"2\"", MERGED[0][2]) + "<table:covered-table-cell/>"
                + String.format(cell, " table:number-rows-spanned=\"2\"", MERGED[0][3]) + "</table:table-row><table:table-row>"
                + "<table:covered-table-cell/><table:covered-table-cell/>" + String.format(cell, "", MERGED[1][0]) + String.format(cell, "", MERGED[1][1])
                + "<table:covered-table-cell/></table:table-row><table:table-row>"
                + java.util.Arrays.stream(MERGED[2]).map(v -> String.format(cell, "", v)).collect(java.util.stream.Collectors.joining())
                + "</table:table-row></table:table></office:text></office:body></office:document-content>";
        ByteArrayOutputStream odt = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(odt)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("mimetype"));
            zip.write("application/vnd.oasis.opendocument.text".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            zip.putNextEntry(new java.util.zip.ZipEntry("content.xml"));
            zip.write(content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        assertMergedTableRead(new Ingest().read(Path.of("bang-1.odt"), "bang-1.odt", odt.toByteArray()));
    }

    @Test
    void aWordTableBecomesRatiosWithTheirPercents() throws Exception {
        byte[] docx;
        try (XWPFDocument doc = new XWPFDocument()) {
            doc.createParagraph().createRun().setText("II. KẾT QUẢ TRIỂN KHAI");
            doc.createParagraph().createRun().setText("Phụ lục: Kết quả tiếp nhận hồ sơ trực tuyến tháng 02/2024");
            String[][] cells = {
                    {"STT", "Dịch vụ công", "Tổng số hồ sơ", "Trực tuyến", "Tỷ lệ (%)"},
                    {"1", "Đăng ký thường trú", "1.229", "1.229", "100"},
                    {"2", "Đăng ký tạm trú", "275", "274", "99,6"},
                    {"", "Tổng cộng", "1.504", "1.503", "99,93"}};
            XWPFTable table = doc.createTable(cells.length, cells[0].length);
            for (int r = 0; r < cells.length; r++) for (int c = 0; c < cells[r].length; c++) table.getRow(r).getCell(c).setText(cells[r][c]);
            doc.createParagraph().createRun().setText("Cấp 3.235 thẻ căn cước cho công dân.");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.write(out);
            docx = out.toByteArray();
        }
        SourceDocument doc = new Ingest().read(Path.of("phu-luc.docx"), "phu-luc.docx", docx);
        assertEquals(1, doc.tables().size());
        Table t = doc.tables().get(0);
        assertEquals("Phụ lục: Kết quả tiếp nhận hồ sơ trực tuyến tháng 02/2024", t.caption());
        assertEquals(4, t.rows().size());
        assertEquals("Đăng ký tạm trú", doc.text().substring(t.rows().get(2).get(1).start(), t.rows().get(2).get(1).end()));

        List<Fact> facts = PIPELINE.extract(doc).facts();
        List<String> got = facts.stream().map(f -> f.toMap().toString()).toList();
        List<Fact> ratios = facts.stream().filter(f -> "tables.ratio".equals(f.rule)).toList();
        assertEquals(3, ratios.size(), got.toString());
        Fact tamTru = ratios.get(1);
        assertEquals("Đăng ký tạm trú", tamTru.indicator);
        assertEquals(274, tamTru.numerator);
        assertEquals(275, tamTru.denominator);
        assertEquals(99.6, tamTru.percent, 1e-9);
        assertEquals("hồ sơ", tamTru.unit);
        assertEquals(List.of("II. KẾT QUẢ TRIỂN KHAI", "Phụ lục: Kết quả tiếp nhận hồ sơ trực tuyến tháng 02/2024"), tamTru.section);
        assertEquals("2 | Đăng ký tạm trú | 275 | 274 | 99,6", tamTru.text);
        assertEquals("Tổng cộng", ratios.get(2).indicator);
        // The text stage still reads the paragraph after the table, and not the table rows again.
        assertTrue(facts.stream().anyMatch(f -> f.kind == Fact.Kind.count && f.value == 3235), got.toString());
        assertEquals(4, facts.size(), got.toString());
    }
}
