package vn.solieu.audit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.solieu.audit.AuditFinding.Severity;
import vn.solieu.facts.Fact;
import vn.solieu.facts.Period;
import vn.solieu.facts.Source;
import vn.solieu.reference.Indicators;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks that compare reports: the same indicator twice, running totals over months, provinces side by side. */
class CrossReportAuditTest {
    static Indicators indicators;

    @BeforeAll
    static void load() {
        indicators = Indicators.load(Path.of("extraction-rules"));
    }

    /** A fact as the extractor emits it: the sentence, the figure's offset in it standing for the document offset. */
    static Fact ratio(String file, String province, String reportPeriod, Period period, String label, String text, String written, String unit, String pct) {
        Fact f = base(file, province, reportPeriod, period, label, text, written);
        String[] xy = written.split("/");
        f.kind = Fact.Kind.ratio;
        f.numerator = Double.parseDouble(xy[0].replace(".", ""));
        f.denominator = Double.parseDouble(xy[1].replace(".", ""));
        f.unit = unit;
        if (pct != null) {
            f.percentText = pct;
            f.percent = Double.parseDouble(pct.replace(',', '.'));
        }
        return f;
    }

    static Fact count(String file, String province, String reportPeriod, Period period, String label, String text, String written, String unit) {
        Fact f = base(file, province, reportPeriod, period, label, text, written);
        f.kind = Fact.Kind.count;
        f.value = Double.parseDouble(written.replace(".", ""));
        f.unit = unit;
        return f;
    }

    private static Fact base(String file, String province, String reportPeriod, Period period, String label, String text, String written) {
        Fact f = new Fact();
        int at = text.indexOf(written);
        assertTrue(at >= 0, written + " not in " + text);
        f.indicator = label;
        f.section = List.of("II. KẾT QUẢ");
        f.province = province;
        f.reportPeriod = reportPeriod;
        f.period = period;
        f.text = text;
        f.source = new Source(file, "sha", 2, 1000 + at, 1000 + at + written.length());
        f.rule = "test.by-hand";
        f.id = file + ":" + (1000 + at);
        return f;
    }

    static final Period FEB = Period.window(LocalDate.of(2024, 1, 16), LocalDate.of(2024, 2, 15));

    @Test
    void twoReportsOfOneProvinceAndMonthThatDisagreeConflict() {
        String t1 = "+ Đăng ký thường trú: 1229/1229 hồ sơ";
        String t2 = "- Đăng ký thường trú trực tuyến: 1.129/1.229 hồ sơ";
        List<Fact> facts = List.of(
                ratio("bk-2024-02.pdf", "Bắc Kạn", "2024-02", FEB, "Đăng ký thường trú", t1, "1229/1229", "hồ sơ", null),
                ratio("bk-2024-02-sua.pdf", "Bắc Kạn", "2024-02", FEB, "Đăng ký thường trú trực tuyến", t2, "1.129/1.229", "hồ sơ", null));
        List<AuditFinding> findings = new Auditor(indicators).run(facts);
        assertEquals(1, findings.size(), findings.toString());
        AuditFinding f = findings.get(0);
        assertEquals(AuditFinding.CONFLICTING_DUPLICATE, f.check());
        assertEquals(Severity.error, f.severity());
        assertTrue(f.message().contains("1.229/1.229 hồ sơ (bk-2024-02.pdf p.2)") && f.message().contains("1.129/1.229 hồ sơ (bk-2024-02-sua.pdf p.2)"), f.message());
        assertEquals(List.of(facts.get(0).id, facts.get(1).id), f.facts());
    }

    @Test
    void differentFiguresUnderOneIndicatorWithDifferentLabelsInOneReportAreNotAConflict() {
        // "Cấp mới" and "Cấp lại" both fall under hộ chiếu by their section; they are two figures, not one reported twice.
        Fact a = ratio("r.pdf", "Bắc Kạn", "2024-02", FEB, "Cấp mới hộ chiếu phổ thông", "+ Cấp mới hộ chiếu phổ thông: 120/120 hồ sơ", "120/120", "hồ sơ", null);
        Fact b = ratio("r.pdf", "Bắc Kạn", "2024-02", FEB, "Cấp lại hộ chiếu phổ thông", "+ Cấp lại hộ chiếu phổ thông: 45/45 hồ sơ", "45/45", "hồ sơ", null);
        b.source = new Source("r.pdf", "sha", 2, 2000, 2005);
        b.id = "r.pdf:2000";
        assertEquals(List.of(), new Auditor(indicators).run(List.of(a, b)));
    }

    @Test
    void aRunningTotalThatFallsFromOneMonthToTheNextIsFlagged() {
        String jan = "Tính đến ngày 14/01/2024, toàn tỉnh đã kích hoạt 160.392 tài khoản định danh điện tử.";
        String feb = "Tính đến ngày 14/02/2024, toàn tỉnh đã kích hoạt 158.001 tài khoản định danh điện tử.";
        String mar = "Tính đến ngày 14/03/2024, toàn tỉnh đã kích hoạt 171.950 tài khoản định danh điện tử.";
        List<Fact> facts = List.of(
                count("bk-01.pdf", "Bắc Kạn", "2024-01", Period.asOf(LocalDate.of(2024, 1, 14)), "đã kích hoạt tài khoản định danh điện tử", jan, "160.392", "tài khoản"),
                count("bk-03.pdf", "Bắc Kạn", "2024-03", Period.asOf(LocalDate.of(2024, 3, 14)), "đã kích hoạt tài khoản định danh điện tử", mar, "171.950", "tài khoản"),
                count("bk-02.pdf", "Bắc Kạn", "2024-02", Period.asOf(LocalDate.of(2024, 2, 14)), "đã kích hoạt tài khoản định danh điện tử", feb, "158.001", "tài khoản"));
        List<AuditFinding> findings = new Auditor(indicators).run(facts);
        assertEquals(1, findings.size(), findings.toString());
        AuditFinding f = findings.get(0);
        assertEquals(AuditFinding.CUMULATIVE_DECREASE, f.check());
        assertEquals(Severity.warning, f.severity());
        assertEquals(160392.0, f.expected());
        assertEquals(158001.0, f.actual());
        assertTrue(f.message().contains("falls from 160.392 (14/01/2024, bk-01.pdf p.2) to 158.001 (14/02/2024, bk-02.pdf p.2)"), f.message());
    }

