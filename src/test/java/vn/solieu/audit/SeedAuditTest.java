package vn.solieu.audit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.solieu.audit.AuditFinding.Severity;
import vn.solieu.facts.Fact;
import vn.solieu.facts.Period;
import vn.solieu.reference.Indicators;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The two seed reports: the real inconsistencies they contain are found and explained, and the
 * consistent figures around them give nothing. Facts are built by hand from the seed sentences
 * (SeedReport) until the extractor is merged.
 */
class SeedAuditTest {
    static final String S2 = "II. KẾT QUẢ TRIỂN KHAI CÁC MẶT CÔNG TÁC";
    static final String S22 = "2.2. Kết quả thực hiện dịch vụ công thiết yếu";
    static final String S221 = "2.2.1. Kết quả triển khai 11 dịch vụ công của Bộ Công an (từ 16/01/2024 đến 15/02/2024).";
    static final String S222 = "2.2.2. Kết quả triển khai 14 dịch vụ công (từ 16/01/2023 đến 15/02/2024)";
    static final String S23 = "2.3. Kết quả thực hiện 28 Dịch vụ công thiết yếu (theo Quyết định số 422/QĐ-TTg ngày 04/4/2022 của Thủ tướng Chính phủ) (Từ 16/01/2024 đến 15/02/2024)";
    static final Period MONTH = SeedReport.window("2024-01-16", "2024-02-15");

    static Indicators indicators;
    static SeedReport bacKan;
    static SeedReport bacGiang;

    @BeforeAll
    static void build() throws IOException {
        indicators = Indicators.load(Path.of("extraction-rules"));
        bacKan = bacKan();
        bacGiang = bacGiang();
    }

