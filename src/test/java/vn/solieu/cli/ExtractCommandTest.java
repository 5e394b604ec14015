package vn.solieu.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `solieu extract` as a user runs it: bad inputs are named with their reason, the rest is extracted. */
class ExtractCommandTest {
    record Run(int status, String out, String err) {}

    static Run run(String... args) {
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int status = Main.run(args);
            return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void badInputsAreNamedWithTheirReasonAndTheOthersStillExtracted(@TempDir Path dir) throws Exception {
        Files.copy(Path.of("corpus/000_f89939e2e8bd4875.txt"), dir.resolve("a-good.txt"));
        Files.write(dir.resolve("empty.txt"), new byte[0]);
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);
        Files.write(dir.resolve("random.pdf"), noise);
        byte[] pdf = Files.readAllBytes(Path.of("corpus/000_f89939e2e8bd4875.pdf"));
        Files.write(dir.resolve("truncated.pdf"), Arrays.copyOf(pdf, pdf.length / 2));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            doc.save(dir.resolve("encrypted.pdf").toFile());
        }
        byte[] elf = new byte[256];
        elf[0] = 0x7f;
        elf[1] = 'E';
        elf[2] = 'L';
        elf[3] = 'F';
        Files.write(dir.resolve("program.bin"), elf);
        Files.copy(Path.of("corpus/002_8f33f48acc798cc2.txt"), dir.resolve("z-good.txt"));

        Run r = run("extract", "--format", "jsonl", dir.toString());

        assertEquals(1, r.status(), r.err());
        List<String> lines = r.err().lines().toList();
        assertTrue(lines.size() >= 5, "one line per bad file:\n" + r.err() + "\nstdout lines: " + r.out().lines().count());
        assertLine(lines, "empty.txt", "empty file");
        assertLine(lines, "random.pdf", "not a PDF");
        assertLine(lines, "truncated.pdf", "truncated");
        assertLine(lines, "encrypted.pdf", "encrypted");
        assertLine(lines, "program.bin", "unsupported file type");
        assertFalse(r.err().contains("Exception"), "no stack trace: " + r.err());
        // Both good files, before and after the bad ones in order, were extracted; stdout is records only.
        ObjectMapper json = new ObjectMapper();
        long bacKan = 0, bacGiang = 0;
        for (String line : r.out().lines().toList()) {
            Map<?, ?> rec = json.readValue(line, Map.class);
            String file = (String) ((Map<?, ?>) rec.get("source")).get("file");
            if (file.endsWith("a-good.txt")) bacKan++;
            if (file.endsWith("z-good.txt")) bacGiang++;
        }
        assertTrue(bacKan > 100 && bacGiang > 50, "facts of both good files: " + bacKan + ", " + bacGiang);
    }

    private static void assertLine(List<String> lines, String file, String reason) {
        assertTrue(lines.stream().anyMatch(l -> l.contains(file) && l.toLowerCase().contains(reason.toLowerCase())),
                "a line naming " + file + " with «" + reason + "» in:\n" + String.join("\n", lines));
    }

    @Test
    void tableFormatKeepsVietnameseLettersAndAligns() {
        Run r = run("extract", "--format", "table", "corpus/000_f89939e2e8bd4875.txt");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("Đăng ký thường trú"), r.out());
        List<String> rows = r.out().lines().filter(l -> l.startsWith("ratio ")).toList();
        int unitColumn = rows.get(0).indexOf("hồ sơ");
        assertTrue(rows.stream().filter(l -> l.contains("hồ sơ")).allMatch(l -> l.indexOf("hồ sơ") == unitColumn), "aligned unit column");
    }

    @Test
    void csvHasAHeaderAndOneRowPerFact() {
        Run r = run("extract", "--format", "csv", "corpus/002_8f33f48acc798cc2.txt");
        assertEquals(0, r.status());
        List<String> rows = r.out().lines().toList();
        assertTrue(rows.get(0).startsWith("kind,figure,unit,indicator"), rows.get(0));
        Run jsonl = run("extract", "corpus/002_8f33f48acc798cc2.txt");
        assertTrue(rows.size() > jsonl.out().lines().count(), "header plus at least one line per record");
    }

    @Test
    void aNewPhrasingIsARulesChangeNotACodeChange(@TempDir Path dir) throws Exception {
        Path rules = dir.resolve("rules");
        try (var files = Files.walk(Path.of("extraction-rules"))) {
            for (Path f : files.toList()) {
                Path to = rules.resolve(Path.of("extraction-rules").relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(to);
                else Files.copy(f, to);
            }
        }
        Path report = dir.resolve("report.txt");
        Files.writeString(report, "- Cấp giấy phép xây dựng: 57/60 giấy phép, đạt 95%.\n- Cấp chứng chỉ hành nghề: 12 chứng chỉ.\n");
        Run before = run("extract", "--rules", rules.toString(), report.toString());
        // The bundled units know "giấy" but not "giấy phép", nor "chứng chỉ".
        assertTrue(before.out().contains("\"unit\":\"giấy\"") && !before.out().contains("chứng chỉ\",\"indicator"), before.out());
        // A province writes units the bundled list lacks: add them to units.yaml, nothing else.
        Path units = rules.resolve("units.yaml");
        Files.writeString(units, Files.readString(units).replace("units:\n", "units:\n  - giấy phép\n  - chứng chỉ\n"));
        Run after = run("extract", "--rules", rules.toString(), report.toString());
        assertEquals(0, after.status(), after.err());
        assertTrue(after.out().contains("\"numerator\":57,\"denominator\":60,\"percent\":95,\"unit\":\"giấy phép\""), after.out());
        assertTrue(after.out().contains("\"kind\":\"count\",\"value\":12,\"unit\":\"chứng chỉ\""), after.out());
        assertEquals(2, run("extract", "--rules", dir.resolve("missing").toString(), report.toString()).status());
    }

    @Test
    void badUsageExitsTwo() {
        assertEquals(2, run("extract").status());
        assertEquals(2, run("extract", "--format", "xml", "corpus").status());
    }
}
