package vn.solieu.web;

import vn.solieu.facts.Fact;
import vn.solieu.index.SearchHit;
import vn.solieu.index.SearchResult;
import vn.solieu.index.SortOrder;
import vn.solieu.index.SearchResult.FacetCount;
import vn.solieu.index.FactSearcher;
import vn.solieu.ingest.Span;
import vn.solieu.reference.Province;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The search page: one box (diacritics optional), facet counts for province, period, indicator
 * and kind that filter when clicked, and one card per figure with its highlighted quote, the
 * figure, its computed percentage and links to its source.
 */
final class SearchPage {
    private SearchPage() {}

    /** Facet dimension → the search parameter its values filter on. */
    private static final Map<String, String> FILTER_OF = Map.of(
            "province", "province", "reportPeriod", "period", "indicator", "indicator-label", "kind", "kind");
    private static final List<String> FILTER_PARAMS = List.of("province", "period", "indicator", "indicator-label", "kind");
    private static final List<String> PAGE_PARAMS = List.of("q", "province", "territory", "period", "indicator", "indicator-label", "kind", "size", "sort", "each-file");
    /** The orders offered above the results, as (sort parameter, label); null is relevance. */
    private static final List<String[]> ORDERS = List.of(new String[]{null, "Phù hợp nhất"},
            new String[]{"period", "Kỳ cũ → mới"}, new String[]{"period:desc", "Kỳ mới → cũ"},
            new String[]{"percent:desc", "Tỷ lệ cao → thấp"}, new String[]{"percent", "Tỷ lệ thấp → cao"});

    static Response render(Library lib, Api api, Request r) throws IOException {
        Paging paging = Paging.of(r);
        SearchResult result = api.run(r, paging, true);
        Url here = Url.of("/search", r, PAGE_PARAMS);

        Html h = new Html();
        h.el("h1", "Tìm kiếm số liệu");
        h.open("form", "class", "search", "method", "get", "action", "/search", "role", "search");
        h.open("input", "type", "search", "name", "q", "value", r.param("q"), "id", "q",
                "placeholder", "Ví dụ: đăng ký thường trú, dang ky thuong tru, 1.512/1.546", "aria-label", "Từ khóa", "autofocus", "autofocus");
        for (String k : FILTER_PARAMS) {
            if (r.param(k) != null) h.open("input", "type", "hidden", "name", k, "value", r.param(k));
        }
        if (r.flag("territory")) h.open("input", "type", "hidden", "name", "territory", "value", "1");
        if (r.flag("each-file")) h.open("input", "type", "hidden", "name", "each-file", "value", "1");
        if (r.param("sort") != null) h.open("input", "type", "hidden", "name", "sort", "value", r.param("sort"));
        h.open("button", "type", "submit").text("Tìm kiếm").close("button").close("form");
        h.el("p", "Có thể gõ có dấu hoặc không dấu; dùng \"…\" cho cụm từ, OR, dấu - để loại trừ.", "class", "hint");

        active(h, r, here);
        territory(h, r, here);

        h.open("div", "class", "layout");
        h.open("aside", "class", "facets", "aria-label", "Bộ lọc");
        for (Map.Entry<String, List<FacetCount>> dim : result.facets().entrySet()) {
            if (dim.getValue().isEmpty()) continue;
            String param = FILTER_OF.get(dim.getKey());
            h.open("section", "class", "facet", "data-dim", dim.getKey()).el("h2", Labels.DIMENSIONS.getOrDefault(dim.getKey(), dim.getKey())).open("ul");
            for (FacetCount c : dim.getValue()) {
                boolean on = c.value().equals(r.param(param));
                h.open("li", "class", on ? "on" : null)
                        .open("a", "href", picked(here, param, on ? null : c.value()).toString())
                        .text(Labels.value(dim.getKey(), c.value())).close("a")
                        .el("span", Long.toString(c.count()), "class", "count").close("li");
            }
            h.close("ul").close("section");
        }
        h.close("aside");

        h.open("section", "class", "results", "aria-live", "polite");
        h.el("p", total(result), "class", "total");
        copiesChoice(h, r, here, result);
        if (result.queryPeriod() != null) {
            h.el("p", "Kỳ báo cáo đọc từ câu tìm kiếm: " + result.queryPeriod() + " (đặt số trong ngoặc kép để tìm đúng con số đó)", "class", "query-period");
        }
        if (result.totalHits() > 1) orders(h, r, here);
        for (SearchHit hit : result.hits()) card(h, lib, hit);
        Pages.pager(h, here, paging.page(), paging.size(), result.pageable());
        h.close("section").close("div");
        return Response.html(200, Pages.page(r.param("q") == null ? "Tìm kiếm" : r.param("q") + " – Tìm kiếm", "/search", h));
    }

    private static String total(SearchResult result) {
        if (result.totalHits() == 0) return "Không tìm thấy số liệu nào.";
        if (result.figures() == null || result.figures() == result.totalHits()) return "Tìm thấy " + result.totalHits() + " số liệu";
        // Copies of a report (PDF, Word, text) state the same figures: each is shown once.
        return "Tìm thấy " + result.figures() + " số liệu (" + result.totalHits() + " lượt trong các tệp: số liệu có trong nhiều tệp chỉ hiện một lần)";
    }

    /** With copies folded, a link to list every file's fact; listing them, a link back. */
    private static void copiesChoice(Html h, Request r, Url here, SearchResult result) {
        boolean each = r.flag("each-file");
        if (!each && (result.figures() == null || result.figures() == result.totalHits())) return;
        h.open("p", "class", "copies-choice")
                .open("a", "href", here.with("each-file", each ? null : "1").with("page", null).toString())
                .text(each ? "Gộp số liệu trùng giữa các tệp" : "Hiện riêng từng tệp").close("a").close("p");
    }

