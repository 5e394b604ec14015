package vn.solieu.ingest;

import org.apache.tika.Tika;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The shortcuts must not change Tika's answer: each input is detected both ways. */
class FileTypeDetectorTest {
    private static final Tika TIKA = new Tika();
    private final FileTypeDetector detector = new FileTypeDetector();

    static Stream<Arguments> files() throws Exception {
        byte[] text = "Tỷ lệ hồ sơ trực tuyến đạt 42,9%\nĐã cấp 1.512/1.546 tài khoản, 97,8%\n".getBytes(StandardCharsets.UTF_8);
        byte[] html = "<html><body><p>Tỷ lệ 42,9%</p></body></html>".getBytes(StandardCharsets.UTF_8);
        byte[] docx = TestDocx.report(), odt = TestOdt.report(), pdf = TestPdfs.report();
        return Stream.of(
                Arguments.of("bao-cao.docx", docx),
                Arguments.of("bao-cao", docx),
                Arguments.of("bao-cao.zip", docx),
                Arguments.of("bao-cao.odt", odt),
                Arguments.of("bao-cao.docx", odt),
                Arguments.of("bao-cao.zip", zip("bao-cao.txt")),
                Arguments.of("bao-cao.docx", zip("word/document.xml")),
                Arguments.of("bao-cao.pdf", pdf),
                Arguments.of("bao-cao.txt", pdf),
                Arguments.of("bao-cao.rtf", TestOdt.rtfReport()),
                Arguments.of("bao-cao.txt", text),
                Arguments.of("bao-cao.csv", text),
                Arguments.of("bao-cao.html", html),
                Arguments.of("bao-cao.txt", html),
                Arguments.of("bao-cao.pdf", "%PDF".getBytes(StandardCharsets.US_ASCII)),
                Arguments.of("bao-cao.doc", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0}));
    }

    private static byte[] zip(String entry) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write("<w:document/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void sameAnswerAsTika(String name, byte[] bytes) {
        assertEquals(TIKA.detect(bytes, name), detector.detect(bytes, name));
    }
}
