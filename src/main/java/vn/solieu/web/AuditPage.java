package vn.solieu.web;

import vn.solieu.audit.AuditFinding;
import vn.solieu.audit.AuditFinding.Evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The audit page: findings of the checks, filterable by check, severity and province, each with its evidence. */
final class AuditPage {
    private AuditPage() {}

    private static final List<String> PAGE_PARAMS = List.of("check", "severity", "province", "period", "size");
    private static final Map<String, String> DIM_LABEL = Map.of(
            "check", "Kiểm tra", "severity", "Mức độ", "province", "Tỉnh", "period", "Kỳ báo cáo");

    static Response render(Library lib, Request r) {
        Paging paging = Paging.of(r);
        Api.FindingFilter filter = Api.FindingFilter.of(r);
        List<AuditFinding> all = lib.overview().findings;
        List<AuditFinding> matching = filter.apply(all);
        Url here = Url.of("/audit", r, PAGE_PARAMS);

        Html h = new Html();
        h.el("h1", "Kiểm tra số liệu");
        h.el("p", "Các phép kiểm tra chạy trên toàn bộ số liệu đã nhập: tỷ lệ vượt 100%, phần trăm không khớp với x/y, "
                + "các phần không khớp với tổng, số liệu trùng lặp mâu thuẫn, số lũy kế giảm, khác thường so với các tỉnh, thời kỳ bất thường.", "class", "hint");

        h.open("div", "class", "layout");
        h.open("aside", "class", "facets", "aria-label", "Bộ lọc");
        for (Map.Entry<String, Map<String, Long>> dim : filter.counts(all).entrySet()) {
            if (dim.getValue().isEmpty()) continue;
            String param = dim.getKey();
            h.open("section", "class", "facet", "data-dim", param).el("h2", DIM_LABEL.get(param)).open("ul");
            for (Map.Entry<String, Long> c : dim.getValue().entrySet()) {
                boolean on = c.getKey().equals(r.param(param));
                String label = switch (param) {
                    case "check" -> Labels.check(c.getKey());
                    case "severity" -> Labels.severity(c.getKey());
                    default -> c.getKey();
                };
                h.open("li", "class", on ? "on" : null)
                        .open("a", "href", here.with(param, on ? null : c.getKey()).with("page", null).toString(),
                                "class", param.equals("severity") ? "sev-" + c.getKey() : null)
                        .text(label).close("a")
                        .el("span", Long.toString(c.getValue()), "class", "count").close("li");
            }
            h.close("ul").close("section");
        }
        h.close("aside");

        h.open("section", "class", "results");
        h.el("p", matching.isEmpty() ? "Không có phát hiện nào." : matching.size() + " phát hiện", "class", "total");
        for (AuditFinding f : paging.slice(matching)) finding(h, lib, f);
        Pages.pager(h, here, paging.page(), paging.size(), matching.size());
        h.close("section").close("div");
        return Response.html(200, Pages.page("Kiểm tra", "/audit", h));
    }

    private static void finding(Html h, Library lib, AuditFinding f) {
        h.open("article", "class", "card finding sev-" + f.severity().name(), "data-check", f.check());
        h.open("p", "class", "finding-head")
                .el("span", Labels.severity(f.severity().name()), "class", "badge sev-" + f.severity().name())
                .el("span", Labels.check(f.check()), "class", "check")
                .el("code", f.check())
                .close("p");
        h.el("p", f.message(), "class", "message");
        h.open("p", "class", "meta");
        if (f.province() != null) h.open("span").text("Tỉnh: ").el("b", f.province()).close("span");
        if (f.reportPeriod() != null) h.open("span").text("Kỳ báo cáo: ").el("b", f.reportPeriod()).close("span");
        if (f.expected() != null) h.open("span").text("Kỳ vọng: ").el("b", Format.number(f.expected())).close("span");
        if (f.actual() != null) h.open("span").text("Thực tế: ").el("b", Format.number(f.actual())).close("span");
        h.close("p");
        h.open("ol", "class", "evidence");
        for (Evidence e : f.evidence()) {
            h.open("li");
            List<int[]> marks = new ArrayList<>();
            if (e.markStart() >= 0) marks.add(new int[]{e.markStart(), e.markEnd()});
            h.open("blockquote", "class", "quote").marked(e.quote(), marks).close("blockquote");
            String where = Links.where(e.file(), e.page());
            h.open("p", "class", "links");
            String source = Links.source(lib, e);
            if (source != null) h.open("a", "class", "source", "href", source, "title", e.file()).text("Mở nguồn: " + where).close("a");
            else h.el("span", where);
            String inReport = Links.inReport(lib, e);
            if (inReport != null) h.open("a", "class", "in-report", "href", inReport).text("Xem trong báo cáo").close("a");
            h.close("p").close("li");
        }
        h.close("ol").close("article");
    }
}
