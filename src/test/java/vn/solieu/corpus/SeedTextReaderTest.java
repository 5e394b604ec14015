package vn.solieu.corpus;

import org.junit.jupiter.api.Test;
import vn.solieu.text.VietText;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SeedTextReaderTest {

    @Test
    void readsTheThreeFootnotesOfTheBacGiangReportWithTheirContinuations() throws IOException {
        ReportDocument doc = Seeds.read(Seeds.BAC_GIANG);
        assertEquals(List.of(1, 2, 3), doc.footnotes().stream().map(Footnote::number).toList());

        String first = doc.footnote(1).text();
        assertTrue(first.startsWith("Nghị quyết số 42/2023/NQ-HĐND ngày 14/7/2023"), first);
        // the footnote runs on to the foot of page 2 in the seed
        assertTrue(first.endsWith("hợp thửa đất áp dụng trên địa bàn tỉnh Bắc Giang"), first);
        assertTrue(first.contains("ban hành kèm theo Quyết định số 10/2019/QĐ-UBND ngày 21/5/2019"), first);

        List<String> second = doc.footnote(2).paragraphs();
        assertEquals(3, second.size(), second.toString());
        assertTrue(second.get(0).startsWith("1. Dịch vụ công trực tuyến cấp tỉnh là 482 dịch vụ"));
        assertTrue(second.get(2).startsWith("3. Dịch vụ công trực tuyến cấp xã là 79 dịch vụ"));
        assertTrue(doc.footnote(3).text().startsWith("Trong đó có 10 TTHC phát sinh hồ sơ trực tuyến cao"));
    }

    @Test
    void splitsEachGluedMarkOffTheTokenItEndsAsTheMarksFileSays() throws IOException {
        ReportDocument doc = Seeds.read(Seeds.BAC_GIANG);
        List<Block> marked = doc.blocks().stream()
                .filter(b -> b.inlines().stream().anyMatch(i -> i instanceof Inline.FootnoteRef)).toList();
        assertEquals(3, marked.size());
        assertEquals("quan đến Đề án 061 (có Phụ lục 1 kèm theo).", ReportDocument.textWithMarks(marked.get(0)));
        assertEquals("quan đến Đề án 06 (có Phụ lục 1 kèm theo).", ReportDocument.plainText(marked.get(0)));
        assertTrue(ReportDocument.plainText(marked.get(1)).contains("tỉnh Bắc Giang năm 2023; Quyết định số 2034/QĐ-UBND"));
        assertEquals("(trong đó nộp trực tuyến 467.113 trường hợp đạt 92,72%)", ReportDocument.plainText(marked.get(2)));
        assertEquals(new Inline.FootnoteRef(3), marked.get(2).inlines().get(1));
    }

    @Test
    void keepsEveryWordOfTheSeedExceptPageNumbers() throws IOException {
        for (Path seed : List.of(Seeds.BAC_KAN, Seeds.BAC_GIANG)) {
            List<String> expected = new ArrayList<>();
            for (String line : Files.readAllLines(seed, StandardCharsets.UTF_8)) {
                if (line.matches("\\s*\\d{1,3}\\s*")) continue; // a bare page number
                expected.addAll(words(VietText.nfc(line)));
            }
            ReportDocument doc = Seeds.read(seed);
            List<String> actual = new ArrayList<>(words(Seeds.bodyWithMarks(doc)));
            actual.addAll(words(Seeds.footnotesAsPrinted(doc)));
            Collections.sort(expected);
            Collections.sort(actual);
            assertEquals(expected, actual, seed.toString());
        }
    }

    @Test
    void findsTheSeedsPageBreaksTitleAndHeadings() throws IOException {
        ReportDocument bacKan = Seeds.read(Seeds.BAC_KAN);
        ReportDocument bacGiang = Seeds.read(Seeds.BAC_GIANG);
        assertEquals(11, count(bacKan, Block.PageBreak.class));  // 12 pages in the seed
        assertEquals(7, count(bacGiang, Block.PageBreak.class)); // 8 pages
        assertTrue(bacKan.title().startsWith("BÁO CÁO Kết quả triển khai thực hiện Đề án"), bacKan.title());
        assertTrue(bacKan.title().endsWith("(Tháng 02 năm 2024)"), bacKan.title());
        assertTrue(bacGiang.blocks().get(0) instanceof Block.Title);
        assertTrue(bacKan.blocks().stream().anyMatch(b -> b instanceof Block.Heading h && h.level() == 1
                && ReportDocument.plainText(b).equals("II. KẾT QUẢ TRIỂN KHAI CÁC MẶT CÔNG TÁC")));
        assertTrue(bacKan.blocks().stream().anyMatch(b -> b instanceof Block.Heading h && h.level() == 3
                && ReportDocument.plainText(b).startsWith("2.1. Kết quả triển khai dịch vụ công toàn tỉnh")));
        assertEquals("Thực hiện Quyết định số 06/QĐ-TTg ngày 06/01/2022 của Thủ tướng", firstParagraph(bacKan));
    }

    @Test
    void refusesAMarkThatIsAmbiguousOrOnAnotherPageOrMissing() {
        List<String> seed = List.of("", "Dòng một năm 20231 và năm 20231", "", "Dòng hai", "",
                " ".repeat(59), "", "1 Chú thích một. ", " Trang hai năm 20241", "");
        SeedFormatException twice = assertThrows(SeedFormatException.class, () ->
                SeedTextReader.read(seed, List.of(new SeedTextReader.FootnoteMark(1, "năm 2023")), ReportDocument.DEFAULT_DATE));
        assertTrue(twice.getMessage().contains("occurs 2 times"), twice.getMessage());

        SeedFormatException otherPage = assertThrows(SeedFormatException.class, () ->
                SeedTextReader.read(seed, List.of(new SeedTextReader.FootnoteMark(1, "Trang hai năm 2024")), ReportDocument.DEFAULT_DATE));
        assertTrue(otherPage.getMessage().contains("is on page 2"), otherPage.getMessage());

        SeedFormatException missing = assertThrows(SeedFormatException.class, () ->
                SeedTextReader.read(seed, List.of(), ReportDocument.DEFAULT_DATE));
        assertTrue(missing.getMessage().contains("footnote 1 has no mark"), missing.getMessage());

        // "Dòng hai" ends in no digit: a mark there cannot be found
        SeedFormatException absent = assertThrows(SeedFormatException.class, () ->
                SeedTextReader.read(seed, List.of(new SeedTextReader.FootnoteMark(1, "Dòng ha")), ReportDocument.DEFAULT_DATE));
        assertTrue(absent.getMessage().contains("occurs 0 times"), absent.getMessage());
    }

    @Test
    void readsAMarkPlacedInATinySeed() throws IOException {
        List<String> seed = List.of("", "Dòng một năm 20231 và hết", "", " ".repeat(59), "", "1 Chú thích ", "", "nối tiếp. ", "");
        ReportDocument doc = SeedTextReader.read(seed, List.of(new SeedTextReader.FootnoteMark(1, "năm 2023")), ReportDocument.DEFAULT_DATE);
        assertEquals(List.of(Inline.text("Dòng một năm 2023"), Inline.ref(1), Inline.text(" và hết")), doc.blocks().get(0).inlines());
        assertEquals("Chú thích nối tiếp.", doc.footnote(1).text());
    }

    @Test
    void namesANonUtf8SeedPlainly(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path latin1 = dir.resolve("bad.txt");
        Files.write(latin1, "B\u00c1O C\u00c1O".getBytes(StandardCharsets.ISO_8859_1));
        SeedFormatException e = assertThrows(SeedFormatException.class, () -> SeedTextReader.read(latin1));
        assertEquals("not UTF-8 text", e.getMessage());
    }

    private static List<String> words(String text) {
        return Arrays.stream(text.split("\\s+")).filter(w -> !w.isEmpty()).toList();
    }

    private static long count(ReportDocument doc, Class<? extends Block> type) {
        return doc.blocks().stream().filter(type::isInstance).count();
    }

    private static String firstParagraph(ReportDocument doc) {
        return doc.blocks().stream().filter(b -> b instanceof Block.Paragraph).map(ReportDocument::plainText).findFirst().orElseThrow();
    }
}
