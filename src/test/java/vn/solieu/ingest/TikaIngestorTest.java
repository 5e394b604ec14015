package vn.solieu.ingest;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TikaIngestorTest {
    private static final String BODY_LINE = "Số hồ sơ trực tuyến năm 2023¹ đạt 1.512/1.546 hồ sơ, đạt tỷ lệ 97,8 %.";

    private final Ingest ingest = new Ingest();

    private SourceDocument read(String name, byte[] bytes) throws IngestException {
        return ingest.read(Path.of(name), name, bytes);
    }

    private static List<String> lines(SourceDocument doc) {
        return List.of(doc.text().split("\n"));
    }

    /** The checks every format with a footnote must pass: mark in place, note last, spans right. */
    private static void assertFootnote(SourceDocument doc, String noteText) {
        assertTrue(doc.pages().isEmpty());
        assertTrue(Normalizer.isNormalized(doc.text(), Normalizer.Form.NFC));
        assertTrue(lines(doc).contains(BODY_LINE), doc.text());
        assertFalse(doc.text().contains("20231"));
        assertEquals(1, doc.footnoteMarks().size());
        Span mark = doc.footnoteMarks().get(0);
        assertEquals("¹", doc.text().substring(mark.start(), mark.end()));
        assertTrue(doc.text().substring(0, mark.start()).endsWith("năm 2023"));
        assertEquals(1, doc.footnoteAreas().size());
        Span area = doc.footnoteAreas().get(0);
        assertEquals(noteText, doc.text().substring(area.start(), area.end()));
        assertEquals(doc.text().length(), area.end(), "the note comes after the body");
        assertEquals(1, doc.text().split(java.util.regex.Pattern.quote(noteText.substring(2)), -1).length - 1, "note written once");
    }

    @Test
    void docxParagraphsTableAndFootnote() throws Exception {
        SourceDocument doc = read("bao-cao.docx", TestDocx.report());
        assertEquals("application/vnd.openxmlformats-officedocument.wordprocessingml.document", doc.mediaType());
        assertEquals(List.of(
                "BÁO CÁO kết quả triển khai Đề án 06 tỉnh Bắc Kạn",
                BODY_LINE,
                "Huyện\tHồ sơ\tTỷ lệ",
                "Ba Bể\t300.307\t42,9%",
                "Cấp 3.235 thẻ căn cước cho 02/02 huyện.",
                "1 Số liệu tính đến ngày 14/02/2024, nguồn 45/KH-UBND."), lines(doc));
        assertFootnote(doc, "1 Số liệu tính đến ngày 14/02/2024, nguồn 45/KH-UBND.");
    }

    @Test
    void odtNoteIsMovedOutOfItsParagraph() throws Exception {
        SourceDocument doc = read("bao-cao.odt", TestOdt.report());
        assertEquals("application/vnd.oasis.opendocument.text", doc.mediaType());
        assertEquals("BÁO CÁO kết quả triển khai Đề án 06 tỉnh Bắc Kạn", lines(doc).get(0));
        assertTrue(lines(doc).contains("Ba Bể\t300.307"));
        assertFootnote(doc, "1 Số liệu tính đến ngày 14/02/2024, nguồn 45/KH-UBND.");
    }

    @Test
    void rtfFootnoteGroupIsMovedOut() throws Exception {
        SourceDocument doc = read("bao-cao.rtf", TestOdt.rtfReport());
        assertEquals("application/rtf", doc.mediaType());
        assertEquals("BÁO CÁO kết quả triển khai Đề án 06", lines(doc).get(0));
        assertFootnote(doc, "1 Số liệu tính đến ngày 14/02/2024.");
    }

    @Test
    void htmlBlocksBecomeLinesAndNfdBecomesNfc() throws Exception {
        String html = "<html><head><title>Báo cáo</title></head><body>"
                + "<h1>II. KẾT QUẢ</h1><p>Tỷ lệ đạt <b>42,9 %</b>,\n tăng 7%.</p>"
                + "<ul><li>Ba Bể: 1.512/1.546 hồ sơ</li><li>Na Rì: 300 hồ sơ</li></ul>"
                + "<table><tr><td>Huyện</td><td>Tỷ lệ</td></tr><tr><td>Chợ Đồn</td><td>97,8%</td></tr></table>"
                + "</body></html>";
        String nfd = Normalizer.normalize(html, Normalizer.Form.NFD);
        SourceDocument doc = read("bao-cao.html", nfd.getBytes(StandardCharsets.UTF_8));
        assertEquals("text/html", doc.mediaType());
        assertEquals(List.of("II. KẾT QUẢ", "Tỷ lệ đạt 42,9 %, tăng 7%.", "Ba Bể: 1.512/1.546 hồ sơ", "Na Rì: 300 hồ sơ",
                "Huyện\tTỷ lệ", "Chợ Đồn\t97,8%"), lines(doc));
        assertTrue(Normalizer.isNormalized(doc.text(), Normalizer.Form.NFC));
        assertTrue(doc.footnoteMarks().isEmpty());
    }

    @Test
    void brokenDocxIsAOneLineError() throws Exception {
        byte[] docx = TestDocx.report();
        byte[] cut = java.util.Arrays.copyOf(docx, docx.length / 2);
        IngestException e = org.junit.jupiter.api.Assertions.assertThrows(IngestException.class, () -> read("bao-cao.docx", cut));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().startsWith("damaged ") || e.getMessage().startsWith("unsupported file type"), e.getMessage());
    }

    @Test
    void lineTidyingAnswersAsTheRegexesItReplaces() {
        java.util.Random random = new java.util.Random(6);
        // Everything but '\n' (lines are split there): spaces, tabs, the other line terminators, letters.
        String alphabet = "  \t\tab\u0085\r\u2028\u2029\u00A0ồ";
        for (int n = 0; n < 20000; n++) {
            StringBuilder line = new StringBuilder();
            for (int k = random.nextInt(12); k > 0; k--) line.append(alphabet.charAt(random.nextInt(alphabet.length())));
            String s = line.toString();
            String expected = s.replaceAll(" {2,}", " ").replaceAll(" ?\t ?", "\t").replaceAll("^[ \t]+|[ \t]+$", "");
            assertEquals(expected, TikaIngestor.tidy(s), () -> "tidy of " + s.chars().mapToObj(Integer::toHexString).toList());
            assertEquals(s.replaceAll(" {2,}", " "), Whitespace.collapseSpaces(s), "collapse of [" + s + "]");
        }
    }
}
