package vn.solieu.index;

import java.util.List;
import java.util.Map;

/**
 * @param totalHits every document that matched (hits holds at most the request's limit)
 * @param hits      best first
 * @param facets    dimension → values with their hit counts, most frequent first (empty when not asked)
 * @param queryPeriod the period read from the query's own words ("tháng 2/2024" → "2024-02"), which
 *                  filtered the hits like --period-from/--period-to; null when the query names none
 * @param figures   how many different figures the matching facts state, a figure in several files
 *                  (the same report as PDF and Word) counted once: the number of hits when copies
 *                  are folded. Null when not counted: copies not folded, or more than
 *                  {@link FigureCopies#COUNTED} facts matched
 */
public record SearchResult(long totalHits, List<SearchHit> hits, Map<String, List<FacetCount>> facets, String queryPeriod, Long figures) {
    /** What to page through: the figures when copies are folded and counted, else every match. */
    public long pageable() {
        return figures != null ? figures : totalHits;
    }

    public record FacetCount(String value, long count) {}
}
