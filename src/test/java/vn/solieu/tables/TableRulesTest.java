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
        List<List<String>> rows = new ArrayList<>();
        for (Object r : (List<Object>) example.get("rows")) rows.add(((List<Object>) r).stream().map(String::valueOf).toList());
        SourceDocument doc = document((String) example.get("caption"), rows);
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
        StringBuilder text = new StringBuilder();
        if (caption != null) text.append(caption).append('\n');
        int tableStart = text.length();
        List<List<Table.Cell>> cells = new ArrayList<>();
        for (List<String> row : rows) {
            if (text.length() > tableStart) text.append('\n');
            List<Table.Cell> r = new ArrayList<>();
            for (int c = 0; c < row.size(); c++) {
                if (c > 0) text.append('\t');
                int start = text.length();
                text.append(row.get(c));
                r.add(new Table.Cell(row.get(c), start, text.length()));
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
