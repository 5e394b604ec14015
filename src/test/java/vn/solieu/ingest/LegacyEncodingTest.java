package vn.solieu.ingest;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.solieu.Pipeline;
import vn.solieu.facts.Fact;
import vn.solieu.text.VietText;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The seed reports re-typed in TCVN3 and VNI (by {@link LegacyText#encode}, the inverse of the
 * mapping tables) read back through {@link Ingest} as old .txt files (Windows-1252 bytes) and
 * inside a .docx set in ".VnTime" / "VNI-Times": the text must come back as the seed's, and the
 * same facts must come out.
 */
class LegacyEncodingTest {
    static final Path[] SEEDS = {Path.of("corpus/000_f89939e2e8bd4875.txt"), Path.of("corpus/002_8f33f48acc798cc2.txt")};
    static final Charset CP1252 = Charset.forName("windows-1252");
    static final Pipeline PIPELINE = Pipeline.load(Path.of("extraction-rules"));
    private final Ingest ingest = new Ingest();

    @ParameterizedTest
    @CsvSource({"B¸o c¸o kÕt qu¶ triÓn khai §Ò ¸n 06, Báo cáo kết quả triển khai Đề án 06",
            "Sè hå s¬ trùc tuyÕn ®¹t 1.512/1.546 hå s¬, Số hồ sơ trực tuyến đạt 1.512/1.546 hồ sơ",
            "Baùo caùo keát quaû trieån khai Ñeà aùn 06, Báo cáo kết quả triển khai Đề án 06",
            "Soá hoà sô tröïc tuyeán ñaït 1.512/1.546 hoà sô, Số hồ sơ trực tuyến đạt 1.512/1.546 hồ sơ"})
    void convertsKnownPhrases(String legacy, String unicode) {
        assertEquals(unicode, LegacyText.repair(legacy));
    }

    @Test
    void capitalsOfTcvn3AreRestored() {
        // "BÁO CÁO" typed in .VnTimeH: the small-letter codes drawn as capitals.
        assertEquals("BÁO CÁO KẾT QUẢ THỰC HIỆN Ở HÀ NỘI", LegacyText.repair("B¸O C¸O KÕT QU¶ THùC HIÖN ë Hµ NéI"));
        assertEquals("Đà Nẵng", LegacyText.repair("§µ N½ng kh¸c"). substring(0, 7));
        assertEquals("KẾT QUẢ", LegacyText.convert("kÕt qu¶", LegacyText.Encoding.TCVN3, true));
    }

    @Test
    void unicodeAndOtherLatinTextIsLeftAlone() throws IOException {
        for (Path seed : SEEDS) {
            String text = VietText.nfc(Files.readString(seed));
            assertNull(LegacyText.detect(text), seed + " is Unicode");
            assertEquals(text, LegacyText.repair(text));
        }
        String french = "Le rapport annuel présente les résultats de l'année écoulée, où la préfecture a reçu "
                + "des demandes déjà traitées; les données sont mises à jour chaque été et chaque hiver.";
        assertNull(LegacyText.detect(french));
        String german = "Größe, Übung, schön, für, Mädchen, Straße, Ärger, Öl.";
        assertNull(LegacyText.detect(german));
    }

    @Test
    void fontNamesDeclareTheEncoding() {
        assertEquals(LegacyText.Encoding.TCVN3, LegacyText.byFontName(".VnTime"));
        assertEquals(LegacyText.Encoding.TCVN3, LegacyText.byFontName("ABCDEF+.VnArialH"));
        assertTrue(LegacyText.isCapitalsFont(".VnTimeH"));
        assertEquals(LegacyText.Encoding.VNI, LegacyText.byFontName("VNI-Times"));
        assertNull(LegacyText.byFontName("DejaVuSans"));
        assertNull(LegacyText.byFontName("TimesNewRomanPSMT"));
    }

    @Test
    void seedsAsLegacyTextFilesReadBackAsUnicode() throws Exception {
        for (Path seed : SEEDS) {
            byte[] original = Files.readAllBytes(seed);
            SourceDocument unicode = ingest.read(seed, "seed.txt", original);
            String nfc = VietText.nfc(new String(original, StandardCharsets.UTF_8));
            for (LegacyText.Encoding encoding : LegacyText.Encoding.values()) {
                byte[] legacy = LegacyText.encode(nfc, encoding).getBytes(CP1252);
                SourceDocument read = ingest.read(Path.of("legacy.txt"), "legacy.txt", legacy);
                int differences = differences(unicode.text(), read.text(), encoding);
                System.out.printf("%s as %s .txt: %d characters differ (case only) of %d%n", seed.getFileName(), encoding,
                        differences, unicode.text().length());
                // VNI codes capitals; TCVN3 does not, and its capitals are restored from context (exact on the seeds).
                assertEquals(0, differences);
                assertEquals(unicode.text(), read.text());
                assertSameFacts(unicode, read, seed + " as " + encoding);
            }
        }
    }

    @Test
    void seedsInsideDocxSetInLegacyFonts() throws Exception {
        for (Path seed : SEEDS) {
            List<String> lines = new ArrayList<>();
            for (String l : VietText.nfc(Files.readString(seed)).split("\n")) if (!l.isBlank() && !l.equals("\f")) lines.add(l.strip());
            SourceDocument unicode = ingest.read(Path.of("seed.docx"), "seed.docx", docx(lines, null, null));
            for (LegacyText.Encoding encoding : LegacyText.Encoding.values()) {
                String font = encoding == LegacyText.Encoding.TCVN3 ? ".VnTime" : "VNI-Times";
                SourceDocument read = ingest.read(Path.of("legacy.docx"), "legacy.docx", docx(lines, encoding, font));
                int differences = differences(unicode.text(), read.text(), encoding);
                System.out.printf("%s in .docx (%s): %d characters differ (case only) of %d%n", seed.getFileName(), font,
                        differences, unicode.text().length());
                assertEquals(0, differences);
                assertEquals(unicode.text(), read.text());
                assertSameFacts(unicode, read, seed + " in .docx as " + encoding);
            }
        }
    }

    @Test
    void aUnicodeParagraphInALegacyDocumentStaysAsItIs() {
        String mixed = "B¸o c¸o kÕt qu¶ triÓn khai §Ò ¸n 06\nSố hồ sơ trực tuyến đạt 97,8 %\nTæng sè hå s¬: 300.307";
        assertEquals("Báo cáo kết quả triển khai Đề án 06\nSố hồ sơ trực tuyến đạt 97,8 %\nTổng số hồ sơ: 300.307",
                LegacyText.repair(mixed));
    }

    /** Positions where the texts differ; fails unless they differ only in letter case. */
    private static int differences(String expected, String actual, LegacyText.Encoding encoding) {
        assertEquals(expected.length(), actual.length(), encoding + ": same length");
        int n = 0;
        for (int i = 0; i < expected.length(); i++) {
            char e = expected.charAt(i), a = actual.charAt(i);
            if (e == a) continue;
            assertEquals(Character.toLowerCase(e), Character.toLowerCase(a),
                    encoding + " at " + i + ": …" + expected.substring(Math.max(0, i - 30), Math.min(expected.length(), i + 30)) + "…");
            n++;
        }
        return n;
    }

    private static void assertSameFacts(SourceDocument expected, SourceDocument actual, String what) {
        List<String> a = figures(PIPELINE.extract(expected).facts());
        List<String> b = figures(PIPELINE.extract(actual).facts());
        assertTrue(a.size() > 20, what + ": the seed gives facts");
        assertEquals(a, b, what);
    }

    /** What a fact says, independent of letter case (TCVN3 capitals may differ). */
    static List<String> figures(List<Fact> facts) {
        List<String> out = new ArrayList<>();
        for (Fact f : facts) {
            out.add(f.kind + " " + f.numerator + "/" + f.denominator + " " + f.percent + " " + f.value + " " + f.unit
                    + " | " + VietText.fold(f.indicator) + " @" + f.source.start());
        }
        return out;
    }

    /** One paragraph a line; with an encoding, every run re-typed in it and set in {@code font}. */
    static byte[] docx(List<String> lines, LegacyText.Encoding encoding, String font) throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            for (String line : lines) {
                XWPFRun run = doc.createParagraph().createRun();
                if (encoding == null) {
                    run.setText(line);
                } else {
                    run.setText(LegacyText.encode(line, encoding));
                    run.setFontFamily(font);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.write(out);
            return out.toByteArray();
        }
    }
}
