package vn.solieu.index;

import java.util.List;
import java.util.Map;

/**
 * @param totalHits every document that matched (hits holds at most the request's limit)
 * @param hits      best first
 * @param facets    dimension → values with their hit counts, most frequent first (empty when not asked)
 */
public record SearchResult(long totalHits, List<SearchHit> hits, Map<String, List<FacetCount>> facets) {
    public record FacetCount(String value, long count) {}
}
