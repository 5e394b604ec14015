package vn.solieu.audit;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints findings as JSON Lines (the contract's record, plus evidence), CSV (one row per
 * finding, the first evidence flattened), an aligned table for a terminal, or one HTML page
 * ({@link HtmlReport}). Close it to flush: the table and the page are laid out at the end.
 */
public abstract class FindingWriter implements AutoCloseable {
    public enum Format { jsonl, csv, table, html }

    protected final PrintWriter out;

    protected FindingWriter(PrintWriter out) {
        this.out = out;
    }

    public static FindingWriter of(Format format, PrintWriter out) {
        return switch (format) {
            case jsonl -> new Jsonl(out);
            case csv -> new Csv(out);
            case table -> new Table(out);
            case html -> new Html(out);
        };
    }

    public abstract void write(AuditFinding finding);

    @Override
    public void close() {
        out.flush();
    }

    static Map<String, String> columns(AuditFinding f) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("check", f.check());
        row.put("severity", f.severity().name());
        row.put("province", nz(f.province()));
        row.put("reportPeriod", nz(f.reportPeriod()));
        row.put("message", f.message());
        row.put("expected", f.expected() == null ? "" : VnFormat.number(f.expected()));
        row.put("actual", f.actual() == null ? "" : VnFormat.number(f.actual()));
        AuditFinding.Evidence e = f.evidence().isEmpty() ? null : f.evidence().get(0);
        row.put("file", e == null ? "" : nz(e.file()));
        row.put("page", e == null || e.page() == null ? "" : e.page().toString());
        row.put("quote", e == null ? "" : nz(e.quote()));
        row.put("facts", String.join(" ", f.facts()));
        return row;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    static final class Jsonl extends FindingWriter {
        Jsonl(PrintWriter out) {
            super(out);
        }

        @Override
        public void write(AuditFinding finding) {
            out.println(finding.toJson());
        }
    }

    static final class Csv extends FindingWriter {
        private final CsvMapper mapper = new CsvMapper();
        private boolean header = true;

        Csv(PrintWriter out) {
            super(out);
        }

        @Override
        public void write(AuditFinding finding) {
            Map<String, String> row = columns(finding);
            CsvSchema.Builder b = CsvSchema.builder();
            row.keySet().forEach(b::addColumn);
            CsvSchema schema = header ? b.build().withHeader() : b.build().withoutHeader();
            header = false;
            try {
                out.print(mapper.writer(schema).writeValueAsString(row));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Writers that lay out the whole list at the end (grouping, widths). */
    abstract static class Collected extends FindingWriter {
        protected final List<AuditFinding> findings = new ArrayList<>();

        Collected(PrintWriter out) {
            super(out);
        }

        @Override
        public void write(AuditFinding finding) {
            findings.add(finding);
        }
    }

    /** severity, check, province, where, then the message wrapped under it: messages are sentences, not cells. */
    static final class Table extends Collected {
        Table(PrintWriter out) {
            super(out);
        }

        @Override
        public void close() {
            for (AuditFinding f : findings) {
                Map<String, String> c = columns(f);
                String where = c.get("file") + (c.get("page").isEmpty() ? "" : " p." + c.get("page"));
                out.printf("%-7s  %-22s  %-16s  %s%n", f.severity(), f.check(), c.get("province"), where);
                out.println("         " + f.message());
            }
            out.println(findings.size() + " findings");
            super.close();
        }
    }

    static final class Html extends Collected {
        Html(PrintWriter out) {
            super(out);
        }

        @Override
        public void close() {
            out.print(HtmlReport.render(findings));
            super.close();
        }
    }
}
