package vn.solieu.web;

import vn.solieu.facts.Fact;
import vn.solieu.index.StoredReport;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The imported reports: their list, one report with its facts marked in its text, one passage, and the file itself. */
final class ReportPages {
    private ReportPages() {}

    /** Characters of context shown around a figure in a passage, cut at line ends. */
    private static final int CONTEXT = 900;

    static Response list(Library lib, Request r) {
        Paging paging = Paging.of(r);
        List<StoredReport> matching = Api.ReportFilter.apply(lib, r);
        Html h = new Html();
        h.el("h1", "Báo cáo đã nhập");
        h.el("p", matching.size() + " báo cáo", "class", "total");
        h.open("table", "class", "data").open("thead").open("tr")
                .el("th", "Báo cáo").el("th", "Tỉnh").el("th", "Kỳ báo cáo").el("th", "Tệp").el("th", "Trang").el("th", "Số liệu")
                .close("tr").close("thead").open("tbody");
        for (StoredReport rep : paging.slice(matching)) {
            h.open("tr").open("td").open("a", "href", "/report/" + rep.sha256()).text(title(rep)).close("a").close("td")
                    .el("td", rep.province()).el("td", rep.reportPeriod()).el("td", rep.file(), "class", "file")
                    .el("td", rep.pages() == 0 ? "" : Integer.toString(rep.pages()), "class", "num")
                    .el("td", Integer.toString(rep.facts()), "class", "num").close("tr");
        }
        h.close("tbody").close("table");
        Pages.pager(h, Url.of("/reports", r, List.of("province", "period", "size")), paging.page(), paging.size(), matching.size());
        return Response.html(200, Pages.page("Báo cáo", "/reports", h));
    }

    static String title(StoredReport rep) {
        if (rep.title() != null && !rep.title().isBlank()) return rep.title();
        String name = Path.of(rep.file().replace("!/", "/")).getFileName().toString();
        return name.isEmpty() ? rep.file() : name;
    }

    /** One report: its particulars, then its text page by page with every fact marked (and anchored as #f-ID). */
    static Response report(Library lib, String sha256) throws IOException {
        StoredReport rep = lib.report(sha256);
        List<Fact> facts = lib.searcher.factsOf(sha256);
        Html h = new Html();
        h.el("h1", title(rep));
        h.open("dl", "class", "particulars");
        dt(h, "Tỉnh", rep.province());
        dt(h, "Kỳ báo cáo", rep.reportPeriod());
        dt(h, "Tệp", rep.file());
        dt(h, "Số trang", rep.pages() == 0 ? null : Integer.toString(rep.pages()));
        dt(h, "Số liệu", Integer.toString(facts.size()));
        dt(h, "SHA-256", rep.sha256());
        h.close("dl");
        h.open("p", "class", "links");
        if (Links.isPdf(rep)) h.open("a", "class", "source", "href", "/file/" + sha256).text("Mở tệp PDF gốc").close("a");
        h.open("a", "href", Url.of("/audit").with("province", rep.province()).toString()).text("Kiểm tra của tỉnh này").close("a");
        h.open("a", "href", "/api/reports/" + sha256).text("JSON").close("a");
        h.close("p");
        h.el("p", "Các số liệu đọc được được tô màu; rê chuột lên để xem chỉ tiêu.", "class", "hint");

        String text = rep.text() == null ? "" : rep.text();
        List<int[]> pages = pageSpans(rep, text.length());
        int next = 0;
        h.open("div", "class", "report-text");
        for (int p = 0; p < pages.size(); p++) {
            int from = pages.get(p)[0], to = pages.get(p)[1];
            h.open("section", "class", "page", "id", "p-" + (p + 1));
            if (pages.size() > 1 || !rep.pageStarts().isEmpty()) {
                h.open("h2", "class", "page-no");
                if (Links.isPdf(rep)) h.open("a", "href", "/file/" + sha256 + "#page=" + (p + 1)).text("Trang " + (p + 1)).close("a");
                else h.text("Trang " + (p + 1));
                h.close("h2");
            }
            h.open("div", "class", "page-text");
            int at = from;
            while (next < facts.size() && facts.get(next).source.start() < to) {
                Fact f = facts.get(next++);
                int s = f.source.start(), e = f.source.end();
                if (s < at || e > to || e <= s) continue; // overlaps the previous mark or crosses the page end
                h.text(clean(text.substring(at, s)));
                h.open("mark", "class", "fact k-" + f.kind.name(), "id", f.id == null ? null : "f-" + f.id,
                        "title", Format.figure(f) + (f.indicator == null ? "" : " · " + f.indicator)
                                + (f.computedPercent() == null ? "" : " · = " + Format.percent(f.computedPercent())))
                        .text(clean(text.substring(s, e))).close("mark");
                at = e;
            }
            h.text(clean(text.substring(at, to)));
            h.close("div").close("section");
        }
        h.close("div");
        return Response.html(200, Pages.page(title(rep), "/reports", h));
    }

