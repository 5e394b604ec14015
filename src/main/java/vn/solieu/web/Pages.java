package vn.solieu.web;

/** The frame every page shares (head, navigation), the error page and the pager. */
final class Pages {
    private Pages() {}

    static String page(String title, String active, Html body) {
        Html h = new Html();
        h.raw("<!DOCTYPE html>\n").open("html", "lang", "vi").open("head")
                .open("meta", "charset", "utf-8")
                .open("meta", "name", "viewport", "content", "width=device-width, initial-scale=1")
                .el("title", title + " – solieu")
                .open("link", "rel", "stylesheet", "href", "/static/style.css")
                .open("script", "src", "/static/app.js", "defer", "defer").close("script")
                .close("head").open("body");
        h.open("header", "class", "top").open("a", "class", "brand", "href", "/").text("solieu · Số liệu Đề án 06").close("a");
        h.open("nav");
        nav(h, "/search", "Tìm kiếm", active);
        nav(h, "/indicators", "Chỉ tiêu", active);
        nav(h, "/audit", "Kiểm tra", active);
        nav(h, "/reports", "Báo cáo", active);
        h.close("nav").close("header");
        h.open("main").append(body).close("main");
        h.open("footer").text("Chỉ đọc · dữ liệu từ chỉ mục cục bộ · ").open("a", "href", "/api/stats").text("API").close("a").close("footer");
        h.close("body").close("html");
        return h.toString();
    }

    private static void nav(Html h, String href, String label, String active) {
        h.open("a", "href", href, "class", href.equals(active) ? "active" : null).text(label).close("a");
    }

    static String error(int status, String message) {
        Html body = new Html();
        body.el("h1", status == 404 ? "Không tìm thấy" : status == 400 ? "Yêu cầu không hợp lệ" : "Lỗi " + status);
        body.el("p", message, "class", "error");
        body.open("p").open("a", "href", "/search").text("Về trang tìm kiếm").close("a").close("p");
        return page("Lỗi " + status, "", body);
    }

    /** "← Trước · Trang 2 / 5 · Sau →" for a result of {@code total} items shown {@code size} a page. */
    static void pager(Html h, Url base, int page, int size, long total) {
        long pages = Math.max(1, (total + size - 1) / size);
        if (pages <= 1) return;
        h.open("nav", "class", "pager", "aria-label", "Phân trang");
        if (page > 1) h.open("a", "href", base.with("page", page - 1).toString(), "rel", "prev").text("← Trước").close("a");
        h.el("span", "Trang " + page + " / " + pages);
        if (page < pages) h.open("a", "href", base.with("page", page + 1).toString(), "rel", "next").text("Sau →").close("a");
        h.close("nav");
    }
}
