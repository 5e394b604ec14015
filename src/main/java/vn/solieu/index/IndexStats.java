package vn.solieu.index;

import vn.solieu.index.SearchResult.FacetCount;

import java.util.List;
import java.util.Map;

/**
 * What an index holds.
 *
 * @param reports       files imported and readable
 * @param failed        files that could not be read at their last import (retried on the next one)
 * @param facts         fact documents
 * @param reportsBy     reports counted by province and by report period
 * @param factsBy       facts counted by province, report period and kind
 */
public record IndexStats(long reports, long failed, long facts,
                         Map<String, List<FacetCount>> reportsBy, Map<String, List<FacetCount>> factsBy) {}
