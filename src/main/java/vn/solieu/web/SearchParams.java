package vn.solieu.web;

import vn.solieu.facts.Fact;
import vn.solieu.index.SearchRequest;
import vn.solieu.index.SortOrder;

import java.util.List;
import java.util.Locale;

/** The search parameters of the pages and the API, named as the command line names its options. */
final class SearchParams {
    private SearchParams() {}

    static final List<String> FILTERS = List.of("q", "province", "period", "period-from", "period-to", "indicator",
            "indicator-label", "kind", "min-percent", "max-percent", "territory", "each-file");

    static SearchRequest request(Request r) {
        return SearchRequest.of(r.param("q") == null ? "" : r.param("q"))
                .withScope(r.flag("passages") ? SearchRequest.Scope.reports : SearchRequest.Scope.facts)
                .withProvince(r.param("province"))
                .withTerritory(r.flag("territory"))
                .withReportPeriod(r.param("period"))
                .withPeriod(r.param("period-from"), r.param("period-to"))
                .withIndicator(r.param("indicator"))
                .withIndicatorLabel(r.param("indicator-label"))
                .withKind(kind(r.param("kind")))
                .withPercent(r.doubleParam("min-percent"), r.doubleParam("max-percent"))
                .withOrder(order(r.param("sort")))
                .withEachFile(r.flag("each-file"));
    }

    static SortOrder order(String s) {
        try {
            return SortOrder.parse(s);
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest("parameter 'sort': " + e.getMessage());
        }
    }

    static Fact.Kind kind(String s) {
        if (s == null) return null;
        try {
            return Fact.Kind.valueOf(s.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest("parameter 'kind' must be ratio, percent or count, got \"" + s + "\"");
        }
    }
}
