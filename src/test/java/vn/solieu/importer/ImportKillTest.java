package vn.solieu.importer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.solieu.Pipeline;
import vn.solieu.index.FactIndexWriter;
import vn.solieu.index.FactSearcher;
import vn.solieu.index.IndexedFacts;
import vn.solieu.index.SearchHit;
import vn.solieu.index.SearchRequest;
import vn.solieu.index.SearchResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Kills a real import process (SIGKILL: no shutdown hook, no final commit) after it has committed
 * part of a folder, then runs the import again: every file ends up indexed exactly once.
 */
class ImportKillTest {
    private static final int FILES = 300;

    @TempDir
    Path tmp;

    @Test
    void aKilledImportResumesWithoutLossOrDuplicates() throws Exception {
        Path in = tmp.resolve("in"), index = tmp.resolve("index");
        generate(in);

        // Slowed down (20 ms a file) so that the kill surely lands half-way, whatever the machine.
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "vn.solieu.cli.Main",
                "import", "--index", index.toString(), "--threads", "2", "--commit-every", "10", "--delay-ms", "20", in.toString())
                .redirectErrorStream(true)
                .redirectOutput(tmp.resolve("first-run.log").toFile())
                .start();
        long committed = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (committed < 30) {
            assertTrue(p.isAlive(), "the import ended before it could be killed: " + Files.readString(tmp.resolve("first-run.log")));
            assertTrue(System.nanoTime() < deadline, "nothing committed: " + Files.readString(tmp.resolve("first-run.log")));
            Thread.sleep(50);
            committed = committedReports(index);
        }
        p.destroyForcibly();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));

        long survived = committedReports(index);
        assertTrue(survived >= 30 && survived < FILES, "committed before the kill: " + survived);

        ImportSummary resumed;
        try (FactIndexWriter writer = FactIndexWriter.open(index)) { // the dead process's lock is free
            resumed = new Importer(Pipeline.load(null), writer, ImportOptions.defaults(index).withThreads(2), null).run(List.of(in));
        }
        assertEquals(survived, resumed.unchanged(), "what was committed is not redone");
        assertEquals(FILES - survived, resumed.imported());
        assertEquals(0, resumed.failed());

        List<String> files = reportFiles(index);
        assertEquals(FILES, files.size());
        assertEquals(FILES, new HashSet<>(files).size(), "no file indexed twice");
        List<String> factIds = new ArrayList<>();
        IndexedFacts.forEach(index, f -> factIds.add(f.id));
        assertFalse(factIds.isEmpty(), "each generated report states a ratio");
        assertEquals(factIds.size(), new HashSet<>(factIds).size(), "no fact indexed twice");
    }

    /** Small, distinct reports (distinct bytes: identical ones would be skipped as copies). */
    private static void generate(Path in) throws IOException {
        for (int i = 0; i < FILES; i++) {
            Path dir = in.resolve("thang-" + (i % 12 + 1));
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("bao-cao-" + i + ".txt"), """
                    BÁO CÁO
                    Kết quả triển khai Đề án 06 trên địa bàn tỉnh Bắc Kạn, báo cáo số %d
                    - Đăng ký thường trú: tiếp nhận %d/%d hồ sơ trực tuyến, đạt %d%%.
                    """.formatted(i, i, i + 7, i * 100 / (i + 7)));
        }
    }

    private static long committedReports(Path index) throws IOException {
        if (!Files.exists(index)) return 0;
        try (FactSearcher s = FactSearcher.open(index)) {
            return s.stats().reports();
        } catch (IOException noCommitYet) {
            return 0;
        }
    }

    private static List<String> reportFiles(Path index) throws IOException {
        try (FactSearcher s = FactSearcher.open(index)) {
            SearchResult r = s.search(SearchRequest.of("*").withScope(SearchRequest.Scope.reports).withLimit(10 * FILES).withFacets(false));
            assertEquals(r.hits().size(), r.totalHits());
            return r.hits().stream().map(SearchHit::file).toList();
        }
    }

}
