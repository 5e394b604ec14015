package vn.solieu.importer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.solieu.cli.Main;
import vn.solieu.index.FactIndexWriter;
import vn.solieu.index.FactSearcher;
import vn.solieu.index.SearchHit;
import java.util.ArrayList;
import vn.solieu.index.SearchRequest;
import vn.solieu.index.SearchResult;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.*;

/** `solieu import` on the two real reports, with broken files beside them. */
class ImportCommandTest {
    private static final Path CORPUS = Path.of("corpus");
    private static final String BAC_KAN = "000_f89939e2e8bd4875.txt";
    private static final String BAC_GIANG_NFD = "002_8f33f48acc798cc2.txt";

    @TempDir
    Path tmp;

    /** Runs the command line, returning its exit status; stderr is kept in {@code err}. */
    private int run(StringBuilder err, String... args) {
        PrintStream saved = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            return Main.run(args);
        } finally {
            System.setErr(saved);
            err.append(buf.toString(StandardCharsets.UTF_8));
        }
    }

    private Path inputs() throws IOException {
        Path in = tmp.resolve("in");
        Files.createDirectories(in.resolve("sub"));
        Files.copy(CORPUS.resolve(BAC_KAN), in.resolve(BAC_KAN));
        Files.copy(CORPUS.resolve(BAC_GIANG_NFD), in.resolve("sub").resolve(BAC_GIANG_NFD));
        byte[] noise = new byte[4096];
        new Random(6).nextBytes(noise);
        Files.write(in.resolve("scan.pdf"), noise);
        Files.write(in.resolve("empty.txt"), new byte[0]);
        return in;
    }

    private static Set<String> indexedFiles(Path index) throws IOException {
        try (FactSearcher s = FactSearcher.open(index)) {
            SearchResult all = s.search(SearchRequest.of("*").withScope(SearchRequest.Scope.reports).withLimit(1000).withFacets(false));
            List<String> files = all.hits().stream().map(SearchHit::file).toList();
            assertEquals(files.size(), all.totalHits());
            assertEquals(files.size(), Set.copyOf(files).size(), "a file indexed twice: " + files);
            return files.stream().map(f -> Path.of(f.replace("!/", "/")).getFileName().toString()).collect(Collectors.toSet());
        }
    }

    @Test
    void brokenFilesAreListedAndTheRestIsImported() throws IOException {
        Path in = inputs(), index = tmp.resolve("index");
        StringBuilder err = new StringBuilder();
        assertEquals(1, run(err, "import", "--index", index.toString(), in.toString()));

        assertEquals(Set.of(BAC_KAN, BAC_GIANG_NFD), indexedFiles(index));
        List<String> failures = Files.readAllLines(index.resolve("failures.jsonl"));
        assertEquals(2, failures.size(), failures.toString());
        assertTrue(failures.stream().anyMatch(l -> l.contains(in.resolve("empty.txt").toString()) && l.contains("\"reason\":\"empty file\"")), failures.toString());
        assertTrue(failures.stream().anyMatch(l -> l.contains(in.resolve("scan.pdf").toString())), failures.toString());
        assertTrue(err.toString().contains("imported 2, skipped 0 unchanged, 2 failed"), err.toString());
        assertTrue(err.toString().contains("solieu: " + in.resolve("empty.txt") + ": empty file"), err.toString());
    }

    @Test
    void importingAgainAddsNothingAndAChangedFileReplacesItsOldVersion() throws IOException {
        Path in = inputs(), index = tmp.resolve("index");
        Files.delete(in.resolve("scan.pdf"));
        Files.delete(in.resolve("empty.txt"));
        assertEquals(0, run(new StringBuilder(), "import", "--index", index.toString(), in.toString()));

        StringBuilder again = new StringBuilder();
        assertEquals(0, run(again, "import", "--index", index.toString(), in.toString(), in.resolve(BAC_KAN).toString()));
        assertTrue(again.toString().contains("imported 0, skipped 3 unchanged"), again.toString());
        assertEquals(Set.of(BAC_KAN, BAC_GIANG_NFD), indexedFiles(index));

        Files.writeString(in.resolve(BAC_KAN), "\nPhụ lục bổ sung: số liệu hiệu chỉnh ngày 20/02/2024.\n", java.nio.file.StandardOpenOption.APPEND);
        StringBuilder changed = new StringBuilder();
        assertEquals(0, run(changed, "import", "--index", index.toString(), in.toString()));
        assertTrue(changed.toString().contains("imported 1 (1 replaced), skipped 1 unchanged"), changed.toString());
        assertEquals(Set.of(BAC_KAN, BAC_GIANG_NFD), indexedFiles(index));
        try (FactSearcher s = FactSearcher.open(index)) {
            SearchResult r = s.search(SearchRequest.of("\"phu luc bo sung\"").withScope(SearchRequest.Scope.reports));
            assertEquals(1, r.totalHits());
            assertEquals(2, s.stats().reports());
        }
    }

    @Test
    void decomposedReportIsFoundByAComposedQueryWithOrWithoutDiacritics() throws IOException {
        assertFalse(java.text.Normalizer.isNormalized(Files.readString(CORPUS.resolve(BAC_GIANG_NFD)), java.text.Normalizer.Form.NFC),
                "the seed is stored decomposed");
        Path index = tmp.resolve("index");
        run(new StringBuilder(), "import", "--index", index.toString(), CORPUS.resolve(BAC_GIANG_NFD).toString(), CORPUS.resolve(BAC_KAN).toString());
        try (FactSearcher s = FactSearcher.open(index)) {
            for (String q : List.of("\"Bắc Giang\"", "\"bac giang\"", "\"điểm nghẽn\"", "\"diem nghen\"")) {
                SearchResult r = s.search(SearchRequest.of(q).withScope(SearchRequest.Scope.reports));
                assertEquals(List.of(CORPUS.resolve(BAC_GIANG_NFD).toString()), r.hits().stream().map(SearchHit::file).toList(), q);
                assertFalse(r.hits().get(0).snippet().matches().isEmpty(), q + " is highlighted");
            }
            SearchHit bacKan = s.search(SearchRequest.of("\"Bắc Kạn\"").withScope(SearchRequest.Scope.reports)).hits().get(0);
            assertEquals(CORPUS.resolve(BAC_KAN).toString(), bacKan.file());
            assertNotNull(bacKan.page());
            assertTrue(bacKan.snippet().marked("[", "]").contains("[Bắc Kạn]"), bacKan.snippet().marked("[", "]"));
        }
    }

    @Test
    void zipArchivesAreReadEntryByEntryAndCopiesAreNotIndexedTwice() throws IOException {
        Path zip = tmp.resolve("archive.zip");
        try (OutputStream os = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(os)) {
            for (String name : List.of(BAC_KAN, BAC_GIANG_NFD)) {
                z.putNextEntry(new ZipEntry("2024/" + name));
                z.write(Files.readAllBytes(CORPUS.resolve(name)));
                z.closeEntry();
            }
            z.putNextEntry(new ZipEntry("__MACOSX/._junk"));
            z.write(new byte[]{1, 2, 3});
            z.closeEntry();
        }
        Files.write(tmp.resolve("broken.zip"), "not a zip".getBytes(StandardCharsets.UTF_8));
        Path index = tmp.resolve("index");
        StringBuilder err = new StringBuilder();
        assertEquals(1, run(err, "import", "--index", index.toString(), zip.toString(), tmp.resolve("broken.zip").toString(), CORPUS.toString()));
        try (FactSearcher s = FactSearcher.open(index)) {
            List<String> files = s.search(SearchRequest.of("*").withScope(SearchRequest.Scope.reports)).hits().stream().map(SearchHit::file).sorted().toList();
            // The zip's two text files, then the corpus: its .txt are copies (skipped), its .pdf, .docx and .doc new.
            assertEquals(8, files.size(), files.toString());
            assertEquals(2, files.stream().filter(f -> f.contains("archive.zip!/2024/")).count(), files.toString());
        }
        assertTrue(err.toString().contains("2 copies of indexed files"), err.toString());
        List<String> failures = Files.readAllLines(index.resolve("failures.jsonl"));
        assertEquals(1, failures.size(), failures.toString());
        assertTrue(failures.get(0).contains("broken.zip") && failures.get(0).contains("not a readable zip archive"), failures.get(0));

        Path zipOnly = tmp.resolve("index2");
        assertEquals(0, run(new StringBuilder(), "import", "--index", zipOnly.toString(), zip.toString()));
        try (FactSearcher s = FactSearcher.open(zipOnly)) {
            List<String> files = s.search(SearchRequest.of("*").withScope(SearchRequest.Scope.reports)).hits().stream().map(SearchHit::file).sorted().toList();
            assertEquals(List.of(zip + "!/2024/" + BAC_KAN, zip + "!/2024/" + BAC_GIANG_NFD), files);
        }
    }

    @Test
    void aSecondImportIsToldTheIndexIsBusy() throws IOException {
        Path index = tmp.resolve("index");
        try (FactIndexWriter running = FactIndexWriter.open(index)) {
            StringBuilder err = new StringBuilder();
            assertEquals(1, run(err, "import", "--index", index.toString(), CORPUS.toString()));
            assertTrue(err.toString().contains("another import is writing to " + index), err.toString());
        }
    }

    @Test
    void searchSaysWhichPeriodItReadFromTheQuery() throws IOException {
        Path index = tmp.resolve("index");
        assertEquals(0, run(new StringBuilder(), "import", "--index", index.toString(), CORPUS.toString()));
        StringBuilder err = new StringBuilder();
        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, run(err, "search", "--index", index.toString(), "--format", "jsonl", "thường trú", "tháng", "02/2024"));
        } finally {
            System.setOut(saved);
        }
        assertTrue(err.toString().contains("in period 2024-02 (read from the query"), err.toString());
        List<String> records = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertFalse(records.isEmpty());
        assertTrue(records.stream().allMatch(l -> l.contains("\"reportPeriod\":\"2024-02\"")), records.toString());
    }

    @Test
    void searchAllStreamsEveryMatchingFactForExport() throws IOException {
        Path index = tmp.resolve("index");
        assertEquals(0, run(new StringBuilder(), "import", "--index", index.toString(), CORPUS.toString()));
        Set<String> ranked;
        List<Set<String>> figures = new ArrayList<>();
        try (FactSearcher s = FactSearcher.open(index)) {
            SearchResult r = s.search(SearchRequest.of("hồ sơ").withProvince("bac kan").withLimit(100_000).withFacets(false).withEachFile(true));
            ranked = r.hits().stream().map(h -> h.fact().id).collect(Collectors.toSet());
            for (SearchHit h : s.search(SearchRequest.of("hồ sơ").withProvince("bac kan").withLimit(100_000)).hits()) {
                Set<String> copies = new java.util.HashSet<>(h.copies().stream().map(SearchHit.Copy::id).toList());
                copies.add(h.fact().id);
                figures.add(copies);
            }
        }
        assertTrue(ranked.size() > 20, "more hits than the default --limit: " + ranked.size());

        // By default each figure once, whichever of its files comes first.
        List<String> folded = stdout(new StringBuilder(), "search", "--index", index.toString(), "--all", "--format", "jsonl", "--province", "bac kan", "hồ sơ").lines().toList();
        assertTrue(figures.size() < ranked.size(), "the corpus holds the report in several formats");
        assertEquals(figures.size(), folded.size());
        for (Set<String> figure : figures) {
            assertEquals(1, folded.stream().filter(l -> figure.contains(vn.solieu.facts.FactJson.fromJson(l).id)).count(), figure.toString());
        }

        StringBuilder err = new StringBuilder();
        List<String> lines = stdout(err, "search", "--index", index.toString(), "--all", "--each-file", "--format", "jsonl", "--province", "bac kan", "hồ sơ").lines().toList();
        assertEquals(ranked.size(), lines.size(), "each matching fact once");
        assertEquals(ranked, lines.stream().map(l -> vn.solieu.facts.FactJson.fromJson(l).id).collect(Collectors.toSet()));
        assertTrue(err.toString().contains(ranked.size() + " facts written"), err.toString());

        String csv = stdout(new StringBuilder(), "search", "--index", index.toString(), "--all", "--each-file", "--format", "csv", "--province", "bac kan", "hồ sơ");
        assertTrue(csv.startsWith("kind,figure,"), csv.lines().findFirst().orElse(""));
        for (String id : ranked) assertTrue(csv.contains(id), "csv holds " + id);

        StringBuilder usage = new StringBuilder();
        assertEquals(2, run(usage, "search", "--index", index.toString(), "--all", "hồ sơ"));
        assertTrue(usage.toString().contains("--all exports facts"), usage.toString());
    }

    /** Runs a command that must succeed; returns what it printed on stdout (stderr goes to {@code err}). */
    private String stdout(StringBuilder err, String... args) {
        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, run(err, args), err::toString);
        } finally {
            System.setOut(saved);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void searchAndStatsNameAMissingIndex() {
        StringBuilder err = new StringBuilder();
        assertEquals(1, run(err, "search", "--index", tmp.resolve("none").toString(), "hồ sơ"));
        assertEquals(1, run(err, "stats", "--index", tmp.resolve("none").toString()));
        assertEquals(2, Stream.of(err.toString().split("\n")).filter(l -> l.contains("no index at " + tmp.resolve("none"))).count(), err.toString());
    }
}
