package vn.solieu.cli;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import vn.solieu.facts.Fact;
import vn.solieu.facts.FactJson;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Prints facts as JSON Lines, CSV or an aligned table. Close it to flush (the table is laid out at the end). */
public abstract class FactWriter implements AutoCloseable {
    protected final PrintWriter out;

    protected FactWriter(PrintWriter out) {
        this.out = out;
    }

    public static FactWriter of(OutputFormat format, PrintWriter out) {
        return switch (format) {
            case jsonl -> new Jsonl(out);
            case csv -> new Csv(out);
            case table -> new Table(out);
            case html -> throw new IllegalArgumentException("html is for audit findings; use jsonl, csv or table");
        };
    }

    public abstract void write(Fact fact);

    @Override
    public void close() {
        out.flush();
    }

    /** The flat columns shared by CSV and the table. */
    static Map<String, String> columns(Fact f) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("kind", f.kind.name());
        row.put("figure", figure(f));
        row.put("unit", nz(f.unit));
        row.put("indicator", f.indicator);
        row.put("indicatorId", nz(f.indicatorId));
        row.put("province", nz(f.province));
        row.put("reportPeriod", nz(f.reportPeriod));
        row.put("period", f.period == null ? "" : f.period.toMap().values().stream().map(Object::toString).reduce((a, b) -> a + ".." + b).orElse(""));
        row.put("section", String.join(" › ", f.section));
        row.put("file", f.source.file());
        row.put("page", f.source.page() == null ? "" : f.source.page().toString());
        row.put("start", Integer.toString(f.source.start()));
        row.put("end", Integer.toString(f.source.end()));
        row.put("text", f.text);
        row.put("rule", f.rule);
        row.put("id", f.id);
        return row;
    }

    /** "1512/1546 (97,8%)" style figure for people. */
    static String figure(Fact f) {
        return switch (f.kind) {
            case ratio -> fmt(f.numerator) + "/" + fmt(f.denominator) + (f.percent == null ? "" : " = " + fmt(f.percent) + "%");
            case percent -> (Boolean.TRUE.equals(f.change) ? "Δ " : "") + fmt(f.value) + "%";
            case count -> fmt(f.value);
        };
    }

    static String fmt(Double d) {
        if (d == null) return "";
        if (d == Math.rint(d)) return String.format(Locale.ROOT, "%d", d.longValue());
        return String.format(Locale.ROOT, "%s", d);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    static final class Jsonl extends FactWriter {
        Jsonl(PrintWriter out) {
            super(out);
        }

        @Override
        public void write(Fact fact) {
            out.println(FactJson.toJson(fact));
        }
    }

    static final class Csv extends FactWriter {
        private final CsvMapper mapper = new CsvMapper();
        private boolean header = true;

        Csv(PrintWriter out) {
            super(out);
        }

        @Override
        public void write(Fact fact) {
            Map<String, String> row = columns(fact);
            CsvSchema.Builder b = CsvSchema.builder();
            row.keySet().forEach(b::addColumn);
            CsvSchema schema = b.build().withHeader();
            if (!header) schema = schema.withoutHeader();
            header = false;
            try {
                out.print(mapper.writer(schema).writeValueAsString(row));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Aligned columns; widths count code points so Vietnamese letters line up. */
    static final class Table extends FactWriter {
        private static final List<String> SHOWN = List.of("kind", "figure", "unit", "indicator", "province", "reportPeriod", "file", "page");
        private static final int MAX = 48;
        private final List<Map<String, String>> rows = new ArrayList<>();

        Table(PrintWriter out) {
            super(out);
        }

        @Override
        public void write(Fact fact) {
            rows.add(columns(fact));
        }

        @Override
        public void close() {
            int[] width = new int[SHOWN.size()];
            for (int i = 0; i < SHOWN.size(); i++) width[i] = SHOWN.get(i).length();
            for (Map<String, String> r : rows) {
                for (int i = 0; i < SHOWN.size(); i++) width[i] = Math.max(width[i], Math.min(MAX, len(r.get(SHOWN.get(i)))));
            }
            Map<String, String> head = new LinkedHashMap<>();
            SHOWN.forEach(c -> head.put(c, c));
            line(head, width);
            StringBuilder rule = new StringBuilder();
            for (int w : width) rule.append("-".repeat(w)).append("  ");
            out.println(rule.toString().stripTrailing());
            for (Map<String, String> r : rows) line(r, width);
            out.println(rows.size() + " records");
            super.close();
        }

        private void line(Map<String, String> r, int[] width) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < SHOWN.size(); i++) {
                String v = clip(r.get(SHOWN.get(i)), width[i]);
                sb.append(v).append(" ".repeat(width[i] - len(v) + 2));
            }
            out.println(sb.toString().stripTrailing());
        }

        private static int len(String s) {
            return s.codePointCount(0, s.length());
        }

        private static String clip(String s, int w) {
            if (len(s) <= w) return s;
            return s.substring(0, s.offsetByCodePoints(0, w - 1)) + "…";
        }
    }
}