    @Test
    void aProvinceFarFromTheOthersIsAnOutlierAndTheOthersAreNot() {
        String[] provinces = {"Bắc Kạn", "Cao Bằng", "Lạng Sơn", "Hà Giang", "Tuyên Quang", "Thái Nguyên", "Yên Bái"};
        String[] figures = {"121/282", "250/280", "270/300", "180/200", "300/330", "410/450", "233/260"};
        List<Fact> facts = new ArrayList<>();
        for (int i = 0; i < provinces.length; i++) {
            String text = "thanh toán học phí không dùng tiền mặt, đến nay có " + figures[i] + " cơ sở giáo dục";
            facts.add(ratio("p" + i + ".pdf", provinces[i], "2024-02", null, "thanh toán học phí không dùng tiền mặt", text, figures[i], "cơ sở giáo dục", null));
        }
        List<AuditFinding> findings = new Auditor(indicators).run(facts);
        assertEquals(1, findings.size(), findings.toString());
        AuditFinding f = findings.get(0);
        assertEquals(AuditFinding.CROSS_PROVINCE_OUTLIER, f.check());
        assertEquals(Severity.info, f.severity());
        assertEquals("Bắc Kạn", f.province());
        assertEquals(42.91, f.actual(), 0.01);
        assertEquals(90.0, f.expected(), 0.01);
        assertTrue(f.message().contains("far below the median of 7 provinces, 90,00%") && f.message().contains("robust z-score -"), f.message());
    }

    @Test
    void tooFewProvincesGiveNoOutlier() {
        List<Fact> facts = new ArrayList<>();
        String[] provinces = {"Bắc Kạn", "Cao Bằng", "Lạng Sơn"};
        String[] figures = {"10/282", "250/280", "270/300"};
        for (int i = 0; i < provinces.length; i++) {
            String text = "thanh toán học phí: " + figures[i] + " cơ sở giáo dục";
            facts.add(ratio("p" + i + ".pdf", provinces[i], "2024-02", null, "thanh toán học phí", text, figures[i], "cơ sở giáo dục", null));
        }
        assertEquals(List.of(), new Auditor(indicators).run(facts));
    }

    @Test
    void aPartLargerThanItsWholeIsAnError() {
        String text = "+ Đăng ký tạm trú: 275/274 hồ sơ";
        List<AuditFinding> findings = new Auditor(indicators).run(List.of(
                ratio("r.pdf", "Bắc Kạn", "2024-02", FEB, "Đăng ký tạm trú", text, "275/274", "hồ sơ", null)));
        assertEquals(1, findings.size());
        assertEquals(AuditFinding.RATIO_OVER_ONE, findings.get(0).check());
        assertEquals(Severity.error, findings.get(0).severity());
        assertTrue(findings.get(0).message().startsWith("275/274 hồ sơ: the part (275) is larger than the whole (274), 100,36%"), findings.get(0).message());
        // Against a target, above 100% is stated on purpose.
        assertEquals(List.of(), new Auditor(indicators).run(List.of(
                ratio("r.pdf", "Bắc Kạn", "2024-02", FEB, "thu ngân sách", "thu 1.200/1.000 triệu đồng, đạt 120% kế hoạch", "1.200/1.000", "triệu đồng", "120"))));
    }

    @Test
    void aWindowEndingAfterTheReportsPeriodIsAnAnomaly() {
        Period march = Period.window(LocalDate.of(2024, 2, 16), LocalDate.of(2024, 3, 15));
        String text = "+ Đăng ký khai sinh: 314/314 hồ sơ";
        Fact f = ratio("r.pdf", "Bắc Kạn", "2024-02", march, "Đăng ký khai sinh", text, "314/314", "hồ sơ", null);
        f.section = List.of("2.2.2. Kết quả triển khai 14 dịch vụ công (từ 16/02/2024 đến 15/03/2024)");
        List<AuditFinding> findings = new Auditor(indicators).run(List.of(f));
        assertEquals(1, findings.size(), findings.toString());
        assertEquals(AuditFinding.PERIOD_ANOMALY, findings.get(0).check());
        assertTrue(findings.get(0).message().contains("ends after the report's own period 02/2024 (last day 29/02/2024)"), findings.get(0).message());
    }

    @Test
    void findingsSerialiseInTheContractsFieldOrder() {
        String text = "+ Đăng ký tạm trú: 275/274 hồ sơ";
        AuditFinding f = new Auditor(indicators).run(List.of(ratio("r.pdf", "Bắc Kạn", "2024-02", FEB, "Đăng ký tạm trú", text, "275/274", "hồ sơ", null))).get(0);
        String json = f.toJson();
        assertTrue(json.startsWith("{\"check\":\"ratio_over_one\",\"severity\":\"error\",\"message\":\"275/274 hồ sơ: "), json);
        assertTrue(json.contains("\"facts\":[\"r.pdf:1019\"],\"province\":\"Bắc Kạn\",\"reportPeriod\":\"2024-02\",\"expected\":274,\"actual\":275,\"evidence\":[{\"fact\":\"r.pdf:1019\",\"file\":\"r.pdf\",\"page\":2"), json);
    }
}
