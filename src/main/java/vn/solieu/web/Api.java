package vn.solieu.web;

import vn.solieu.audit.AuditFinding;
import vn.solieu.facts.Fact;
import vn.solieu.index.IndexStats;
import vn.solieu.index.SearchHit;
import vn.solieu.index.SearchRequest;
import vn.solieu.index.SearchResult;
import vn.solieu.index.StoredReport;
import vn.solieu.ingest.Span;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON endpoints under {@code /api/}, mirroring the command line: search (facts or, with
 * {@code passages}, report passages), facets, facts, findings, reports, indicators and stats.
 * Long results are paged ({@code page} from 1, {@code size} up to {@value Paging#MAX_SIZE}).
 */
final class Api {
    private final Library lib;

    Api(Library lib) {
        this.lib = lib;
    }

    static final List<String> SEARCH_PARAMS = concat(SearchParams.FILTERS, "passages", "facets", "page", "size", "sort");
    static final List<String> FACET_PARAMS = concat(SearchParams.FILTERS, "passages");
    static final List<String> FACT_PARAMS = concat(SearchParams.FILTERS, "page", "size", "sort");
    static final List<String> FINDING_PARAMS = List.of("check", "severity", "province", "period", "page", "size");
    static final List<String> REPORT_PARAMS = List.of("province", "period", "page", "size");

    Response search(Request r) throws IOException {
        r.allowOnly(SEARCH_PARAMS);
        Paging paging = Paging.of(r);
        boolean facets = r.param("facets") == null || r.flag("facets");
        SearchResult result = run(r, paging, facets);
        List<Map<String, Object>> hits = new ArrayList<>();
        for (SearchHit h : result.hits()) hits.add(hit(lib, h));
        Map<String, Object> out = Json.obj("query", r.param("q") == null ? "" : r.param("q"),
                "total", result.totalHits(), "page", paging.page(), "size", paging.size(), "pages", paging.pages(result.pageable()),
                "hits", hits);
        if (result.figures() != null) out.put("figures", result.figures());
        if (result.queryPeriod() != null) out.put("queryPeriod", result.queryPeriod());
        if (r.flag("territory") && r.param("province") != null) out.put("territory", territory(r.param("province")));
        if (facets) out.put("facets", facets(result));
        return Response.json(200, out);
    }

    Response facets(Request r) throws IOException {
        r.allowOnly(FACET_PARAMS);
        SearchResult result = lib.searcher.search(SearchParams.request(r).withLimit(1).withFacets(true));
        return Response.json(200, Json.obj("total", result.totalHits(), "facets", facets(result)));
    }

    Response facts(Request r) throws IOException {
        r.allowOnly(FACT_PARAMS);
        Paging paging = Paging.of(r);
        SearchResult result = run(r, paging, false);
        List<Map<String, Object>> facts = new ArrayList<>();
        for (SearchHit h : result.hits()) {
            Map<String, Object> fact = h.fact().toMap();
            if (!h.copies().isEmpty()) fact.put("copies", copies(h));
            facts.add(fact);
        }
        Map<String, Object> out = Json.obj("total", result.totalHits(), "page", paging.page(), "size", paging.size(),
                "pages", paging.pages(result.pageable()), "facts", facts);
        if (result.figures() != null) out.put("figures", result.figures());
        return Response.json(200, out);
    }

    Response fact(Request r, String id) throws IOException {
        r.allowOnly(List.of());
        Fact f = lib.searcher.fact(id).orElseThrow(() -> HttpError.notFound("no fact has the id " + id));
        return Response.json(200, f.toMap());
    }

    Response findings(Request r) {
        r.allowOnly(FINDING_PARAMS);
        Paging paging = Paging.of(r);
        FindingFilter filter = FindingFilter.of(r);
        List<AuditFinding> matching = filter.apply(lib.overview().findings);
        List<Map<String, Object>> page = new ArrayList<>();
        for (AuditFinding f : paging.slice(matching)) {
            Map<String, Object> m = f.toMap();
            m.put("links", f.evidence().stream().map(e -> Json.obj("fact", e.fact(), "source", Links.source(lib, e),
                    "report", Links.inReport(lib, e))).toList());
            page.add(m);
        }
        return Response.json(200, Json.obj("total", matching.size(), "page", paging.page(), "size", paging.size(),
                "pages", paging.pages(matching.size()), "counts", filter.counts(lib.overview().findings), "findings", page));
    }

    Response reports(Request r) {
        r.allowOnly(REPORT_PARAMS);
        Paging paging = Paging.of(r);
        List<StoredReport> matching = ReportFilter.apply(lib, r);
        List<Map<String, Object>> page = new ArrayList<>();
        for (StoredReport rep : paging.slice(matching)) page.add(report(rep));
        return Response.json(200, Json.obj("total", matching.size(), "page", paging.page(), "size", paging.size(),
                "pages", paging.pages(matching.size()), "reports", page));
    }

    Response report(Request r, String sha256) throws IOException {
        r.allowOnly(List.of());
        StoredReport rep = lib.report(sha256);
        Map<String, Object> m = report(rep);
        m.put("pageStarts", rep.pageStarts());
        m.put("text", rep.text());
        m.put("facts", lib.searcher.factsOf(sha256).stream().map(Fact::toMap).toList());
        return Response.json(200, m);
    }

    Response indicators(Request r) {
        r.allowOnly(List.of());
        List<Map<String, Object>> out = new ArrayList<>();
        for (var e : lib.overview().ratesByIndicator.entrySet()) {
            IndicatorTable t = IndicatorTable.of(e.getKey(), lib.indicatorName(e.getKey()), e.getValue());
            out.add(Json.obj("indicatorId", e.getKey(), "name", t.name, "figures", e.getValue().size(),
                    "provinces", t.provinces.size(), "periods", t.periods.size(),
                    "link", "/api/indicators/" + Url.segment(e.getKey())));
        }
        return Response.json(200, Json.obj("indicators", out));
    }

    Response indicator(Request r, String id) {
        r.allowOnly(List.of());
        return Response.json(200, table(lib, id).toMap());
    }

    Response indicatorCsv(Request r, String id) {
        r.allowOnly(List.of());
        return Response.bytes("text/csv; charset=utf-8", table(lib, id).csv())
                .header("Content-Disposition", "attachment; filename=\"" + id.replaceAll("[^A-Za-z0-9._-]", "_") + ".csv\"");
    }

    Response stats(Request r) throws IOException {
        r.allowOnly(List.of());
        IndexStats s = lib.searcher.stats();
        return Response.json(200, Json.obj("index", lib.indexDir.toString(), "reports", s.reports(), "failed", s.failed(),
                "facts", s.facts(), "reportsBy", counts(s.reportsBy()), "factsBy", counts(s.factsBy())));
    }

    /** The units a territory search covered, with the dates each existed (null: open). */
    static List<Map<String, Object>> territory(String province) {
        List<Map<String, Object>> units = new ArrayList<>();
        for (vn.solieu.reference.Province p : vn.solieu.index.FactSearcher.territory(province)) {
            units.add(Json.obj("province", p.name(), "from", p.validFrom() == null ? null : p.validFrom().toString(),
                    "to", p.validTo() == null ? null : p.validTo().toString()));
        }
        return units;
    }

    // ---- shared with the pages

    SearchResult run(Request r, Paging paging, boolean facets) throws IOException {
        SearchRequest req = SearchParams.request(r).withLimit(paging.size()).withOffset(paging.offset()).withFacets(facets);
        return lib.searcher.search(req);
    }

    static IndicatorTable table(Library lib, String id) {
        List<Overview.RatePoint> points = lib.overview().ratesByIndicator.get(id);
        if (points == null) {
            if (lib.indicators.byId(id).isPresent()) return IndicatorTable.of(id, lib.indicatorName(id), List.of());
            throw HttpError.notFound("no canonical indicator has the id " + id);
        }
        return IndicatorTable.of(id, lib.indicatorName(id), points);
    }

    static Map<String, Object> hit(Library lib, SearchHit h) {
        List<List<Integer>> marks = new ArrayList<>();
        for (Span s : h.snippet().matches()) marks.add(List.of(s.start(), s.end()));
        if (h.fact() == null) {
            StoredReport rep = lib.reports.get(h.sha256());
            return Json.obj("file", h.file(), "sha256", h.sha256(), "page", h.page(), "title", h.title(),
                    "passage", h.snippet().text(), "marks", marks,
                    "source", Links.isPdf(rep) ? "/file/" + h.sha256() + (h.page() == null ? "" : "#page=" + h.page()) : "/report/" + h.sha256(),
                    "report", "/report/" + h.sha256());
        }
        Fact f = h.fact();
        Double computed = f.computedPercent();
        return Json.obj("fact", f.toMap(),
                "computedPercent", computed == null ? null : Math.round(computed * 100) / 100.0,
                "quote", h.snippet().text(), "marks", marks,
                "source", Links.source(lib, f), "report", Links.inReport(f), "copies", copies(h));
    }

    /** The same figure in other files, folded into this hit: where, and a link to it in its report. */
    static List<Map<String, Object>> copies(SearchHit h) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (SearchHit.Copy c : h.copies()) {
            out.add(Json.obj("file", c.file(), "sha256", c.sha256(), "page", c.page(), "id", c.id(),
                    "report", Links.inReport(c.sha256(), c.id())));
        }
        return out;
    }

    static Map<String, Object> report(StoredReport r) {
        return Json.obj("file", r.file(), "sha256", r.sha256(), "mediaType", r.mediaType(), "title", r.title(),
                "province", r.province(), "reportPeriod", r.reportPeriod(), "pages", r.pages(), "facts", r.facts(),
                "importedAt", r.importedAt() == null ? null : r.importedAt().toString(),
                "link", "/api/reports/" + r.sha256(), "view", "/report/" + r.sha256());
    }

    private static Map<String, Object> facets(SearchResult result) {
        return counts(result.facets());
    }

    private static Map<String, Object> counts(Map<String, List<SearchResult.FacetCount>> dims) {
        Map<String, Object> out = new LinkedHashMap<>();
        dims.forEach((dim, values) -> out.put(dim, values.stream().map(c -> Json.obj("value", c.value(), "count", c.count())).toList()));
        return out;
    }

    private static List<String> concat(List<String> a, String... b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(List.of(b));
        return List.copyOf(out);
    }

    /** The findings filters: check, severity, province (diacritics optional), report period. */
    record FindingFilter(String check, AuditFinding.Severity severity, String province, String period) {
        static FindingFilter of(Request r) {
            String check = r.param("check");
            if (check != null && !AuditFinding.CHECKS.contains(check)) {
                throw HttpError.badRequest("parameter 'check' must be one of " + String.join(", ", AuditFinding.CHECKS) + ", got \"" + check + "\"");
            }
            AuditFinding.Severity severity = null;
            if (r.param("severity") != null) {
                try {
                    severity = AuditFinding.Severity.valueOf(r.param("severity").toLowerCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw HttpError.badRequest("parameter 'severity' must be error, warning or info, got \"" + r.param("severity") + "\"");
                }
            }
            return new FindingFilter(check, severity, r.param("province"), r.param("period"));
        }

        boolean test(AuditFinding f, String skipDimension) {
            return (check == null || "check".equals(skipDimension) || check.equals(f.check()))
                    && (severity == null || "severity".equals(skipDimension) || severity == f.severity())
                    && (province == null || "province".equals(skipDimension) || sameProvince(province, f.province()))
                    && (period == null || "period".equals(skipDimension) || period.equals(f.reportPeriod()));
        }

        List<AuditFinding> apply(List<AuditFinding> all) {
            return all.stream().filter(f -> test(f, null)).toList();
        }

        /** Per dimension, how many findings each value would give with the other filters kept (facet counts). */
        Map<String, Map<String, Long>> counts(List<AuditFinding> all) {
            Map<String, Map<String, Long>> out = new LinkedHashMap<>();
            for (String dim : List.of("check", "severity", "province", "period")) {
                Map<String, Long> c = dim.equals("severity") ? new LinkedHashMap<>() : new TreeMap<>();
                if (dim.equals("severity")) for (AuditFinding.Severity s : AuditFinding.Severity.values()) c.put(s.name(), 0L);
                for (AuditFinding f : all) {
                    if (!test(f, dim)) continue;
                    String v = switch (dim) {
                        case "check" -> f.check();
                        case "severity" -> f.severity().name();
                        case "province" -> f.province();
                        default -> f.reportPeriod();
                    };
                    if (v != null) c.merge(v, 1L, Long::sum);
                }
                c.values().removeIf(n -> n == 0);
                out.put(dim, c);
            }
            return out;
        }
    }

    static boolean sameProvince(String asked, String actual) {
        return actual != null && vn.solieu.index.IndexSchema.provinceKey(asked).equals(vn.solieu.index.IndexSchema.provinceKey(actual));
    }

    /** Reports filtered by province (diacritics optional) and report period. */
    static final class ReportFilter {
        private ReportFilter() {}

        static List<StoredReport> apply(Library lib, Request r) {
            String province = r.param("province"), period = r.param("period");
            return lib.reports.values().stream()
                    .filter(rep -> province == null || sameProvince(province, rep.province()))
                    .filter(rep -> period == null || period.equals(rep.reportPeriod()))
                    .toList();
        }
    }
}
