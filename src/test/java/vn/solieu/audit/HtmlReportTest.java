package vn.solieu.audit;

import org.junit.jupiter.api.Test;
import vn.solieu.facts.Fact;
import vn.solieu.facts.Period;
import vn.solieu.facts.Source;
import vn.solieu.reference.Indicators;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HtmlReportTest {
    @Test
    void seedFindingsGroupedBySeverityThenProvinceWithTheFigureHighlighted() throws Exception {
        List<Fact> facts = new java.util.ArrayList<>(SeedAuditTest.bacKan().facts);
        facts.addAll(SeedAuditTest.bacGiang().facts);
        List<AuditFinding> findings = new Auditor(Indicators.load(Path.of("extraction-rules"))).run(facts);
        String html = HtmlReport.render(findings);
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertFalse(html.contains("http://") || html.contains("https://") || html.contains("<script") || html.contains("<link"),
                "self-contained: no external resources");
        int error = html.indexOf("<h2 class=\"error\">"), warning = html.indexOf("<h2 class=\"warning\">"), info = html.indexOf("<h2 class=\"info\">");
        assertTrue(error > 0 && error < warning && warning < info, "severities in order");
        // Within warnings, Bắc Giang comes before Bắc Kạn (sorted), each under its own heading.
        String warnings = html.substring(warning, info);
        assertTrue(warnings.indexOf("<h3>Bắc Giang</h3>") < warnings.indexOf("<h3>Bắc Kạn</h3>"), warnings);
        assertTrue(html.contains("tỉ lệ cắt giảm 41,4%; cấp xã cắt giảm thời hạn giải quyết 08 TTHC, tổng thời gian cắt giảm <mark>9/27</mark> ngày"), html);
        assertTrue(html.contains("002_8f33f48acc798cc2.txt, page 1"));
    }

    @Test
    void everyValueIsEscaped() {
        Fact f = new Fact();
        f.kind = Fact.Kind.ratio;
        f.numerator = 5.0;
        f.denominator = 4.0;
        f.unit = "<b>hồ sơ</b>";
        f.indicator = "x";
        f.province = "Tỉnh <script>alert(1)</script>";
        f.period = Period.window(LocalDate.of(2024, 1, 16), LocalDate.of(2024, 2, 15));
        f.text = "Đăng ký \"tạm trú\" & <i>khác</i>: 5/4 hồ sơ";
        f.source = new Source("a<b>.pdf", "sha", 1, 10, 13);
        f.id = "id'1";
        String html = HtmlReport.render(new Auditor(null).run(List.of(f)));
        assertFalse(html.contains("<script>") || html.contains("<b>") || html.contains("<i>"), html);
        assertTrue(html.contains("Tỉnh &lt;script&gt;alert(1)&lt;/script&gt;"));
        assertTrue(html.contains("Đăng ký &quot;tạm trú&quot; &amp; &lt;i&gt;khác&lt;/i&gt;: <mark>5/4</mark> hồ sơ"), html);
        assertTrue(html.contains("a&lt;b&gt;.pdf") && html.contains("id&#39;1"));
        assertEquals(1, html.split("<div class=\"finding error\">", -1).length - 1);
    }
}
