package vn.solieu.ingest;

import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextIngestorTest {
    private static final String REPORT = "Tỷ lệ hồ sơ trực tuyến đạt 42,9 %, tăng 7% so với tháng trước.\n"
            + "Đăng ký thường trú: 1.512/1.546 hồ sơ; tỉnh Bắc Kạn, huyện Ba Bể.\n"
            + "Lĩnh vực cấp hộ chiếu, khám chữa bệnh, thuỷ lợi.\n";

    private final Ingest ingest = new Ingest();

    private String read(String name, byte[] bytes) throws IngestException {
        SourceDocument doc = ingest.read(Path.of(name), name, bytes);
        assertEquals("text/plain", doc.mediaType());
        return doc.text();
    }

    @Test
    void seedReportsKeepTheirPageCount() throws Exception {
        assertEquals(12, ingest.read(Path.of("corpus/000_f89939e2e8bd4875.txt")).pages().size());
        assertEquals(8, ingest.read(Path.of("corpus/002_8f33f48acc798cc2.txt")).pages().size());
    }

    @Test
    void decomposedSeedComesOutComposed() throws Exception {
        Path seed = Path.of("corpus/002_8f33f48acc798cc2.txt");
        assertFalse(Normalizer.isNormalized(Files.readString(seed), Normalizer.Form.NFC), "the seed is NFD");
        String text = ingest.read(seed).text();
        assertTrue(Normalizer.isNormalized(text, Normalizer.Form.NFC));
        assertTrue(text.contains("Bắc Giang"));
    }

    @Test
    void utf8WithAndWithoutBom() throws Exception {
        byte[] utf8 = REPORT.getBytes(StandardCharsets.UTF_8);
        assertEquals(REPORT, read("a.txt", utf8));
        assertEquals(REPORT, read("a.txt", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8)));
    }

    @Test
    void utf16WithBom() throws Exception {
        assertEquals(REPORT, read("a.txt", concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, REPORT.getBytes(StandardCharsets.UTF_16LE))));
        assertEquals(REPORT, read("a.txt", concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, REPORT.getBytes(StandardCharsets.UTF_16BE))));
    }

    @Test
    void utf16WithoutBomIsFoundByItsNulBytesEvenWithoutAName() throws Exception {
        assertEquals(REPORT, read("bao-cao", REPORT.getBytes(StandardCharsets.UTF_16LE)));
        assertEquals(REPORT, read("bao-cao", REPORT.getBytes(StandardCharsets.UTF_16BE)));
    }

    @Test
    void windows1258IsDecodedAndComposed() throws Exception {
        byte[] bytes = windows1258(REPORT);
        assertFalse(TextCharset.isStrictUtf8(bytes));
        assertEquals(TextCharset.WINDOWS_1258, TextCharset.detect(bytes));
        assertEquals(REPORT, read("a.txt", bytes));
        assertEquals(REPORT, read("bao-cao", bytes));
    }

    @Test
    void westernEightBitTextIsNotTakenForVietnamese() {
        byte[] latin1 = "Le café coûte 3,50 € à Genève; déjà vu, naïve façade.\n".repeat(5).getBytes(Charset.forName("windows-1252"));
        assertFalse(TextCharset.looksVietnameseIn1258(latin1));
    }

    @Test
    void commaSeparatedTextIsReadAsPlainTextNotCsv() throws Exception {
        String text = "Huyện,Hồ sơ,Tỷ lệ\nBa Bể,1.512,42,9%\nPác Nặm,300,97,8%\n";
        assertEquals(text, read("bang.csv", text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void formFeedsSeparatePages() throws Exception {
        SourceDocument doc = ingest.read(Path.of("a.txt"), "a.txt", "trang một\ftrang hai\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(2, doc.pages().size());
        assertEquals("trang hai\n", doc.text().substring(doc.pages().get(1).start(), doc.pages().get(1).end()));
    }

    /** Windows-1258 as Vietnamese software writes it: precomposed where the code page can, tone marks combining. */
    static byte[] windows1258(String nfc) {
        StringBuilder partly = new StringBuilder();
        for (char c : nfc.toCharArray()) {
            String d = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
            StringBuilder tones = new StringBuilder(), rest = new StringBuilder();
            for (char m : d.toCharArray()) {
                if ("\u0300\u0301\u0303\u0309\u0323".indexOf(m) >= 0) tones.append(m); else rest.append(m);
            }
            String base = Normalizer.normalize(rest, Normalizer.Form.NFC);
            // The code page holds some toned letters precomposed (à, á, é …); keep those whole.
            String whole = String.valueOf(c);
            partly.append(TextCharset.WINDOWS_1258.newEncoder().canEncode(whole) ? whole : base + tones);
        }
        byte[] bytes = partly.toString().getBytes(TextCharset.WINDOWS_1258);
        assertEquals(partly.toString(), new String(bytes, TextCharset.WINDOWS_1258), "test text must fit the code page");
        return bytes;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
