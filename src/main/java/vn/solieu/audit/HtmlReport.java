package vn.solieu.audit;

import vn.solieu.audit.AuditFinding.Evidence;
import vn.solieu.audit.AuditFinding.Severity;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One self-contained HTML page an auditor can read and forward: inline CSS, no scripts, no
 * external resources; findings grouped by severity, then province; each with its message and,
 * for every fact involved, the quoted sentence with the figure highlighted, file and page.
 * Every value from a report is HTML-escaped.
 */
public final class HtmlReport {
    private HtmlReport() {}

    private static final String CSS = """
            body{font-family:"DejaVu Sans",Arial,sans-serif;margin:2em auto;max-width:60em;color:#222;line-height:1.45}
            h1{font-size:1.5em}h2{margin-top:1.6em;padding:.2em .5em;border-radius:4px}
            h2.error{background:#fde2e1}h2.warning{background:#fff1cc}h2.info{background:#e3eefc}
            h3{font-size:1.05em;margin:1.2em 0 .4em;border-bottom:1px solid #ddd}
            .finding{margin:.6em 0 1em;padding:.5em .8em;border-left:4px solid #bbb}
            .finding.error{border-color:#c62828}.finding.warning{border-color:#e0a800}.finding.info{border-color:#1e6fd9}
            .check{font-family:monospace;font-size:.85em;color:#555}
            .message{margin:.2em 0 .4em}
            blockquote{margin:.3em 0 .3em 1em;padding:.2em .6em;background:#f7f7f7;font-size:.92em}
            mark{background:#ffe066;padding:0 .1em}
            .where{font-size:.85em;color:#555}
            table.summary td,table.summary th{padding:.1em .8em;text-align:left}
            """;

    public static String render(List<AuditFinding> findings) {
        Map<Severity, Map<String, List<AuditFinding>>> grouped = new EnumMap<>(Severity.class);
        for (AuditFinding f : findings) {
            grouped.computeIfAbsent(f.severity(), k -> new TreeMap<>())
                    .computeIfAbsent(f.province() == null ? "(province unknown)" : f.province(), k -> new ArrayList<>()).add(f);
        }
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\"><title>solieu audit</title><style>")
                .append(CSS).append("</style></head><body>\n<h1>solieu audit: ").append(findings.size()).append(" findings</h1>\n");
        h.append("<table class=\"summary\"><tr><th>severity</th><th>findings</th><th>meaning</th></tr>\n");
        for (Severity s : Severity.values()) {
            int n = grouped.getOrDefault(s, Map.of()).values().stream().mapToInt(List::size).sum();
            h.append("<tr><td>").append(s).append("</td><td>").append(n).append("</td><td>").append(meaning(s)).append("</td></tr>\n");
        }
        h.append("</table>\n");
        for (Map.Entry<Severity, Map<String, List<AuditFinding>>> bySeverity : grouped.entrySet()) {
            Severity s = bySeverity.getKey();
            h.append("<h2 class=\"").append(s).append("\">").append(s).append("</h2>\n");
            for (Map.Entry<String, List<AuditFinding>> byProvince : bySeverity.getValue().entrySet()) {
                h.append("<h3>").append(esc(byProvince.getKey())).append("</h3>\n");
                for (AuditFinding f : byProvince.getValue()) finding(h, f);
            }
        }
        if (findings.isEmpty()) h.append("<p>No figure failed a check.</p>\n");
        h.append("</body></html>\n");
        return h.toString();
    }

    private static void finding(StringBuilder h, AuditFinding f) {
        h.append("<div class=\"finding ").append(f.severity()).append("\">");
        h.append("<div class=\"check\">").append(esc(f.check()));
        if (f.reportPeriod() != null) h.append(" · ").append(esc(f.reportPeriod()));
        h.append("</div><div class=\"message\">").append(esc(f.message())).append("</div>\n");
        for (Evidence e : f.evidence()) {
            h.append("<blockquote>").append(marked(e)).append("</blockquote>");
            h.append("<div class=\"where\">").append(esc(e.file() == null ? "?" : e.file()));
            if (e.page() != null) h.append(", page ").append(e.page());
            h.append(", characters ").append(e.start()).append("–").append(e.end());
            h.append(" · fact ").append(esc(e.fact())).append("</div>\n");
        }
        h.append("</div>\n");
    }

    private static String marked(Evidence e) {
        String q = e.quote() == null ? "" : e.quote();
        if (e.markStart() < 0 || e.markEnd() > q.length()) return esc(q);
        return esc(q.substring(0, e.markStart())) + "<mark>" + esc(q.substring(e.markStart(), e.markEnd())) + "</mark>"
                + esc(q.substring(e.markEnd()));
    }

    private static String meaning(Severity s) {
        return switch (s) {
            case error -> "arithmetically impossible or contradictory";
            case warning -> "off beyond the rounding the report wrote";
            case info -> "unusual, worth a look";
        };
    }

    /** HTML-escapes text for element content and attribute values. */
    static String esc(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
