package vn.solieu.importer;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.solieu.cli.Main;
import vn.solieu.facts.Fact;
import vn.solieu.facts.FactJson;
import vn.solieu.generate.CorpusGenerator;
import vn.solieu.index.FactSearcher;
import vn.solieu.index.SearchRequest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Searching a province across the 2025 merger, on generated reports of June and July 2025 filed
 * by the first 21 units (Bắc Giang, Bắc Kạn and Bắc Ninh among them; in July their successors
 * file: the merged Bắc Ninh and Thái Nguyên). The oracle is the pipeline's own facts, selected
 * by province and period as written out in each test.
 */
class TerritorySearchTest {
    @TempDir
    static Path tmp;
    static Path index;
    static final List<Fact> extracted = new ArrayList<>();

    @BeforeAll
    static void generateAndImport() throws Exception {
        index = tmp.resolve("index");
        extracted.addAll(GeneratedIndex.build(CorpusGenerator.Options.defaults().withSeed(5).withProvinces(21)
                .withMonths(YearMonth.of(2025, 6), 2), tmp, index));
    }

    private static Set<String> found(SearchRequest r) throws IOException {
        try (FactSearcher s = FactSearcher.open(index)) {
            return s.search(r.withLimit(100_000).withFacets(false)).hits().stream().map(h -> h.fact().id).collect(Collectors.toSet());
        }
    }

    private static Set<String> expected(Predicate<Fact> p) {
        Set<String> ids = extracted.stream().filter(p).map(f -> f.id).collect(Collectors.toSet());
        assertFalse(ids.isEmpty(), "the generated reports hold such facts");
        return ids;
    }

    private static Predicate<Fact> filed(String province, String period) {
        return f -> province.equals(f.province) && period.equals(f.reportPeriod);
    }

    @Test
    void aProvinceAloneIsOnlyItsOwnName() throws IOException {
        assertEquals(expected(f -> "Bắc Giang".equals(f.province)), found(SearchRequest.of("").withProvince("bac giang")));
        assertEquals(expected(f -> "Bắc Ninh".equals(f.province)), found(SearchRequest.of("").withProvince("Bắc Ninh")));
    }

    @Test
    void aMergedAwayProvinceIsFollowedIntoItsSuccessorButNotIntoItsPartnersPast() throws IOException {
        Set<String> land = found(SearchRequest.of("").withProvince("Bắc Giang").withTerritory(true));
        Set<String> want = new java.util.HashSet<>(expected(filed("Bắc Giang", "2025-06")));
        want.addAll(expected(filed("Bắc Ninh", "2025-07")));
        assertEquals(want, land);
        // The old Bắc Ninh's June reports share the name but were never Bắc Giang's land.
        Set<String> oldBacNinh = expected(filed("Bắc Ninh", "2025-06"));
        assertTrue(oldBacNinh.stream().noneMatch(land::contains));
    }

    @Test
    void aSuccessorTakesInTheUnitsMergedIntoIt() throws IOException {
        Set<String> want = new java.util.HashSet<>(expected(f -> "Thái Nguyên".equals(f.province)));
        want.addAll(expected(f -> "Bắc Kạn".equals(f.province)));
        assertEquals(want, found(SearchRequest.of("").withProvince("Thái Nguyên").withTerritory(true)));
        // Words and other filters still apply within the land: up to June it is Bắc Kạn's alone.
        Set<String> june = found(SearchRequest.of("hồ sơ").withProvince("thai nguyen").withTerritory(true).withPeriod(null, "2025-06"));
        assertFalse(june.isEmpty());
        assertEquals(found(SearchRequest.of("hồ sơ").withProvince("Bắc Kạn")), june);
    }

    @Test
    void aProvinceTheMergerLeftAloneIsTheSameEitherWay() throws IOException {
        assertEquals(found(SearchRequest.of("").withProvince("Hà Nội")), found(SearchRequest.of("").withProvince("Hà Nội").withTerritory(true)));
    }

    @Test
    void theCommandLineSaysWhatTheTerritoryHoldsOrWouldAdd() {
        StringBuilder err = new StringBuilder();
        String out = run(err, "search", "--index", index.toString(), "--format", "jsonl", "--limit", "100000", "--province", "Thái Nguyên", "--territory");
        assertTrue(err.toString().contains("province Thái Nguyên with its land across the 2025 merger: Bắc Kạn (until 2025-06-30)"), err.toString());
        Set<String> provinces = out.lines().map(l -> FactJson.fromJson(l).province).collect(Collectors.toSet());
        assertEquals(Set.of("Thái Nguyên", "Bắc Kạn"), provinces);

        StringBuilder hint = new StringBuilder();
        run(hint, "search", "--index", index.toString(), "--format", "jsonl", "--province", "bac kan");
        assertTrue(hint.toString().contains("the 2025 merger joined Bắc Kạn's land with Thái Nguyên (from 2025-07-01); add --territory"), hint.toString());

        assertEquals(2, Main.run("search", "--index", index.toString(), "--territory", "hồ sơ"));
    }

    /** Runs the command line; returns its stdout, stderr goes to {@code err}. */
    private static String run(StringBuilder err, String... args) {
        PrintStream savedOut = System.out, savedErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), errBuf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(errBuf, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, Main.run(args));
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
            err.append(errBuf.toString(StandardCharsets.UTF_8));
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
