package vn.solieu.index;

import vn.solieu.Extraction;
import vn.solieu.facts.Fact;
import vn.solieu.facts.Period;
import vn.solieu.facts.ReportInfo;
import vn.solieu.facts.Source;
import vn.solieu.ingest.Ingest;
import vn.solieu.ingest.Page;
import vn.solieu.ingest.SourceDocument;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Hand-made extractions with the shapes of real Đề án 06 reports, for testing the index alone
 * (until the fact extractor is merged, the pipeline gives no facts).
 */
final class SampleReports {
    private SampleReports() {}

    static final String BAC_KAN_TEXT = """
            BÁO CÁO
            Kết quả triển khai thực hiện Đề án 06 trên địa bàn tỉnh Bắc Kạn (Tháng 02 năm 2024)
            II. KẾT QUẢ TRIỂN KHAI
            - Đăng ký thường trú: tiếp nhận 1229/1229 hồ sơ trực tuyến.
            \f- Cấp hộ chiếu phổ thông: 1.512/1.546 hồ sơ, đạt 97,8%.
            - Tỷ lệ hồ sơ trực tuyến toàn trình đạt 42,9 % tổng số hồ sơ.
            """;

    static final String BAC_GIANG_TEXT = """
            BAO CAO (ban go khong dau)
            Tinh Bac Giang, quy I nam 2024
            - Dang ky thuong tru: tiep nhan 12/15 ho so truc tuyen.
            - Xác thực tài khoản định danh điện tử: 9/27 hồ sơ, đạt 32,76%.
            """;

    static final String HA_NOI_TEXT = """
            BÁO CÁO năm 2023 của thành phố Hà Nội
            - Tổng số hồ sơ tiếp nhận: 300.307 hồ sơ.
            - Số hồ sơ trực tuyến tăng 7% so với năm trước.
            """;

    static Extraction bacKan() {
        SourceDocument doc = document("reports/bac-kan-2024-02.txt", BAC_KAN_TEXT);
        ReportInfo info = new ReportInfo("Kết quả triển khai thực hiện Đề án 06", "Bắc Kạn", "2024-02", LocalDate.of(2024, 2, 15));
        List<Fact> facts = new ArrayList<>();
        facts.add(ratio(doc, info, "Đăng ký thường trú", "Đăng ký thường trú: tiếp nhận 1229/1229 hồ sơ trực tuyến.", 1229, 1229, null, "hồ sơ"));
        facts.add(ratio(doc, info, "Cấp hộ chiếu phổ thông", "Cấp hộ chiếu phổ thông: 1.512/1.546 hồ sơ, đạt 97,8%.", 1512, 1546, 97.8, "hồ sơ"));
        facts.add(percent(doc, info, "Tỷ lệ hồ sơ trực tuyến toàn trình", "Tỷ lệ hồ sơ trực tuyến toàn trình đạt 42,9 % tổng số hồ sơ.", 42.9, false));
        return new Extraction(doc, info, facts);
    }

    /** A legacy report typed without diacritics, and one quote stored decomposed (NFD). */
    static Extraction bacGiang() {
        SourceDocument doc = document("reports/bac-giang-2024-q1.txt", BAC_GIANG_TEXT);
        ReportInfo info = new ReportInfo(null, "Bắc Giang", "2024-Q1", null);
        List<Fact> facts = new ArrayList<>();
        facts.add(ratio(doc, info, "Dang ky thuong tru", "Dang ky thuong tru: tiep nhan 12/15 ho so truc tuyen.", 12, 15, null, "ho so"));
        Fact nfd = ratio(doc, info, "Xác thực tài khoản định danh điện tử", "Xác thực tài khoản định danh điện tử: 9/27 hồ sơ, đạt 32,76%.", 9, 27, 32.76, "hồ sơ");
        nfd.text = Normalizer.normalize(nfd.text, Normalizer.Form.NFD);
        facts.add(nfd);
        return new Extraction(doc, info, facts);
    }

    static Extraction haNoi() {
        SourceDocument doc = document("reports/ha-noi-2023.txt", HA_NOI_TEXT);
        ReportInfo info = new ReportInfo(null, "Hà Nội", "2023", null);
        List<Fact> facts = new ArrayList<>();
        Fact count = base(doc, info, Fact.Kind.count, "Tổng số hồ sơ tiếp nhận", "Tổng số hồ sơ tiếp nhận: 300.307 hồ sơ.");
        count.value = 300307.0;
        count.unit = "hồ sơ";
        facts.add(count);
        facts.add(percent(doc, info, "Số hồ sơ trực tuyến", "Số hồ sơ trực tuyến tăng 7% so với năm trước.", 7.0, true));
        return new Extraction(doc, info, facts);
    }

    /** A text source the way TextIngestor makes one: pages split at form feeds, hash of the bytes. */
    static SourceDocument document(String file, String text) {
        List<Page> pages = new ArrayList<>();
        int start = 0;
        for (String page : text.split("\f", -1)) {
            pages.add(new Page(pages.size() + 1, start, start + page.length()));
            start += page.length() + 1;
        }
        String sha = Ingest.sha256(text.getBytes(StandardCharsets.UTF_8));
        return new SourceDocument(file, sha, "text/plain", text, pages, List.of(), List.of(), false, null);
    }

    static Fact ratio(SourceDocument doc, ReportInfo info, String indicator, String quote, double num, double den, Double stated, String unit) {
        Fact f = base(doc, info, Fact.Kind.ratio, indicator, quote);
        f.numerator = num;
        f.denominator = den;
        f.percent = stated;
        f.unit = unit;
        return f;
    }

    static Fact percent(SourceDocument doc, ReportInfo info, String indicator, String quote, double value, boolean change) {
        Fact f = base(doc, info, Fact.Kind.percent, indicator, quote);
        f.value = value;
        f.change = change;
        return f;
    }

    static Fact base(SourceDocument doc, ReportInfo info, Fact.Kind kind, String indicator, String quote) {
        int start = doc.text().indexOf(quote);
        if (start < 0) throw new IllegalArgumentException("quote not in the text: " + quote);
        Fact f = new Fact();
        f.kind = kind;
        f.indicator = indicator;
        f.section = new ArrayList<>(List.of("II. KẾT QUẢ TRIỂN KHAI"));
        f.province = info.province();
        f.reportPeriod = info.reportPeriod();
        f.period = info.reportDate() == null ? null : Period.asOf(info.reportDate());
        f.source = new Source(doc.file(), doc.sha256(), doc.pageAt(start), start, start + quote.length());
        f.text = quote;
        f.rule = "test.hand-made";
        f.id = doc.sha256().substring(0, 12) + ":" + start;
        return f;
    }
}
