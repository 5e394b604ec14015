package vn.solieu.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/** Every address the application answers, in one place. */
final class Routes {
    private Routes() {}

    /** The static files, by name: served from the jar, never from a path the request names. */
    private static final Map<String, String> STATIC = Map.of(
            "style.css", "text/css; charset=utf-8",
            "app.js", "text/javascript; charset=utf-8");

    static Router of(Library lib) {
        Api api = new Api(lib);
        return new Router()
                // Pages
                .get("/", (r, a) -> Response.redirect("/search"))
                .get("/search", (r, a) -> SearchPage.render(lib, api, r))
                .get("/indicators", (r, a) -> IndicatorPages.list(lib))
                .get("/indicator", (r, a) -> IndicatorPages.one(lib, r))
                .get("/audit", (r, a) -> AuditPage.render(lib, r))
                .get("/reports", (r, a) -> ReportPages.list(lib, r))
                .get("/report/*", (r, a) -> ReportPages.report(lib, a.get(0)))
                .get("/passage/*", (r, a) -> ReportPages.passage(lib, r, a.get(0)))
                .get("/file/*", (r, a) -> ReportPages.file(lib, a.get(0)))
                .get("/static/*", (r, a) -> staticFile(a.get(0)))
                // JSON
                .get("/api/search", (r, a) -> api.search(r))
                .get("/api/facets", (r, a) -> api.facets(r))
                .get("/api/facts", (r, a) -> api.facts(r))
                .get("/api/facts/*", (r, a) -> api.fact(r, a.get(0)))
                .get("/api/findings", (r, a) -> api.findings(r))
                .get("/api/reports", (r, a) -> api.reports(r))
                .get("/api/reports/*", (r, a) -> api.report(r, a.get(0)))
                .get("/api/indicators", (r, a) -> api.indicators(r))
                .get("/api/indicators/*", (r, a) -> api.indicator(r, a.get(0)))
                .get("/api/indicators/*/table.csv", (r, a) -> api.indicatorCsv(r, a.get(0)))
                .get("/api/stats", (r, a) -> api.stats(r));
    }

    private static Response staticFile(String name) {
        String type = STATIC.get(name);
        if (type == null) throw HttpError.notFound("no such file: /static/" + name);
        try (InputStream in = Routes.class.getResourceAsStream("/web/" + name)) {
            if (in == null) throw HttpError.notFound("no such file: /static/" + name);
            return Response.bytes(type, in.readAllBytes()).header("Cache-Control", "max-age=300");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
