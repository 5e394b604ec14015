package vn.solieu.web;

import vn.solieu.audit.AuditFinding.Evidence;
import vn.solieu.facts.Fact;
import vn.solieu.index.StoredReport;

/**
 * Where a figure can be checked: the page of the PDF, served by the app and opened at that page,
 * or, for other formats, the passage of the extracted text with the figure marked. Links name
 * a report by the hash of its bytes only.
 */
final class Links {
    private Links() {}

    static boolean isPdf(StoredReport r) {
        return r != null && r.mediaType() != null && r.mediaType().startsWith("application/pdf");
    }

    static String source(Library lib, String sha256, Integer page, int start, int end) {
        if (sha256 == null) return null;
        StoredReport r = lib.reports.get(sha256);
        if (r == null) return null;
        if (isPdf(r)) return "/file/" + sha256 + (page == null ? "" : "#page=" + page);
        return Url.of("/passage/" + sha256).with("start", start).with("end", end) + "#mark";
    }

    static String source(Library lib, Fact f) {
        return f.source == null ? null : source(lib, f.source.sha256(), f.source.page(), f.source.start(), f.source.end());
    }

    static String source(Library lib, Evidence e) {
        return source(lib, lib.shaByFile.get(e.file()), e.page(), e.start(), e.end());
    }

    /** "report.pdf, trang 3": the file's own name (the full path goes in a tooltip) and the page. */
    static String where(String file, Integer page) {
        String name = file == null ? "" : file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
        return (name.isEmpty() ? file : name) + (page == null ? "" : ", trang " + page);
    }

    /** The fact in the full text of its report. */
    static String inReport(Fact f) {
        return f.source == null ? null : inReport(f.source.sha256(), f.id);
    }

    static String inReport(String sha256, String factId) {
        return "/report/" + sha256 + (factId == null ? "" : "#f-" + factId);
    }

    static String inReport(Library lib, Evidence e) {
        String sha = lib.shaByFile.get(e.file());
        return sha == null ? null : "/report/" + sha + (e.fact() == null ? "" : "#f-" + e.fact());
    }
}
