package vn.solieu.facts;

import org.junit.jupiter.api.Test;
import vn.solieu.Pipeline;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A heading whose reporting window wrapped onto its second line, in the line-by-line layout of the
 * seeds ("1.1. Kết quả triển khai các dịch vụ công của Bộ Công" / "an (từ 16/04/2025 đến
 * 15/05/2025)"): the facts under it carry the window. The text is the head of a generated report
 * (`solieu generate`, seed 6, Hà Giang 05/2025).
 */
class WrappedHeadingTest {
    @Test
    void aWindowOnTheSecondLineOfAHeadingDatesTheFactsUnderIt() throws Exception {
        Path file = Path.of("src/test/resources/phrasing/wrapped-heading.txt");
        List<Fact> facts = Pipeline.load(Path.of("extraction-rules")).extract(file, file.toString()).facts();
        Period window = Period.window(LocalDate.of(2025, 4, 16), LocalDate.of(2025, 5, 15));
        List<Fact> underPoliceServices = facts.stream().filter(f -> f.section.stream().anyMatch(h -> h.startsWith("1.1."))).toList();
        List<Fact> underDepartments = facts.stream().filter(f -> f.section.stream().anyMatch(h -> h.startsWith("1.2."))).toList();
        assertTrue(underPoliceServices.size() >= 8, underPoliceServices.toString());
        assertTrue(underDepartments.size() >= 5, underDepartments.toString());
        for (Fact f : underPoliceServices) {
            assertEquals(window, f.period, f.text);
            assertTrue(f.section.contains("1.1. Kết quả triển khai các dịch vụ công của Bộ Công an (từ 16/04/2025 đến 15/05/2025)"), f.section.toString());
        }
        for (Fact f : underDepartments) assertEquals(window, f.period, f.text);
        // The body under a heading still starts its own block: no body line was taken into a heading.
        assertTrue(facts.stream().flatMap(f -> f.section.stream()).noneMatch(h -> h.contains("hồ sơ")), "a figure line read as a heading");
    }
}
