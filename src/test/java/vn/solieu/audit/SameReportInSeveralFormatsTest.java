package vn.solieu.audit;

import org.junit.jupiter.api.Test;
import vn.solieu.Pipeline;
import vn.solieu.facts.Fact;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Archives hold the same report as PDF, Word and text. Its copies agree with each other, and a
 * breakdown inside it (per level of government, per training course) shares a clause label: none
 * of that is a conflicting duplicate, while its real inconsistencies are found once per copy.
 */
class SameReportInSeveralFormatsTest {
    @Test
    void copiesOfOneReportDoNotContradictEachOther() throws Exception {
        Path rules = Path.of("extraction-rules");
        Pipeline pipeline = Pipeline.load(rules);
        List<Fact> facts = new ArrayList<>();
        for (String format : List.of("txt", "pdf", "docx")) {
            for (String seed : List.of("000_f89939e2e8bd4875", "002_8f33f48acc798cc2")) {
                Path file = Path.of("corpus", seed + "." + format);
                facts.addAll(pipeline.extract(file, file.toString()).facts());
            }
        }
        List<AuditFinding> findings = Auditor.withRules(rules).run(facts);
        List<String> duplicates = findings.stream().filter(f -> f.check().equals(AuditFinding.CONFLICTING_DUPLICATE)).map(AuditFinding::message).toList();
        assertTrue(duplicates.isEmpty(), String.join("\n", duplicates));
        assertEquals(3, findings.stream().filter(f -> f.check().equals(AuditFinding.PARTS_VS_TOTAL) && f.message().startsWith("708")).count(),
                "708 thủ tục (376 + 342) once per copy");
    }
}
