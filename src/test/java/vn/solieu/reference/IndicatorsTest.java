package vn.solieu.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IndicatorsTest {
    static final Path RULES = Path.of("extraction-rules");
    static Indicators indicators;

    @BeforeAll
    static void load() {
        indicators = Indicators.load(RULES);
    }

    @TestFactory
    List<DynamicTest> everyExampleOfTheYaml() throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(RULES.resolve(Indicators.FILE).toFile());
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode ind : root.path("indicators")) {
            String id = ind.path("id").asText();
            assertTrue(ind.path("examples").size() > 0, id + " has no example");
            for (JsonNode ex : ind.path("examples")) {
                String label = ex.isTextual() ? ex.asText() : ex.path("label").asText();
                List<String> section = new ArrayList<>();
                ex.path("section").forEach(s -> section.add(s.asText()));
                tests.add(DynamicTest.dynamicTest(id + " ← " + label, () ->
                        assertEquals(id, indicators.match(label, section).map(Indicator::id).orElse(null))));
            }
            for (JsonNode ex : ind.path("counterExamples")) {
                String label = ex.asText();
                tests.add(DynamicTest.dynamicTest(id + " ↚ " + label, () ->
                        assertNotEquals(id, indicators.match(label, List.of()).map(Indicator::id).orElse(null))));
            }
        }
        for (JsonNode ex : root.path("noMatch")) {
            String label = ex.asText();
            tests.add(DynamicTest.dynamicTest("none ← " + label, () ->
                    assertEquals(null, indicators.match(label, List.of()).map(Indicator::id).orElse(null))));
        }
        return tests;
    }

    @Test
    void moreSpecificAliasWinsAndMatchingIgnoresDiacriticsAndToneAndCase() {
        assertEquals("dvc.lien_thong_khai_sinh",
                indicators.match("Liên thông “Đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ dưới 6 tuổi”").orElseThrow().id());
        assertEquals("dvc.dang_ky_thuong_tru", indicators.match("DANG KY THUONG TRU").orElseThrow().id());
        assertEquals("lien_thong.giay_kham_suc_khoe_lai_xe", indicators.match("Giấy khám sức khỏe lái xe").orElseThrow().id());
        assertEquals("lien_thong.giay_kham_suc_khoe_lai_xe", indicators.match("Giấy khám sức khoẻ lái xe").orElseThrow().id());
    }

    @Test
    void aliasesMatchWholeWordsOnly() {
        // "tạm trú" inside a longer word must not count; "hộ chiếu" needs its own words.
        assertFalse(indicators.match("Đăng ký tạm trúng thưởng").isPresent());
        assertTrue(indicators.match("Đăng ký tạm trú").isPresent());
    }

    @Test
    void labelBeatsSectionAndSectionIsTriedInnermostFirst() {
        List<String> section = List.of("2.2.2. Kết quả triển khai 14 dịch vụ công", "Lĩnh vực thuộc Sở Tư pháp", "Lĩnh vực cấp hộ chiếu");
        assertEquals("dvc.dang_ky_khai_sinh", indicators.match("Đăng ký khai sinh", section).orElseThrow().id());
        assertEquals("dvc.ho_chieu", indicators.match("Cấp mới", section).orElseThrow().id());
    }

    @Test
    void cumulativeIndicatorsAreMarked() {
        assertTrue(indicators.byId("cccd.thu_nhan_ho_so").orElseThrow().cumulative());
        assertTrue(indicators.byId("dinh_danh.kich_hoat").orElseThrow().cumulative());
        assertFalse(indicators.byId("dvc.dang_ky_thuong_tru").orElseThrow().cumulative());
    }
}