    static SeedReport bacKan() throws IOException {
        SeedReport r = SeedReport.load("000_f89939e2e8bd4875.txt", "Bắc Kạn", "2024-02");
        var docs = r.sentence("Bên cạnh đó, Công an tỉnh", "nhiệm vụ được giao của Đề án 06.").in("I. CÔNG TÁC CHỈ ĐẠO")
                .label("Công an tỉnh ban hành văn bản");
        docs.count("12", "văn bản");
        docs.count("01", "kế hoạch");
        docs.count("01", "tờ trình");
        docs.count("04", "báo cáo");
        docs.count("06", "công văn");

        r.bulletRatios("2.2.1. Kết quả triển khai 11 dịch vụ công của Bộ Công an", "2.2.2. Kết quả", List.of(S2, S22, S221), MONTH);
        r.bulletRatios("2.2.2. Kết quả triển khai 14 dịch vụ công", "2.3. Kết quả thực hiện 28", List.of(S2, S22, S222),
                SeedReport.window("2023-01-16", "2024-02-15"));
        r.bulletRatios("Thủ tướng Chính phủ) (Từ 16/01/2024 đến", "3. Nhóm phát triển ứng dụng", List.of(S2, S23), MONTH);

        String s32 = "3.2. Nhóm tiện ích phục vụ phát triển kinh tế, xã hội";
        r.sentence("- Kết quả triển khai thực hiện thanh toán học phí", "13,2 %).").in(S2, s32)
                .label("Kết quả triển khai thực hiện thanh toán học phí và các khoản thu khác theo phương thức thanh toán không dùng tiền mặt")
                .ratio("121/282", "cơ sở giáo dục", "42,9");
        var asxh = r.sentence("Tính đến  ngày 15/02/2024, trên địa bàn toàn tỉnh", "520.001.000đ).").in(S2, s32)
                .period(Period.asOf(LocalDate.of(2024, 2, 15)));
        asxh.label("đối tượng an sinh xã hội").count("20.824", "đối tượng");
        asxh.label("đã rà soát").ratio("19.616/20.824", "đối tượng", "94,2");
        asxh.label("đã có tài khoản").ratio("559/20.824", "đối tượng", "2,69");
        asxh.label("Số đối tượng được chi trả qua tài khoản").ratio("249/559", "đối tượng", "44,5");
        var bhxh = r.sentence("Kết quả thực hiện chi  lương hưu", "đạt 100%.").in(S2, s32)
                .label("Kết quả thực hiện chi lương hưu và trợ cấp BHXH hàng tháng qua tài khoản cá nhân");
        bhxh.ratio("3.094/11.066", "trường hợp", "27,96");
        bhxh.ratio("73/82", "trường hợp", "89");
        r.sentence("hiện có 07/07=100%", "khoẻ.").in(S2, s32).label("cơ sở đủ điều kiện khám sức khỏe").ratio("07/07", "cơ sở", "100");

        String s33 = "3.3. Nhóm phục vụ phát triển công dân số";
        var cccd = r.sentence("Tính đến ngày 14/02/2024, toàn tỉnh", "trên địa bàn tỉnh. ").in(S2, s33)
                .period(Period.asOf(LocalDate.of(2024, 2, 14)));
        cccd.label("thu nhận hồ sơ cấp CCCD").count("300.307", "hồ sơ");
        cccd.label("tiếp nhận thẻ CCCD").count("286.010", "thẻ");
        cccd.label("trả cho công dân sử dụng thẻ CCCD").count("282.283", "thẻ");
        cccd.label("hồ sơ đề nghị cấp tài khoản định danh điện tử").count("179.652", "hồ sơ");
        cccd.label("đã kích hoạt tài khoản định danh điện tử").count("160.392", "tài khoản");
        var kcb = r.sentence("Trong tháng phát sinh 44.101 lượt", "khai thác dữ liệu thành công.").in(S2, s33);
        kcb.label("công dân đi khám, chữa bệnh").count("44.101", "lượt");
        kcb.label("sử dụng CCCD gắn chip thay BHYT").ratio("27.634/44.101", "lượt", "62");
        kcb.label("sử dụng CCCD gắn chip thay BHYT").ratio("25.054/27.634", "lượt", "90,6");

        String s34 = "3.4. Hoàn thiện hệ sinh thái phục vụ kết nối, chia sẻ, khai thác, bổ sung làm giàu dữ liệu dân cư";
        var dat = r.sentence("hiện nay tỉnh Bắc Kạn đã thực hiện xây dựng", "hoàn thành.").in(S2, s34).label("cơ sở dữ liệu đất đai");
        dat.count("80", "xã");
        dat.ratio("06/08", "huyện", null);
        dat.count("02", "huyện");
        var treEm = r.sentence("Thực  hiện chuẩn hóa 73.013", "10.812 trẻ em).").in(S2, s34).label("dữ liệu trẻ em");
        treEm.count("73.013", "dữ liệu");
        treEm.ratio("62.201/73.013", "dữ liệu", "85");
        treEm.count("10.812", "trẻ em");
        r.sentence("Thực  hiện thu thập, cập nhật 185.166", "lao động trên địa bàn tỉnh.").in(S2, s34)
                .label("thu thập, cập nhật thông tin người lao động").ratio("185.166/224.941", "phiếu", "82,3");
        var xacThuc = r.sentence("Phối hợp Công an tỉnh thực hiện xác thực thông", "thông tin cá nhân sai lệch.").in(S2, s34)
                .label("xác thực thông với cơ sở dữ liệu quốc gia về dân cư");
        Fact done = xacThuc.ratio("314.639/318.187", "trường hợp", "98.9");
        done.approximate = true;
        Fact rest = xacThuc.ratio("3.448/318.187", "trường hợp", "1.1");
        rest.approximate = true;

        var lamSach = r.sentence("Đến nay, đã phối hợp cập nhật dữ liệu: Hội Nông dân", "(đạt 82,3%).")
                .in(S2, "5. Công tác phối hợp làm sạch dữ liệu với các Sở, ban, ngành");
        lamSach.label("Hội Nông dân").ratio("48.225/51.074", "dữ liệu", "94,4");
        lamSach.label("hội viên Hội Cựu chiến binh").ratio("15.834/16.414", "dữ liệu", "96,5");
        lamSach.label("hội viên Hội người cao tuổi").ratio("32.421/32.952", "dữ liệu", "98,4");
        lamSach.label("dữ liệu trẻ em").ratio("62.201/73.013", "dữ liệu", "85");
        lamSach.label("cập nhật thông tin người lao động").ratio("185.166/224.941", "dữ liệu", "82,3");
        r.sentence("Đến nay đã có 1.550/1.620", "hoàn thành khóa học.").in(S2, "8. Công tác kiểm tra, tổ chức tập huấn, triển khai đào tạo")
                .label("học viên hoàn thành khóa học").ratio("1.550/1.620", null, "96");
        return r;
    }

