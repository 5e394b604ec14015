package vn.solieu.facts;

import org.junit.jupiter.api.Test;
import vn.solieu.Pipeline;
import vn.solieu.ingest.Ingest;
import vn.solieu.ingest.SourceDocument;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A service line whose lead ends page 1 and whose figure opens page 2, with a footnote between
 * them at the foot of page 1 ("+ Liên thông … và đăng ký thuế:" / [footnote] / "138/138 hồ sơ, đạt
 * 100 %"). The PDF is a generated report (`solieu generate`, seed 6, Quảng Ngãi 07/2023).
 */
class PageBreakAfterLeadTest {
    @Test
    void theFigureOnTheNextPageKeepsTheLeadOfThePageBefore() throws Exception {
        Path file = Path.of("src/test/resources/phrasing/lead-before-page-break.pdf");
        SourceDocument doc = new Ingest().read(file);
        List<Fact> facts = Pipeline.load(Path.of("extraction-rules")).extract(file, file.toString()).facts();
        Fact fact = facts.stream().filter(f -> f.kind == Fact.Kind.ratio && f.numerator == 138 && f.denominator == 138)
                .findFirst().orElseThrow(() -> new AssertionError("138/138 is found: " + facts));
        assertEquals("Liên thông nhóm thủ tục đăng ký thành lập hộ kinh doanh và đăng ký thuế", fact.indicator);
        assertEquals("dvc.lien_thong_ho_kinh_doanh", fact.indicatorId);
        // Provenance still points at the figure itself, on page 2, not at the lead or the footnote.
        assertEquals(2, fact.source.page());
        String figure = doc.text().substring(fact.source.start(), fact.source.end());
        assertEquals("138/138 hồ sơ, đạt 100 %", figure);
        // The quote joins the lead across the page break, leaving the footnote out.
        assertEquals("+ Liên thông nhóm thủ tục đăng ký thành lập hộ kinh doanh và đăng ký thuế: " + figure, fact.text);
        assertTrue(doc.footnoteAreas().stream().anyMatch(a -> doc.text().substring(a.start(), a.end()).contains("Quyết định số 06/QĐ-TTg")),
                "the footnote between them is read as a footnote");
    }
}
