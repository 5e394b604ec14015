package vn.solieu.ingest;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IngestTest {
    private final Ingest ingest = new Ingest();

    private String reason(String name, byte[] bytes) {
        return assertThrows(IngestException.class, () -> ingest.read(Path.of(name), name, bytes)).getMessage();
    }

    @Test
    void emptyFile() {
        assertEquals("empty file", reason("bao-cao.pdf", new byte[0]));
    }

    @Test
    void missingFile() {
        assertEquals("no such file", assertThrows(IngestException.class,
                () -> ingest.read(Path.of("khong-co/bao-cao.pdf"))).getMessage());
    }

    @Test
    void damagedImageIsNamedAsSuch() {
        // Images are read by OCR now; a cut-off PNG fails before any OCR engine is asked.
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0};
        assertTrue(reason("scan.png", png).startsWith("damaged or unreadable image (image/png)"), reason("scan.png", png));
    }

    @Test
    void zipIsUnsupported() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("bao-cao.txt"));
            zip.write("42,9 %".getBytes());
            zip.closeEntry();
        }
        assertEquals("unsupported file type application/zip", reason("bao-cao.zip", bytes.toByteArray()));
    }

    @Test
    void executableIsUnsupported() {
        byte[] elf = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3e, 0};
        assertTrue(reason("tool", elf).startsWith("unsupported file type application/x-"));
    }

    @Test
    void readsFromDisk(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path pdf = dir.resolve("bao-cao.pdf");
        Files.write(pdf, TestPdfs.report());
        SourceDocument doc = ingest.read(pdf, "bao-cao.pdf");
        assertEquals("bao-cao.pdf", doc.file());
        assertEquals(Ingest.sha256(Files.readAllBytes(pdf)), doc.sha256());
    }
}