    static SeedReport bacGiang() throws IOException {
        SeedReport r = SeedReport.load("002_8f33f48acc798cc2.txt", "Bắc Giang", null);
        String s1 = "1. Về hoàn thiện thể chế";
        var vb = r.sentence("Từ ngày 01/5/2023 đến nay, HĐND,", "(có Phụ lục 1 kèm theo).").in("II. KẾT QUẢ THỰC HIỆN", s1)
                .label("văn bản quy phạm pháp luật liên quan đến Đề án 06");
        vb.count("04", "văn bản");
        vb.count("03", "Nghị quyết");
        vb.count("01", "Quyết định");
        var catGiam = r.sentence("Cấp tỉnh cắt giảm thời hạn giải quyết 26", "tỉ lệ cắt giảm 32,76%.").in("II. KẾT QUẢ THỰC HIỆN", s1)
                .label("tổng thời gian cắt giảm");
        catGiam.count("26", "TTHC");
        catGiam.ratio("78,5/205", "ngày", "38,3");
        catGiam.count("07", "TTHC");
        catGiam.ratio("12/29", "ngày", "41,4");
        catGiam.count("08", "TTHC");
        catGiam.ratio("9/27", "ngày", "32,76");
        var raSoat = r.sentence("theo đó, tính đến ngày 05/7/2023, có 18", "còn hiệu lực thi hành có nội dung liên quan đến Đề án 06.")
                .in("II. KẾT QUẢ THỰC HIỆN", s1).label("văn bản còn hiệu lực liên quan đến Đề án 06");
        raSoat.count("18", "văn bản");
        raSoat.count("06", "Nghị quyết");
        raSoat.count("12", "Quyết định");
        var xuLy = r.sentence("Qua rà  soát, phát hiện 07", "liên quan đến triển khai Đề  án 06.").in("II. KẾT QUẢ THỰC HIỆN", s1)
                .label("văn bản cần xử lý");
        xuLy.count("07", "văn bản");
        xuLy.count("04", "Nghị quyết");
        xuLy.count("03", "Quyết định");
        var phi = r.sentence("Hội đồng nhân dân tỉnh Bắc Giang đã ban hành Nghị quyết số 11/2022", "được niêm  yết trên cổng Dịch vụ công tỉnh Bắc Giang.")
                .in("II. KẾT QUẢ THỰC HIỆN", s1).label("thủ tục áp dụng mức thu lệ phí ưu đãi");
        phi.count("708", "thủ tục");
        phi.count("376", "thủ tục");
        phi.count("342", "DVC");
        String s2 = "2. Về thực hiện dịch vụ công trực tuyến";
        var footnote = r.sentence("1. Dịch vụ công trực tuyến cấp tỉnh là 482", "cấp xã là 79 dịch vụ, gồm: 27 dịch vụ công trực tuyến toàn trình, 52 dịch vụ công trực tuyến một phần.").in("II. KẾT QUẢ THỰC HIỆN", s2)
                .label("dịch vụ công trực tuyến");
        footnote.count("482", "dịch vụ");
        footnote.count("273", "dịch vụ");
        footnote.count("209", "dịch vụ");
        footnote.count("147", "dịch vụ");
        footnote.count("41", "dịch vụ");
        footnote.count("106", "dịch vụ");
        footnote.count("79", "dịch vụ");
        footnote.count("27", "dịch vụ");
        footnote.count("52", "dịch vụ");
        var thietYeu = r.sentence("Tổng số hồ sơ dịch vụ công thiết yếu đã tiếp nhận", "đạt 92,72%)").in("II. KẾT QUẢ THỰC HIỆN", s2)
                .label("Tổng số hồ sơ dịch vụ công thiết yếu đã tiếp nhận");
        thietYeu.count("503.788", "trường hợp");
        thietYeu.count("467.113", "trường hợp");
        thietYeu.percent("92,72");
        r.sentence("Trong năm 2023, tổng số hồ sơ được khai thác", "9,31%).").in("II. KẾT QUẢ THỰC HIỆN", "4. Về dữ liệu")
                .label("hồ sơ được khai thác, sử dụng lại thông tin, dữ liệu số hóa").ratio("391.122 hồ sơ/662.918", "hồ sơ", "59");
        String nx = "1. Đánh giá chung";
        r.sentence("- Căn cứ Kế hoạch Đề án 06/CP của UBND tỉnh", "trong đó:").in("II. NHẬN XÉT, ĐÁNH GIÁ", nx)
                .label("nhiệm vụ được triển khai tại cấp tỉnh").count("51", "nhiệm vụ");
        r.sentence("+ 07 nhiệm vụ đã hoàn thành", "quý I/2024;").in("II. NHẬN XÉT, ĐÁNH GIÁ", nx).label("nhiệm vụ đã hoàn thành").count("07", "nhiệm vụ");
        r.sentence("30 nhiệm vụ thực hiện thường xuyên", "thường xuyên;").in("II. NHẬN XÉT, ĐÁNH GIÁ", nx).label("nhiệm vụ thực hiện thường xuyên").count("30", "nhiệm vụ");
        var last = r.sentence("14 nhiệm vụ đang triển khai", "Bộ Công an).").in("II. NHẬN XÉT, ĐÁNH GIÁ", nx).label("nhiệm vụ đang triển khai");
        last.count("14", "nhiệm vụ");
        last.count("04", "nhiệm vụ");
        return r;
    }