    /** A passage of a report without pages of its own (text, Word): the figure marked, with the lines around it. */
    static Response passage(Library lib, Request r, String sha256) throws IOException {
        StoredReport rep = lib.report(sha256);
        String text = rep.text() == null ? "" : rep.text();
        int start = r.intParam("start", -1, 0, text.length());
        int end = r.intParam("end", -1, 0, text.length());
        if (start < 0 || end < 0) throw HttpError.badRequest("a passage needs 'start' and 'end' offsets into the report's text");
        if (end < start) throw HttpError.badRequest("'end' (" + end + ") is before 'start' (" + start + ")");
        Integer page = rep.pageAt(start);
        int pageFrom = 0, pageTo = text.length();
        if (page != null) {
            List<int[]> pages = pageSpans(rep, text.length());
            pageFrom = pages.get(page - 1)[0];
            pageTo = pages.get(page - 1)[1];
        }
        int from = Math.max(pageFrom, start - CONTEXT), to = Math.min(pageTo, end + CONTEXT);
        int nl = text.lastIndexOf('\n', from);
        if (from > pageFrom && nl >= pageFrom) from = nl + 1;
        int nl2 = text.indexOf('\n', to);
        if (to < pageTo && nl2 >= 0 && nl2 < pageTo) to = nl2;
        from = Math.min(from, start);
        to = Math.max(to, end);

        String anchor = page == null ? "" : "#p-" + page;
        for (Fact f : lib.searcher.factsOf(sha256)) {
            if (f.source.start() == start && f.source.end() == end && f.id != null) anchor = "#f-" + f.id;
        }
        Html h = new Html();
        h.el("h1", title(rep));
        h.open("p", "class", "meta").text(Links.where(rep.file(), page) + " · ")
                .open("a", "href", "/report/" + sha256 + anchor).text("Xem toàn văn báo cáo").close("a")
                .close("p");
        h.open("div", "class", "report-text passage").open("div", "class", "page-text");
        if (from > pageFrom) h.text("… ");
        h.text(clean(text.substring(from, start))).open("mark", "id", "mark", "class", "fact target").text(clean(text.substring(start, end))).close("mark")
                .text(clean(text.substring(end, to)));
        if (to < pageTo) h.text(" …");
        h.close("div").close("div");
        return Response.html(200, Pages.page("Đoạn trích – " + title(rep), "/reports", h));
    }

    /** The imported file itself, looked up by hash and served only if its bytes still have that hash. */
    static Response file(Library lib, String sha256) throws IOException {
        StoredReport rep = lib.report(sha256);
        byte[] bytes = lib.sources.read(rep).orElseThrow(() -> HttpError.notFound(
                "the imported file " + rep.file() + " is no longer where it was imported from, or its bytes have changed since"));
        boolean pdf = Links.isPdf(rep);
        String type = rep.mediaType() == null ? "application/octet-stream" : rep.mediaType();
        if (type.startsWith("text/")) type = "text/plain; charset=utf-8";
        String name = Path.of(rep.file().replace("!/", "/")).getFileName().toString().replaceAll("[^\\p{L}\\p{N}._ -]", "_");
        Response resp = Response.bytes(pdf ? "application/pdf" : type, bytes)
                .header("Content-Disposition", (pdf ? "inline" : "attachment") + "; filename*=UTF-8''" + Url.segment(name));
        // The browser's own PDF viewer runs the document: it needs to load it as an object of this origin.
        if (pdf) resp.header("Content-Security-Policy", "default-src 'none'; object-src 'self'; frame-ancestors 'self'");
        return resp;
    }

    /** [start, end) of each page of the text, or the whole text as one. */
    static List<int[]> pageSpans(StoredReport rep, int length) {
        List<int[]> out = new ArrayList<>();
        List<Integer> starts = rep.pageStarts();
        if (starts.isEmpty()) {
            out.add(new int[]{0, length});
            return out;
        }
        for (int i = 0; i < starts.size(); i++) {
            int s = Math.min(length, starts.get(i)), e = i + 1 < starts.size() ? Math.min(length, starts.get(i + 1)) : length;
            out.add(new int[]{s, Math.max(s, e)});
        }
        if (starts.get(0) > 0) out.get(0)[0] = 0;
        return out;
    }

    /** Page breaks are shown as page sections, not as characters. */
    private static String clean(String s) {
        return s.replace('\f', '\n');
    }

    private static void dt(Html h, String term, String value) {
        if (value == null) return;
        h.el("dt", term).el("dd", value);
    }
}
