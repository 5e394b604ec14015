package vn.solieu.web;

import vn.solieu.web.Overview.RatePoint;

import java.util.List;
import java.util.Map;

/** The canonical indicators: a list, and one indicator across provinces and periods (chart, table, CSV). */
final class IndicatorPages {
    private IndicatorPages() {}

    static Response list(Library lib) {
        Html h = new Html();
        h.el("h1", "Chỉ tiêu");
        h.el("p", "Các chỉ tiêu chuẩn có số liệu tỷ lệ trong các báo cáo đã nhập (tỷ lệ tính từ x/y, hoặc phần trăm báo cáo ghi).", "class", "hint");
        Map<String, List<RatePoint>> rates = lib.overview().ratesByIndicator;
        if (rates.isEmpty()) h.el("p", "Chưa có số liệu tỷ lệ nào gắn với chỉ tiêu chuẩn.", "class", "total");
        h.open("table", "class", "data").open("thead").open("tr")
                .el("th", "Chỉ tiêu").el("th", "Mã").el("th", "Số liệu").el("th", "Tỉnh").el("th", "Kỳ báo cáo")
                .close("tr").close("thead").open("tbody");
        for (Map.Entry<String, List<RatePoint>> e : rates.entrySet()) {
            IndicatorTable t = IndicatorTable.of(e.getKey(), lib.indicatorName(e.getKey()), e.getValue());
            h.open("tr").open("td").open("a", "href", Url.of("/indicator").with("id", e.getKey()).toString()).text(t.name).close("a").close("td")
                    .open("td").el("code", e.getKey()).close("td")
                    .el("td", Integer.toString(e.getValue().size()), "class", "num")
                    .el("td", Integer.toString(t.provinces.size()), "class", "num")
                    .el("td", Integer.toString(t.periods.size()), "class", "num")
                    .close("tr");
        }
        h.close("tbody").close("table");
        return Response.html(200, Pages.page("Chỉ tiêu", "/indicators", h));
    }

    static Response one(Library lib, Request r) {
        String id = r.param("id");
        if (id == null) return Response.redirect("/indicators");
        IndicatorTable t = Api.table(lib, id);
        Html h = new Html();
        h.el("h1", t.name);
        h.open("p", "class", "hint").text("Mã chỉ tiêu ").el("code", id)
                .text(". Tỷ lệ (%) theo kỳ báo cáo, mỗi đường là một tỉnh: tỷ lệ tính từ x/y, hoặc phần trăm báo cáo ghi.").close("p");
        if (t.provinces.isEmpty()) {
            h.el("p", "Chưa có số liệu tỷ lệ nào cho chỉ tiêu này.", "class", "total");
            return Response.html(200, Pages.page(t.name, "/indicators", h));
        }
        h.open("figure", "class", "chart-box").append(RateChart.svg(t));
        h.open("figcaption").open("ul", "class", "legend");
        for (int i = 0; i < t.provinces.size(); i++) {
            h.open("li").open("svg", "class", "swatch", "viewBox", "0 0 24 10", "aria-hidden", "true")
                    .open("line", "class", "series " + RateChart.seriesClass(i), "x1", "0", "x2", "24", "y1", "5", "y2", "5").close("line")
                    .close("svg").text(t.provinces.get(i)).close("li");
        }
        h.close("ul");
        if (t.periods.contains(IndicatorTable.NO_PERIOD)) h.el("p", "Số liệu của báo cáo không rõ kỳ chỉ có trong bảng, không có trên biểu đồ.", "class", "hint");
        h.close("figcaption").close("figure");

        h.open("p", "class", "download").open("a", "class", "button", "href", "/api/indicators/" + Url.segment(id) + "/table.csv", "download", id + ".csv")
                .text("Tải bảng CSV (Excel)").close("a").close("p");
        h.open("table", "class", "data matrix").open("thead").open("tr").el("th", "Tỉnh");
        for (String p : t.periods) h.el("th", p);
        h.close("tr").close("thead").open("tbody");
        for (String prov : t.provinces) {
            h.open("tr").el("th", prov, "scope", "row");
            for (String p : t.periods) {
                IndicatorTable.Cell c = t.cell(prov, p);
                if (c == null) {
                    h.el("td", "", "class", "num");
                    continue;
                }
                h.open("td", "class", c.conflicting() ? "num conflict" : "num",
                        "title", c.conflicting() ? "Các báo cáo ghi khác nhau; hiển thị giá trị trung bình" : null);
                RatePoint first = c.points().get(0);
                String source = Links.source(lib, first.fact());
                if (source != null) h.open("a", "href", source).text(Format.percent(c.value())).close("a");
                else h.text(Format.percent(c.value()));
                if (c.conflicting()) h.text(" *");
                h.el("span", c.points().size() > 1 ? " (" + c.points().size() + " nguồn)" : "", "class", "sources");
                h.close("td");
            }
            h.close("tr");
        }
        h.close("tbody").close("table");
        return Response.html(200, Pages.page(t.name, "/indicators", h));
    }
}