    static List<AuditFinding> audit(SeedReport r) {
        return new Auditor(indicators).run(r.facts);
    }

    static String describe(List<AuditFinding> findings) {
        return findings.stream().map(f -> f.check() + "/" + f.severity() + ": " + f.message()).collect(Collectors.joining(" "));
    }

    @Test
    void bacKanFindsTheFiveRealInconsistenciesAndNothingElse() {
        List<AuditFinding> findings = audit(bacKan);
        String all = describe(findings);
        assertEquals(5, findings.size(), all);

        AuditFinding kcb = only(findings, AuditFinding.PERCENT_MISMATCH, "27.634/44.101");
        assertEquals(Severity.info, kcb.severity());
        assertTrue(kcb.message().contains("62,66%") && kcb.message().contains("cuts the digits") && kcb.message().contains("63%"), kcb.message());
        assertEquals(63.0, kcb.expected());
        assertEquals(62.0, kcb.actual());

        AuditFinding nested = only(findings, AuditFinding.PERCENT_MISMATCH, "25.054/27.634");
        assertEquals(Severity.info, nested.severity());
        assertEquals(90.7, nested.expected());

        AuditFinding account = only(findings, AuditFinding.PERCENT_MISMATCH, "559/20.824");
        assertEquals(Severity.warning, account.severity());
        assertTrue(account.message().startsWith("559/20.824 = 2,68% but the report states 2,69%"), account.message());

        AuditFinding parts = only(findings, AuditFinding.PARTS_VS_TOTAL, "318.187");
        assertEquals(318187.0, parts.expected());
        assertEquals(318087.0, parts.actual());
        assertTrue(parts.message().contains("314.639 + 3.448 = 318.087"), parts.message());
        assertEquals(2, parts.facts().size());

        AuditFinding window = only(findings, AuditFinding.PERIOD_ANOMALY, "16/01/2023");
        assertEquals(Severity.warning, window.severity());
        assertTrue(window.message().contains("2.2.2.") && window.message().contains("16/01/2024–15/02/2024")
                && window.message().contains("typo for 16/01/2024"), window.message());
        long inWindow = bacKan.facts.stream().filter(f -> f.period != null && LocalDate.of(2023, 1, 16).equals(f.period.from())).count();
        assertEquals(12, inWindow, "12 of the 14 services of 2.2.2 give a ratio (two give 0 hồ sơ)");
        assertEquals(inWindow + 1, window.facts().size(), "every figure of the window, and one of the main window to compare");
        assertEquals(31.0, window.expected());
        assertEquals(396.0, window.actual());

        for (AuditFinding f : findings) {
            assertEquals("Bắc Kạn", f.province());
            assertEquals("2024-02", f.reportPeriod());
            assertTrue(f.evidence().stream().allMatch(e -> e.file().equals("000_f89939e2e8bd4875.txt") && e.quote() != null && e.page() != null));
        }
    }

