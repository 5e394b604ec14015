package vn.solieu.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.solieu.cli.Main;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line: exit status and output files (findings on real reports come from the extractor once merged). */
class AuditCommandTest {
    @Test
    void auditsReportsDirectlyWithoutAnIndex(@TempDir Path tmp) throws Exception {
        Path html = tmp.resolve("audit.html");
        assertEquals(0, Main.run("audit", "--format", "html", "--out", html.toString(), "corpus/000_f89939e2e8bd4875.txt", "corpus/002_8f33f48acc798cc2.txt"));
        String page = Files.readString(html, StandardCharsets.UTF_8);
        assertTrue(page.startsWith("<!DOCTYPE html>") && page.contains("</html>"), page);
    }

    @Test
    void jsonlOutputIsOneFindingPerLine(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("f.jsonl");
        assertEquals(0, Main.run("audit", "--format", "jsonl", "--out", out.toString(), "corpus"));
        for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) assertTrue(line.startsWith("{\"check\":"), line);
    }

    @Test
    void aMissingInputIsAFailureTheOthersStillRun(@TempDir Path tmp) {
        assertEquals(1, Main.run("audit", "--out", tmp.resolve("t.txt").toString(), "corpus/000_f89939e2e8bd4875.txt", "no-such-report.pdf"));
        assertTrue(Files.exists(tmp.resolve("t.txt")));
    }

    @Test
    void withoutInputsAMissingIndexIsAFailure(@TempDir Path tmp) {
        assertEquals(1, Main.run("audit", "--index", tmp.resolve("none").toString()));
    }

    @Test
    void badUsageIsTwo(@TempDir Path tmp) {
        assertEquals(2, Main.run("audit", "--format", "pdf"));
        assertEquals(2, Main.run("audit", "--rules", tmp.resolve("no-rules").toString(), "corpus"));
        assertEquals(2, Main.run("audit", "--rules", tmp.toString(), "corpus"), "a rules folder without indicators.yaml");
    }
}
