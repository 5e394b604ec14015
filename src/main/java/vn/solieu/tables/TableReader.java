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

    public List<TableFigure> read(Table table) {
        List<TableFigure> out = new ArrayList<>();
        int headerRows = headerRows(table);
        if (headerRows >= table.rows().size()) return out;
        int columns = table.columns();
        String[] headers = new String[columns];
        ColumnRole[] roles = new ColumnRole[columns];
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
        // The stated percent belongs to the numerator nearest to its left (the one it is the rate of).
        int percentOwner = -1;
        if (percentColumn >= 0 && denominator != null) {
            for (int c : numerators) if (c < percentColumn) percentOwner = c;
            if (percentOwner < 0 && !numerators.isEmpty()) percentOwner = numerators.get(0);
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
