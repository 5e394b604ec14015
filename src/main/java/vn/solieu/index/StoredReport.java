package vn.solieu.index;

import java.time.Instant;
import java.util.List;

/**
 * One imported report as the index holds it: the report document written for a readable file.
 *
 * @param file       the file as it was named at import
 * @param sha256     the hash of its bytes (how a report is looked up: never by a path)
 * @param mediaType  the detected type ("application/pdf", "text/plain", …)
 * @param title      the report's title, when one was read
 * @param province   the reporting province, when one was read
 * @param reportPeriod the report's own period ("2024-02"), when one was read
 * @param pages      pages of the extracted text (0 for formats without pages)
 * @param facts      facts read from it
 * @param importedAt when it was imported
 * @param text       the NFC text the extractor read (facts' offsets point into it); null in listings
 * @param pageStarts offset in {@code text} where each page starts, first page first
 */
public record StoredReport(String file, String sha256, String mediaType, String title, String province, String reportPeriod,
                           int pages, int facts, Instant importedAt, String text, List<Integer> pageStarts) {

    /** The 1-based page holding {@code offset}, or null for formats without pages. */
    public Integer pageAt(int offset) {
        if (pageStarts.isEmpty()) return null;
        int page = 1;
        for (int i = 0; i < pageStarts.size() && pageStarts.get(i) <= offset; i++) page = i + 1;
        return page;
    }
}
