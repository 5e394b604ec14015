package vn.solieu.index;

import vn.solieu.facts.Fact;

/**
 * A search as a researcher asks it: words (with or without diacritics, Lucene syntax allowed)
 * and filters. Build with {@link #of(String)} and the {@code withX} methods; all filters are optional.
 *
 * @param query      words or Lucene query syntax; blank or "*" matches everything
 * @param scope      facts (one hit per figure) or reports (passages of the full text)
 * @param province   province name, diacritics optional ("bac kan")
 * @param periodFrom "YYYY-MM", "YYYY-Qn" or "YYYY": hits whose period starts no earlier
 * @param periodTo   same forms: hits whose period ends no later
 * @param indicator  words that must all occur in the indicator label, or an exact indicatorId
 * @param kind       ratio, percent or count (facts only)
 * @param minPercent the percentage the fact speaks of (a percent's value, else a ratio's stated,
 *                   else computed percentage) is at least this
 * @param maxPercent … and at most this
 * @param limit      hits to return (totalHits counts them all)
 * @param facets     count hits by province, period, indicator and kind
 * @param reportPeriod exactly this report period ("2024-02"), as the period facet counts it
 * @param offset     best hits to skip first (paging: page n of size s skips (n - 1) * s)
 * @param indicatorLabel exactly this indicator label, as the indicator facet counts it (facts only)
 * @param territory  the province's land across the 2025 merger: "Thái Nguyên" also finds Bắc Kạn's
 *                   reports from before 1 July 2025, "Bắc Kạn" also the merged Thái Nguyên's after
 * @param order      relevance (the default), or a fact's period or number ({@link SortOrder})
 * @param eachFile   facts only: every file's fact a hit of its own; by default a figure stated in
 *                   several files (copies of a report) is one hit naming the others ({@link FigureKey})
 */
public record SearchRequest(String query, Scope scope, String province, String periodFrom, String periodTo,
                            String indicator, Fact.Kind kind, Double minPercent, Double maxPercent,
                            int limit, boolean facets, String reportPeriod, int offset, String indicatorLabel,
                            boolean territory, SortOrder order, boolean eachFile) {
    public enum Scope { facts, reports }

    public static SearchRequest of(String query) {
        return new SearchRequest(query, Scope.facts, null, null, null, null, null, null, null, 20, true, null, 0, null, false, SortOrder.RELEVANCE, false);
    }

    public SearchRequest withScope(Scope s) {
        return new SearchRequest(query, s, province, periodFrom, periodTo, indicator, kind, minPercent, maxPercent, limit, facets, reportPeriod, offset, indicatorLabel, territory, order, eachFile);
    }

    public SearchRequest withProvince(String p) {
        return new SearchRequest(query, scope, p, periodFrom, periodTo, indicator, kind, minPercent, maxPercent, limit, facets, reportPeriod, offset, indicatorLabel, territory, order, eachFile);
    }

    public SearchRequest withPeriod(String from, String to) {
        return new SearchRequest(query, scope, province, from, to, indicator, kind, minPercent, maxPercent, limit, facets, reportPeriod, offset, indicatorLabel, territory, order, eachFile);
    }

    public SearchRequest withIndicator(String i) {
        return new SearchRequest(query, scope, province, periodFrom, periodTo, i, kind, minPercent, maxPercent, limit, facets, reportPeriod, offset, indicatorLabel, territory, order, eachFile);
    }

    public SearchRequest withKind(Fact.Kind k) {
        return new SearchRequest(query, scope, province, periodFrom, periodTo, indicator, k, minPercent, maxPercent, limit, facets, reportPeriod, offset, indicatorLabel, territory, order, eachFile);
    }

    public SearchRequest withPercent(Double min, Double max) {
        return new SearchRequest(query, scope, province, periodFrom, periodTo, indicator, kind, min, max, limit, facets, reportPeriod, offset, indicatorLabel, territory, order, eachFile);
    }

    public SearchRequest withLimit(int n) {
        return new SearchRequest(query, scope, province, periodFrom, periodTo, indicator, kind, minPercent, maxPercent, n, facets, reportPeriod, offset, indicatorLabel, territory, order, eachFile);
    }

    public SearchRequest withFacets(boolean f) {
        return new SearchRequest(query, scope, province, periodFrom, periodTo, indicator, kind, minPercent, maxPercent, limit, f, reportPeriod, offset, indicatorLabel, territory, order, eachFile);
    }

    public SearchRequest withReportPeriod(String p) {
        return new SearchRequest(query, scope, province, periodFrom, periodTo, indicator, kind, minPercent, maxPercent, limit, facets, p, offset, indicatorLabel, territory, order, eachFile);
    }

    public SearchRequest withOffset(int skip) {
        return new SearchRequest(query, scope, province, periodFrom, periodTo, indicator, kind, minPercent, maxPercent, limit, facets, reportPeriod, skip, indicatorLabel, territory, order, eachFile);
    }

    public SearchRequest withIndicatorLabel(String label) {
        return new SearchRequest(query, scope, province, periodFrom, periodTo, indicator, kind, minPercent, maxPercent, limit, facets, reportPeriod, offset, label, territory, order, eachFile);
    }

    public SearchRequest withOrder(SortOrder o) {
        return new SearchRequest(query, scope, province, periodFrom, periodTo, indicator, kind, minPercent, maxPercent, limit, facets, reportPeriod, offset, indicatorLabel, territory, o == null ? SortOrder.RELEVANCE : o, eachFile);
    }

    public SearchRequest withTerritory(boolean t) {
        return new SearchRequest(query, scope, province, periodFrom, periodTo, indicator, kind, minPercent, maxPercent, limit, facets, reportPeriod, offset, indicatorLabel, t, order, eachFile);
    }

    public SearchRequest withEachFile(boolean each) {
        return new SearchRequest(query, scope, province, periodFrom, periodTo, indicator, kind, minPercent, maxPercent, limit, facets, reportPeriod, offset, indicatorLabel, territory, order, each);
    }
}
