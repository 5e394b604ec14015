package vn.solieu.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import vn.solieu.text.VietText;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProvincesTest {
    static final Path RULES = Path.of("extraction-rules");
    static Provinces provinces;

    @BeforeAll
    static void load() {
        provinces = Provinces.load(RULES);
    }

    @Test
    void sixtyThreeUnitsBeforeTheMergerAndThirtyFourAfter() {
        assertEquals(63, provinces.validOn(LocalDate.of(2024, 6, 1)).size());
        assertEquals(63, provinces.validOn(LocalDate.of(2025, 6, 30)).size());
        assertEquals(34, provinces.validOn(LocalDate.of(2025, 7, 1)).size());
        assertEquals(6, provinces.validOn(LocalDate.of(2025, 3, 1)).stream().filter(Province::isCity).count(),
                "Huế is the sixth centrally-run city from 2025-01-01");
        Set<String> namesAfter = provinces.validOn(LocalDate.of(2025, 8, 1)).stream().map(Province::name).collect(Collectors.toSet());
        assertEquals(34, namesAfter.size(), "34 distinct names after the merger");
    }

    @Test
    void everyUnitEndingMidYearHasASuccessorValidTheNextDay() {
        for (Province p : provinces.all()) {
            if (p.validTo() == null) continue;
            Province next = provinces.successor(p, p.validTo().plusDays(1));
            assertTrue(next.validOn(p.validTo().plusDays(1)), p + " → " + next);
        }
    }

    @Test
    void mergerMapping() {
        Province bacKan = provinces.find("Bắc Kạn").orElseThrow();
        assertEquals(bacKan, provinces.successor(bacKan, LocalDate.of(2024, 2, 15)));
        Province after = provinces.successor(bacKan, LocalDate.of(2025, 7, 1));
        assertEquals("Thái Nguyên", after.name());
        assertEquals("thai-nguyen-2025", provinces.mergedInto(bacKan).orElseThrow().id());
        assertEquals("Bắc Ninh", provinces.successor(provinces.find("Bắc Giang").orElseThrow(), LocalDate.of(2026, 1, 1)).name());
        // Thừa Thiên Huế → Huế (2025-01-01), which the 2025 merger left unchanged.
        Province tth = provinces.find("Thừa Thiên Huế", LocalDate.of(2024, 1, 1)).orElseThrow();
        assertEquals("hue", provinces.successor(tth, LocalDate.of(2025, 9, 1)).id());
        Province hanoi = provinces.find("Hà Nội").orElseThrow();
        assertEquals(hanoi, provinces.successor(hanoi, LocalDate.of(2026, 1, 1)));
    }

    @Test
    void territoryFollowsTheLandAcrossTheMerger() {
        assertEquals(Set.of("thai-nguyen", "bac-kan", "thai-nguyen-2025"), ids(provinces.territory("Thái Nguyên")));
        assertEquals(Set.of("bac-kan", "thai-nguyen-2025"), ids(provinces.territory("bac kan")),
                "Bắc Kạn's land went into Thái Nguyên; the old Thái Nguyên was never Bắc Kạn's");
        assertEquals(Set.of("bac-giang", "bac-ninh-2025"), ids(provinces.territory("tỉnh Bắc Giang")));
        assertEquals(Set.of("ninh-binh", "ha-nam", "nam-dinh", "ninh-binh-2025"), ids(provinces.territory("Ninh Bình")));
        assertEquals(Set.of("ha-noi"), ids(provinces.territory("Hà Nội")));
        assertTrue(provinces.territory("Sài Gòn Mới").isEmpty());
    }

    @Test
    void everyMergedUnitsTerritoryHoldsItsSuccessorAndEverySuccessorsHoldsItsParts() {
        for (Province p : provinces.all()) {
            Set<String> land = ids(provinces.territory(p.name()));
            assertTrue(land.contains(p.id()), p.name());
            if (p.mergedInto() != null) assertTrue(land.contains(p.mergedInto()), p.name() + " → " + p.mergedInto());
            for (Province part : provinces.mergedFrom(p)) assertTrue(land.contains(part.id()), p.id() + " ← " + part.id());
        }
    }

    private static Set<String> ids(List<Province> units) {
        return units.stream().map(Province::id).collect(Collectors.toSet());
    }

    @TestFactory
    List<DynamicTest> findExamplesOfTheYaml() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode ex : yaml().path("findExamples")) {
            String name = ex.path("name").asText();
            LocalDate date = ex.hasNonNull("date") ? LocalDate.parse(ex.path("date").asText()) : null;
            String expect = ex.path("expect").asText();
            tests.add(DynamicTest.dynamicTest(name + (date == null ? "" : " @" + date), () ->
                    assertEquals(expect, provinces.find(name, date).map(Province::id).orElse(null))));
        }
        assertTrue(tests.size() >= 20);
        return tests;
    }

    @TestFactory
    List<DynamicTest> detectExamplesOfTheYaml() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode ex : yaml().path("detectExamples")) {
            String text = ex.path("text").asText();
            String expect = ex.path("expect").asText();
            tests.add(DynamicTest.dynamicTest(expect + ": " + text.lines().findFirst().orElse(""), () ->
                    assertEquals(expect, provinces.detect(text).map(Province::id).orElse(null))));
        }
        assertTrue(tests.size() >= 5);
        return tests;
    }

    @Test
    void detectsTheReportingProvinceOfBothSeeds() throws IOException {
        assertEquals("Bắc Kạn", provinces.detect(seed("000_f89939e2e8bd4875.txt")).orElseThrow().name());
        assertEquals("Bắc Giang", provinces.detect(seed("002_8f33f48acc798cc2.txt")).orElseThrow().name());
    }

    @Test
    void everyNameAndAliasFindsItsOwnUnit() {
        for (Province p : provinces.all()) {
            LocalDate on = p.validFrom() != null ? p.validFrom() : LocalDate.of(2024, 1, 1);
            assertEquals(p, provinces.find(p.name(), on).orElseThrow(), p.name());
            assertEquals(p, provinces.find(VietText.fold(p.name()), on).orElseThrow(), "folded " + p.name());
        }
    }

    @Test
    void unknownNamesAndTextsWithoutAProvinceGiveNothing() {
        assertFalse(provinces.find("Sài Gòn Mới").isPresent());
        assertFalse(provinces.detect("Báo cáo kết quả thực hiện Đề án 06 của Bộ Công an năm 2024.").isPresent());
    }

    static String seed(String name) throws IOException {
        return VietText.nfc(Files.readString(Path.of("corpus", name), StandardCharsets.UTF_8));
    }

    private static JsonNode yaml() throws IOException {
        return new ObjectMapper(new YAMLFactory()).readTree(RULES.resolve(Provinces.FILE).toFile());
    }
}
