package vn.solieu.ingest;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFootnote;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

/** Builds a small Word report with POI: paragraphs, a table, and a real footnote after "năm 2023". */
final class TestDocx {
    private TestDocx() {}

    static byte[] report() throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            doc.createParagraph().createRun().setText("BÁO CÁO kết quả triển khai Đề án 06 tỉnh Bắc Kạn");
            XWPFParagraph p = doc.createParagraph();
            p.createRun().setText("Số hồ sơ trực tuyến năm 2023");
            XWPFFootnote note = doc.createFootnote();
            p.addFootnoteReference(note);
            p.createRun().setText(" đạt 1.512/1.546 hồ sơ, đạt tỷ lệ 97,8 %.");
            XWPFParagraph noteText = note.createParagraph();
            noteText.createRun().setText("Số liệu tính đến ngày 14/02/2024, nguồn 45/KH-UBND.");
            XWPFTable table = doc.createTable(2, 3);
            table.getRow(0).getCell(0).setText("Huyện");
            table.getRow(0).getCell(1).setText("Hồ sơ");
            table.getRow(0).getCell(2).setText("Tỷ lệ");
            table.getRow(1).getCell(0).setText("Ba Bể");
            table.getRow(1).getCell(1).setText("300.307");
            table.getRow(1).getCell(2).setText("42,9%");
            doc.createParagraph().createRun().setText("Cấp 3.235 thẻ căn cước cho 02/02 huyện.");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.write(out);
            return out.toByteArray();
        }
    }
}