    /** The orders of the hits, the one in force unlinked: picking one goes back to the first page. */
    private static void orders(Html h, Request r, Url here) {
        SortOrder current = SearchParams.order(r.param("sort"));
        h.open("p", "class", "orders").text("Sắp xếp: ");
        for (String[] o : ORDERS) {
            if (SortOrder.parse(o[0]).equals(current)) h.el("strong", o[1], "aria-current", "true");
            else h.open("a", "href", here.with("sort", o[0]).with("page", null).toString()).text(o[1]).close("a");
            h.text(" ");
        }
        h.close("p");
    }

    /** The filters in force, each removable. */
    private static void active(Html h, Request r, Url here) {
        List<String[]> on = new ArrayList<>();
        for (String k : FILTER_PARAMS) if (r.param(k) != null) on.add(new String[]{k, r.param(k)});
        if (on.isEmpty()) return;
        h.open("p", "class", "active-filters").text("Đang lọc: ");
        for (String[] f : on) {
            String dim = f[0].equals("period") ? "reportPeriod" : f[0].startsWith("indicator") ? "indicator" : f[0];
            h.open("a", "class", "chip", "href", here.with(f[0], null).with("page", null).toString(), "title", "Bỏ bộ lọc này")
                    .text(Labels.DIMENSIONS.get(dim) + ": " + Labels.value(dim, f[1]) + " ×").close("a");
        }
        h.close("p");
    }

    /** A facet value picked (or, null, dropped): back to the first page; another province drops the merger's land of the last one. */
    private static Url picked(Url here, String param, String value) {
        Url next = here.with(param, value).with("page", null);
        return param.equals("province") ? next.with("territory", null) : next;
    }

    /** With a province filter the 2025 merger touched: its land across the merger, offered or (with territory=1) in force. */
    private static void territory(Html h, Request r, Url here) {
        String province = r.param("province");
        if (province == null || province.isBlank()) return;
        List<Province> others = FactSearcher.otherNamesOfTerritory(province);
        if (others.isEmpty()) return;
        StringBuilder units = new StringBuilder();
        for (Province p : others) {
            if (units.length() > 0) units.append(", ");
            units.append(p.name());
            if (p.validTo() != null) units.append(" (đến ").append(Format.date(p.validTo())).append(')');
            else if (p.validFrom() != null) units.append(" (từ ").append(Format.date(p.validFrom())).append(')');
        }
        h.open("p", "class", "territory");
        if (r.flag("territory")) {
            h.text("Gồm cả địa bàn sáp nhập năm 2025: " + units + " ")
                    .open("a", "class", "chip", "href", here.with("territory", null).with("page", null).toString(), "title", "Chỉ tỉnh đã chọn")
                    .text("Bỏ ×").close("a");
        } else {
            h.open("a", "href", here.with("territory", "1").with("page", null).toString())
                    .text("Gồm cả địa bàn sáp nhập năm 2025: " + units).close("a");
        }
        h.close("p");
    }

    static void card(Html h, Library lib, SearchHit hit) {
        Fact f = hit.fact();
        h.open("article", "class", "card", "data-fact", f.id);
        h.open("div", "class", "figure").el("span", Format.figure(f), "class", "value");
        Double computed = f.computedPercent();
        if (computed != null) h.el("span", "= " + Format.percent(computed), "class", "computed", "title", "Tỷ lệ tính từ x/y");
        if (f.percent != null) h.el("span", "báo cáo ghi " + Format.percent(f.percent), "class", "stated");
        h.close("div");
        h.el("h3", f.indicator == null ? "(không rõ chỉ tiêu)" : f.indicator, "class", "indicator");
        h.open("p", "class", "meta");
        meta(h, "Tỉnh", f.province);
        meta(h, "Kỳ báo cáo", f.reportPeriod);
        meta(h, "Loại", Labels.kind(f.kind.name()));
        if (f.indicatorId != null) {
            h.open("span").text("Chỉ tiêu chuẩn: ")
                    .open("a", "href", Url.of("/indicator").with("id", f.indicatorId).toString()).text(lib.indicatorName(f.indicatorId)).close("a")
                    .close("span");
        }
        h.close("p");
        List<int[]> marks = new ArrayList<>();
        for (Span s : hit.snippet().matches()) marks.add(new int[]{s.start(), s.end()});
        h.open("blockquote", "class", "quote").marked(hit.snippet().text(), marks).close("blockquote");
        h.open("p", "class", "links");
        String source = Links.source(lib, f);
        String where = Links.where(hit.file(), hit.page());
        if (source != null) h.open("a", "class", "source", "href", source, "title", hit.file()).text("Mở nguồn: " + where).close("a");
        else h.el("span", where);
        h.open("a", "class", "in-report", "href", Links.inReport(f)).text("Xem trong báo cáo").close("a");
        h.close("p");
        if (!hit.copies().isEmpty()) {
            h.open("p", "class", "copies").text("Cũng có trong: ");
            boolean first = true;
            for (SearchHit.Copy c : hit.copies()) {
                if (!first) h.text(", ");
                first = false;
                h.open("a", "href", Links.inReport(c.sha256(), c.id()), "title", c.file()).text(Links.where(c.file(), c.page())).close("a");
            }
            h.close("p");
        }
        h.close("article");
    }

    private static void meta(Html h, String label, String value) {
        if (value == null) return;
        h.open("span").text(label + ": ").el("b", value).close("span");
    }
}
