package vn.solieu.tables;

import vn.solieu.ingest.Table;
import vn.solieu.text.VietNumber;
import vn.solieu.text.VietText;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a table's cells into figures: finds the header rows, gives each column a role from its
 * header ({@link TableVocabulary}), and reads each data row into ratios, percents and counts
 * labelled by the row's header. A table with no figure cell (a layout table holding the
 * letterhead, say) gives nothing. Thread-safe.
 */
public final class TableReader {
    /** A figure cell: the whole cell is one number, maybe with "%" ("1.229", "97,8", "100 %"). */
    private static final Pattern NUMBER_CELL = Pattern.compile("(\\d[\\d.,]*)\\s*(%)?");
    /** A ratio written in one cell: "399/587". */
    private static final Pattern RATIO_CELL = Pattern.compile("(\\d[\\d.,]*)\\s*/\\s*(\\d[\\d.,]*)");

    private final TableVocabulary vocabulary;

    public TableReader(TableVocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    public enum Kind { RATIO, PERCENT, COUNT }

    /**
     * One figure of a table row.
     *
     * @param kind        ratio, percent or count
     * @param numerator   ratio: the part
     * @param denominator ratio: the whole
     * @param percent     ratio: the stated percent, or null; percent: null
     * @param value       percent and count: the figure
     * @param percentText the percent as written, or null
     * @param unit        from the headers, or null
     * @param label       the row's header (the indicator)
     * @param column      the header of the figure's column (the numerator's for a ratio)
     * @param start       document offset of the first cell the figure uses
     * @param end         document offset just after the last cell it uses
     * @param row         the row as a person would quote it: its cells joined with " | "
     */
    public record TableFigure(Kind kind, Double numerator, Double denominator, Double percent, Double value, String percentText,
                              String unit, String label, String column, int start, int end, String row) {}

    /** True when some cell outside the header rows is a figure: the table's figures are read here, not from its text. */
    public boolean hasFigures(Table table) {
        int headers = headerRows(table);
        for (int r = headers; r < table.rows().size(); r++) {
            List<Table.Cell> row = table.rows().get(r);
            for (int c = 1; c < row.size(); c++) if (isFigure(row.get(c).text())) return true;
        }
        return false;
    }

    public List<TableFigure> read(Table given) {
        List<TableFigure> out = new ArrayList<>();
        int headerRows = headerRows(given);
        Table table = onGrid(given, headerRows);
        if (headerRows >= table.rows().size()) return out;
        int columns = table.columns();
        String[] headers = new String[columns];
        ColumnRole[] roles = new ColumnRole[columns];
        List<Table.Cell> lowest = table.rows().get(Math.max(0, headerRows - 1));
        for (int c = 0; c < columns; c++) {
            StringBuilder h = new StringBuilder();
            for (int r = 0; r < headerRows; r++) {
                List<Table.Cell> row = table.rows().get(r);
                if (c < row.size() && !row.get(c).text().isBlank()) {
                    if (h.length() > 0) h.append(' ');
                    h.append(row.get(c).text().strip());
                }
            }
            headers[c] = VietText.foldSpace(h.toString());
            roles[c] = vocabulary.role(headers[c]);
            // Under a group header ("Số hồ sơ tiếp nhận" over "Tổng số" and "Trực tuyến") the
            // column's own header says what it holds; the group's words only when it says nothing.
            if (headerRows > 1 && c < lowest.size()) {
                ColumnRole own = vocabulary.named(lowest.get(c).text());
                if (own != null && own != ColumnRole.INDEX) roles[c] = own;
            }
        }
        int labelColumn = labelColumn(table, headerRows, roles);
        if (labelColumn >= 0) roles[labelColumn] = ColumnRole.LABEL;
        String tableUnit = null;
        for (int c = 0; c < columns; c++) {
            if (roles[c] == ColumnRole.DENOMINATOR || roles[c] == ColumnRole.NUMERATOR) {
                String u = vocabulary.unit(headers[c]);
                if (u != null) {
                    tableUnit = u;
                    if (roles[c] == ColumnRole.DENOMINATOR) break;
                }
            }
        }
        for (int r = headerRows; r < table.rows().size(); r++) {
            readRow(table.rows().get(r), headers, roles, labelColumn, tableUnit, out);
        }
        return out;
    }

    private void readRow(List<Table.Cell> row, String[] headers, ColumnRole[] roles, int labelColumn, String tableUnit, List<TableFigure> out) {
        if (labelColumn < 0 || labelColumn >= row.size()) return;
        String label = VietText.foldSpace(row.get(labelColumn).text());
        if (label.isEmpty()) return;
        String quoted = quote(row);
        Table.Cell denominator = null;
        List<Integer> numerators = new ArrayList<>();
        int percentColumn = -1;
        for (int c = 0; c < row.size() && c < roles.length; c++) {
            if (!isFigure(row.get(c).text())) continue;
            switch (roles[c]) {
                case DENOMINATOR -> { if (denominator == null) denominator = row.get(c); }
                case NUMERATOR -> numerators.add(c);
                case PERCENT -> { if (percentColumn < 0) percentColumn = c; }
                default -> { }
            }
        }
        // The stated percent belongs to the numerator it is the rate of: the one whose share of the
        // denominator it states (to its written precision), else the nearest to its left.
        int percentOwner = -1;
        if (percentColumn >= 0 && denominator != null) {
            for (int c : numerators) if (c < percentColumn) percentOwner = c;
            if (percentOwner < 0 && !numerators.isEmpty()) percentOwner = numerators.get(0);
            Integer stated = statedShareOwner(row, numerators, denominator, row.get(percentColumn));
            if (stated != null) percentOwner = stated;
        }
        boolean percentUsed = false;
        for (int c = 0; c < row.size() && c < roles.length; c++) {
            Table.Cell cell = row.get(c);
            String t = cell.text().strip();
            if (c == labelColumn || roles[c] == ColumnRole.INDEX || !isFigure(t)) continue;
            Matcher ratio = RATIO_CELL.matcher(t);
            if (ratio.matches()) {
                Double n = VietNumber.parse(ratio.group(1), VietNumber.Context.COUNT);
                Double d = VietNumber.parse(ratio.group(2), VietNumber.Context.COUNT);
                if (n != null && d != null) out.add(new TableFigure(Kind.RATIO, n, d, null, null, null, unitOf(headers[c], tableUnit), label, headers[c], cell.start(), cell.end(), quoted));
                continue;
            }
            Matcher m = NUMBER_CELL.matcher(t);
            if (!m.matches()) continue;
            switch (roles[c]) {
                case NUMERATOR -> {
                    Double n = VietNumber.parse(m.group(1), VietNumber.Context.COUNT);
                    if (n == null) continue;
                    if (denominator != null) {
                        Double d = VietNumber.parse(number(denominator.text()), VietNumber.Context.COUNT);
                        Double p = null;
                        String pText = null;
                        int start = Math.min(cell.start(), denominator.start()), end = Math.max(cell.end(), denominator.end());
                        if (c == percentOwner) {
                            Table.Cell pc = row.get(percentColumn);
                            pText = number(pc.text());
                            p = VietNumber.parse(pText, VietNumber.Context.PERCENT);
                            start = Math.min(start, pc.start());
                            end = Math.max(end, pc.end());
                            percentUsed = true;
                        }
                        if (d != null) {
                            out.add(new TableFigure(Kind.RATIO, n, d, p, null, pText, unitOf(headers[c], tableUnit), label, headers[c], start, end, quoted));
                            continue;
                        }
                    }
                    out.add(new TableFigure(Kind.COUNT, null, null, null, n, null, unitOf(headers[c], tableUnit), label, headers[c], cell.start(), cell.end(), quoted));
                }
                case DENOMINATOR -> {
                    if (!numerators.isEmpty()) continue; // the whole of the row's ratios, not a figure of its own
                    Double v = VietNumber.parse(m.group(1), VietNumber.Context.COUNT);
                    if (v != null) out.add(new TableFigure(Kind.COUNT, null, null, null, v, null, unitOf(headers[c], tableUnit), label, headers[c], cell.start(), cell.end(), quoted));
                }
                case PERCENT -> {
                    if (c == percentColumn && percentUsed) continue;
                    Double v = VietNumber.parse(m.group(1), VietNumber.Context.PERCENT);
                    if (v != null) out.add(new TableFigure(Kind.PERCENT, null, null, null, v, m.group(1), null, label, headers[c], cell.start(), cell.end(), quoted));
                }
                default -> {
                    boolean isPercent = m.group(2) != null;
                    Double v = VietNumber.parse(m.group(1), isPercent ? VietNumber.Context.PERCENT : VietNumber.Context.COUNT);
                    if (v == null) continue;
                    if (isPercent) out.add(new TableFigure(Kind.PERCENT, null, null, null, v, m.group(1), null, label, headers[c], cell.start(), cell.end(), quoted));
                    else out.add(new TableFigure(Kind.COUNT, null, null, null, v, null, countUnit(headers[c]), label, headers[c], cell.start(), cell.end(), quoted));
                }
            }
        }
    }

    /** A ratio's unit: its column's, else the table's (the denominator header's). */
    private String unitOf(String header, String tableUnit) {
        String u = vocabulary.unit(header);
        return u != null ? u : tableUnit;
    }

    /** A count's unit: the unit its header names, else the header itself (what is counted), else null. */
    private String countUnit(String header) {
        String u = vocabulary.unit(header);
        if (u != null) return u;
        return header.isBlank() ? null : VietText.lowerFirst(header);
    }

    /**
     * Header rows: the rows at the top with no figure outside their first cell. A table whose
     * every row holds figures has no header (its columns then count as OTHER).
     */
    static int headerRows(Table table) {
        int r = 0;
        while (r < table.rows().size()) {
            List<Table.Cell> row = table.rows().get(r);
            boolean figures = false;
            for (int c = 1; c < row.size(); c++) if (isFigure(row.get(c).text())) figures = true;
            if (figures) break;
            r++;
        }
        return r == table.rows().size() ? r : Math.min(r, 3);
    }

    /**
     * The table with every row laid on the grid: a cell spanning n columns fills n of them, in
     * a header row with its text (so "Số hồ sơ" heads both "Tiếp nhận" and "Giải quyết"), in a
     * data row as itself and n - 1 empty cells. Where the format gave no spans (Tika writes a
     * Word 97 merged cell as one cell), a header row shorter than the header row under it is
     * spread over it when that reading is the only one (see {@link #spreadOver}).
     */
    static Table onGrid(Table table, int headerRows) {
        List<List<Table.Cell>> rows = new ArrayList<>(table.rows());
        boolean spans = rows.stream().anyMatch(r -> r.stream().anyMatch(c -> c.columns() > 1));
        if (!spans) {
            int width = table.columns();
            for (int r = headerRows - 2; r >= 0; r--) {
                // A PDF row ends at its last filled cell: the lower header row is padded to the table's width.
                List<Table.Cell> lower = new ArrayList<>(rows.get(r + 1));
                int end = lower.isEmpty() ? table.span().start() : lower.get(lower.size() - 1).end();
                while (lower.size() < width) lower.add(new Table.Cell("", end, end));
                List<Table.Cell> spread = spreadOver(rows.get(r), lower);
                if (spread != null) {
                    rows.set(r, spread);
                    spans = true;
                }
            }
        }
        if (!spans) return table;
        List<List<Table.Cell>> grid = new ArrayList<>(rows.size());
        for (int r = 0; r < rows.size(); r++) {
            List<Table.Cell> row = new ArrayList<>();
            for (Table.Cell c : rows.get(r)) {
                row.add(c.spanning(1));
                for (int k = 1; k < c.columns(); k++) {
                    row.add(r < headerRows ? c.spanning(1) : new Table.Cell("", c.end(), c.end()));
                }
            }
            grid.add(row);
        }
        return new Table(table.page(), table.caption(), grid, table.span());
    }

    /**
     * Spans for a header row that is shorter than the header row under it, or null. Under a cell
     * that spans one column the lower row is empty (Word leaves the merged-down cell empty); a
     * cell that heads a group stands over a run of filled lower cells. When the upper cells and
     * these places do not pair off one to one, the reading is not certain and nothing is spread.
     */
    static List<Table.Cell> spreadOver(List<Table.Cell> upper, List<Table.Cell> lower) {
        if (upper.size() >= lower.size()) return null;
        List<Table.Cell> out = new ArrayList<>(upper.size());
        int u = 0, c = 0;
        while (c < lower.size()) {
            if (u >= upper.size()) return null;
            int width = 1;
            if (!lower.get(c).text().isBlank()) {
                while (c + width < lower.size() && !lower.get(c + width).text().isBlank()) width++;
            }
            out.add(upper.get(u++).spanning(width));
            c += width;
        }
        return u == upper.size() ? out : null;
    }

    /** The one numerator column whose share of the denominator is the stated percent, or null. */
    private static Integer statedShareOwner(List<Table.Cell> row, List<Integer> numerators, Table.Cell denominator, Table.Cell percent) {
        String pText = number(percent.text());
        Double p = VietNumber.parse(pText, VietNumber.Context.PERCENT);
        Double d = VietNumber.parse(number(denominator.text()), VietNumber.Context.COUNT);
        if (p == null || d == null || d == 0) return null;
        double tolerance = 0.5 * Math.pow(10, -VietNumber.decimals(pText)) + 1e-9;
        Integer owner = null;
        for (int c : numerators) {
            Double n = VietNumber.parse(number(row.get(c).text()), VietNumber.Context.COUNT);
            if (n == null || Math.abs(n / d * 100 - p) > tolerance) continue;
            if (owner != null) return null;
            owner = c;
        }
        return owner;
    }

    /** The label column: the first column that is not an index and holds text, not figures, in the data rows. */
    private static int labelColumn(Table table, int headerRows, ColumnRole[] roles) {
        for (int c = 0; c < roles.length; c++) {
            if (roles[c] == ColumnRole.INDEX) continue;
            int text = 0, figures = 0;
            for (int r = headerRows; r < table.rows().size(); r++) {
                List<Table.Cell> row = table.rows().get(r);
                if (c >= row.size() || row.get(c).text().isBlank()) continue;
                if (isFigure(row.get(c).text())) figures++;
                else text++;
            }
            if (text > figures) return c;
            if (figures > 0) return -1;
        }
        return -1;
    }

    static boolean isFigure(String cell) {
        String t = cell.strip();
        return NUMBER_CELL.matcher(t).matches() || RATIO_CELL.matcher(t).matches();
    }

    private static String number(String cell) {
        Matcher m = NUMBER_CELL.matcher(cell.strip());
        return m.matches() ? m.group(1) : cell.strip();
    }

    private static String quote(List<Table.Cell> row) {
        StringBuilder sb = new StringBuilder();
        for (Table.Cell c : row) {
            if (c.text().isBlank()) continue;
            if (sb.length() > 0) sb.append(" | ");
            sb.append(VietText.foldSpace(c.text()));
        }
        return sb.toString();
    }
}