    @Test
    void bacGiangFindsTheMismatchedPercentageAndTheListThatExceedsItsWhole() {
        List<AuditFinding> findings = audit(bacGiang);
        String all = describe(findings);
        assertEquals(2, findings.size(), all);

        AuditFinding pct = only(findings, AuditFinding.PERCENT_MISMATCH, "9/27");
        assertEquals(Severity.warning, pct.severity());
        assertTrue(pct.message().startsWith("9/27 = 33,33% but the report states 32,76%"), pct.message());
        assertEquals(33.33, pct.expected());
        assertEquals(32.76, pct.actual());

        AuditFinding list = only(findings, AuditFinding.PARTS_VS_TOTAL, "708");
        assertEquals(Severity.error, list.severity());
        assertEquals("708 thủ tục are listed as 376 + 342 = 718, which is more than the whole by 10.", list.message());
        assertEquals(3, list.facts().size());
        assertTrue(list.evidence().get(0).quote().contains("708 thủ tục (376 thủ tục DVC trực tuyến một phần và 342 DVC"), list.evidence().get(0).quote());
    }

    @Test
    void consistentListsAreRecognisedAsWholesWithParts() {
        List<PartsVsTotal.Group> kan = PartsVsTotal.groups(bacKan.facts);
        assertTrue(has(kan, 12, 12, 4), "12 văn bản = 01 + 01 + 04 + 06: " + kan);
        assertTrue(has(kan, 8, 8, 1), "06/08 huyện, còn 02 huyện: " + kan);
        List<PartsVsTotal.Group> giang = PartsVsTotal.groups(bacGiang.facts);
        assertTrue(has(giang, 4, 4, 2), "04 văn bản (03 + 01)");
        assertTrue(has(giang, 18, 18, 2), "18 văn bản (06 + 12)");
        assertTrue(has(giang, 7, 7, 2), "07 văn bản; trong đó 04 + 03");
        assertTrue(has(giang, 51, 51, 3), "51 nhiệm vụ: 07 + 30 + 14 in bullets, the nested 04 left out: " + giang);
        assertTrue(has(giang, 482, 482, 2) && has(giang, 147, 147, 2) && has(giang, 79, 79, 2), "the footnote's three lists, each to its sentence end");
        assertTrue(has(giang, 708, 718, 2));
        // 20.824 đối tượng (trong đó rà soát 19.616/20.824, có tài khoản 559/20.824 …) is not a split; nor is 44.101 → 27.634 → 25.054.
        assertTrue(kan.stream().noneMatch(g -> g.total() == 20824 || g.total() == 44101 || g.total() == 27634), kan.toString());
    }

    @Test
    void theAuditReadsTheSameWhateverTheOrderFactsArriveInWithinAReport() {
        List<Fact> reversed = new java.util.ArrayList<>(bacGiang.facts);
        java.util.Collections.reverse(reversed);
        assertEquals(describe(audit(bacGiang)), describe(new Auditor(indicators).run(reversed)));
    }

    private static boolean has(List<PartsVsTotal.Group> groups, double total, double sum, int parts) {
        return groups.stream().anyMatch(g -> g.total() == total && g.sum() == sum && g.parts().size() == parts);
    }

    private static AuditFinding only(List<AuditFinding> findings, String check, String figure) {
        List<AuditFinding> hits = findings.stream().filter(f -> f.check().equals(check)
                && (f.message().contains(figure) || f.evidence().stream().anyMatch(e -> e.figure().contains(figure)))).toList();
        assertEquals(1, hits.size(), check + " " + figure + " in " + describe(findings));
        return hits.get(0);
    }
}
