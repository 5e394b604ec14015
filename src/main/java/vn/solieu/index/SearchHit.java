package vn.solieu.index;

import vn.solieu.facts.Fact;
import vn.solieu.ingest.Span;

import java.util.List;

/**
 * One hit: a fact (with its record) or a passage of a report.
 *
 * @param fact    the fact record exactly as indexed; null for a report passage
 * @param file    source file as it was named at import
 * @param page    1-based page of the fact or passage, null for formats without pages
 * @param snippet the quote (a fact's text, or the best passage of a report) with matches marked
 * @param copies  the same figure in other files (or elsewhere in this one), which the search
 *                folded into this hit; empty when there are none or each file's fact is a hit
 */
public record SearchHit(float score, Fact fact, String file, String sha256, Integer page,
                        String province, String reportPeriod, String title, Snippet snippet, List<Copy> copies) {

    /** Where else the figure of a hit is stated: file, page and the fact's id there. */
    public record Copy(String file, String sha256, Integer page, String id) {
        /** "file:page", or the file alone for formats without pages. */
        public String where() {
            return page == null ? file : file + ":" + page;
        }
    }

    /** Text with the character ranges the query matched, so each output format marks them its own way. */
    public record Snippet(String text, List<Span> matches) {
        /** The text with each match wrapped in {@code open} … {@code close}. */
        public String marked(String open, String close) {
            StringBuilder sb = new StringBuilder(text.length() + matches.size() * (open.length() + close.length()));
            int at = 0;
            for (Span m : matches) {
                if (m.start() < at) continue;
                sb.append(text, at, m.start()).append(open).append(text, m.start(), m.end()).append(close);
                at = m.end();
            }
            return sb.append(text, at, text.length()).toString();
        }
    }
}
