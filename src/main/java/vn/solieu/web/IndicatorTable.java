package vn.solieu.web;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import vn.solieu.index.Months;
import vn.solieu.web.Overview.RatePoint;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One canonical indicator across provinces and report periods: the rate each province's reports
 * give for each period. Several reports may give a cell (the same report as PDF and Word, or two
 * reports that disagree): the cell shows their mean and says when they differ.
 */
final class IndicatorTable {
    /** Label of the column for figures whose report has no period. */
    static final String NO_PERIOD = "không rõ kỳ";
    static final String NO_PROVINCE = "không rõ tỉnh";

    record Cell(List<RatePoint> points) {
        double value() {
            return points.stream().mapToDouble(RatePoint::rate).average().orElse(Double.NaN);
        }

        /** The reports give different rates (beyond rounding to 0,01). */
        boolean conflicting() {
            return points.stream().map(p -> Math.round(p.rate() * 100)).distinct().count() > 1;
        }
    }

    final String indicatorId;
    final String name;
    /** Known periods in time order, then {@link #NO_PERIOD} if any figure lacks one. */
    final List<String> periods;
    final List<String> provinces;
    final Map<String, Map<String, Cell>> cells;

    private IndicatorTable(String indicatorId, String name, List<String> periods, List<String> provinces, Map<String, Map<String, Cell>> cells) {
        this.indicatorId = indicatorId;
        this.name = name;
        this.periods = periods;
        this.provinces = provinces;
        this.cells = cells;
    }

    static IndicatorTable of(String indicatorId, String name, List<RatePoint> points) {
        Collator vi = Collator.getInstance(Locale.forLanguageTag("vi"));
        TreeSet<String> periods = new TreeSet<>(PERIOD_ORDER);
        TreeSet<String> provinces = new TreeSet<>(vi);
        Map<String, Map<String, List<RatePoint>>> grouped = new TreeMap<>(vi);
        for (RatePoint p : points) {
            String province = p.province() == null ? NO_PROVINCE : p.province();
            String period = p.reportPeriod() == null ? NO_PERIOD : p.reportPeriod();
            periods.add(period);
            provinces.add(province);
            grouped.computeIfAbsent(province, k -> new LinkedHashMap<>()).computeIfAbsent(period, k -> new ArrayList<>()).add(p);
        }
        Map<String, Map<String, Cell>> cells = new LinkedHashMap<>();
        grouped.forEach((prov, byPeriod) -> {
            Map<String, Cell> row = new LinkedHashMap<>();
            byPeriod.forEach((period, pts) -> row.put(period, new Cell(List.copyOf(pts))));
            cells.put(prov, row);
        });
        return new IndicatorTable(indicatorId, name, List.copyOf(periods), List.copyOf(provinces), cells);
    }

    /** Periods by their first month, shorter first ("2024-01" before "2024-Q1" before "2024"), the unknown last. */
    static final Comparator<String> PERIOD_ORDER = (a, b) -> {
        Months.Range ra = NO_PERIOD.equals(a) ? null : Months.parse(a), rb = NO_PERIOD.equals(b) ? null : Months.parse(b);
        if (ra == null || rb == null) {
            if (ra == null && rb == null) return a.compareTo(b);
            return ra == null ? 1 : -1;
        }
        int c = Integer.compare(ra.from(), rb.from());
        if (c == 0) c = Integer.compare(ra.to() - ra.from(), rb.to() - rb.from());
        return c != 0 ? c : a.compareTo(b);
    };

    Cell cell(String province, String period) {
        Map<String, Cell> row = cells.get(province);
        return row == null ? null : row.get(period);
    }

    /** Periods that have a place on a time axis. */
    List<String> knownPeriods() {
        return periods.stream().filter(p -> !p.equals(NO_PERIOD)).toList();
    }

    /** JSON: periods, then per province the rate of each period (null where none). */
    Map<String, Object> toMap() {
        List<Object> rows = new ArrayList<>();
        for (String prov : provinces) {
            Map<String, Object> values = new LinkedHashMap<>();
            Map<String, Object> sources = new LinkedHashMap<>();
            for (String period : periods) {
                Cell c = cell(prov, period);
                values.put(period, c == null ? null : Math.round(c.value() * 100) / 100.0);
                if (c != null) sources.put(period, c.points().stream().map(p -> Json.obj(
                        "fact", p.fact().id, "rate", Math.round(p.rate() * 100) / 100.0, "file", p.fact().source.file(),
                        "sha256", p.fact().source.sha256(), "page", p.fact().source.page())).toList());
            }
            rows.add(Json.obj("province", prov, "rates", values, "sources", sources));
        }
        return Json.obj("indicatorId", indicatorId, "name", name, "unit", "%", "periods", periods, "provinces", rows);
    }

    /**
     * Province × period as CSV: UTF-8 with a byte-order mark so that Excel shows the Vietnamese
     * letters; rates in percent with a "." decimal point, empty where no report gives one.
     */
    byte[] csv() {
        CsvSchema.Builder schema = CsvSchema.builder().addColumn("Tỉnh");
        for (String p : periods) schema.addColumn(p);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        try (Writer w = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
             SequenceWriter out = new CsvMapper().writer(schema.build().withHeader()).writeValues(w)) {
            for (String prov : provinces) {
                List<String> row = new ArrayList<>();
                row.add(prov);
                for (String period : periods) {
                    Cell c = cell(prov, period);
                    row.add(c == null ? "" : new java.math.BigDecimal(c.value()).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString());
                }
                out.write(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
