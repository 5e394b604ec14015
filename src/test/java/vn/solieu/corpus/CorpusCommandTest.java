package vn.solieu.corpus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.solieu.cli.Main;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CorpusCommandTest {

    @Test
    void regeneratesTheCommittedCorpusFilesByteForByte(@TempDir Path out) throws IOException {
        int status = Main.run("corpus", "--out", out.toString(), Seeds.BAC_KAN.toString(), Seeds.BAC_GIANG.toString());
        assertEquals(0, status);
        for (String name : new String[] {"000_f89939e2e8bd4875", "002_8f33f48acc798cc2"}) {
            for (String ext : new String[] {".pdf", ".docx"}) {
                byte[] fresh = Files.readAllBytes(out.resolve(name + ext));
                byte[] committed = Files.readAllBytes(Path.of("corpus", name + ext));
                assertEquals(PdfReportWriterTest.sha256(committed), PdfReportWriterTest.sha256(fresh),
                        "corpus/" + name + ext + " is stale: rerun `solieu corpus corpus/*.txt`");
            }
        }
    }

    @Test
    void namesAnUnreadableSeedAndGoesOnWithTheOthers(@TempDir Path out) throws IOException {
        Path broken = out.resolve("broken.txt");
        Files.write(broken, new byte[] {(byte) 0xC3, (byte) 0x28, 'a'});
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream saved = System.err;
        int status;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            status = Main.run("corpus", "--out", out.toString(), broken.toString(), Seeds.BAC_KAN.toString());
        } finally {
            System.setErr(saved);
        }
        assertEquals(1, status);
        String messages = err.toString(StandardCharsets.UTF_8);
        assertTrue(messages.contains("solieu: " + broken + ": not UTF-8 text"), messages);
        assertTrue(Files.exists(out.resolve("000_f89939e2e8bd4875.pdf")));
        assertTrue(Files.exists(out.resolve("000_f89939e2e8bd4875.docx")));
    }
}
