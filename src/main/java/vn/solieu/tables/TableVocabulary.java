package vn.solieu.tables;

import vn.solieu.rules.RuleFile;
import vn.solieu.text.VietText;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The column-header vocabulary of extraction-rules/tables.yaml and the units of units.yaml:
 * which role a header gives its column, and what unit it names. Immutable, thread-safe.
 */
public final class TableVocabulary {
    public static final String FILE = "tables.yaml";

    private record Phrase(ColumnRole role, String key) {}

    private final List<String> index;
    private final List<Phrase> percent;
    /** Denominator, numerator and count phrases, longest first: the longest match wins. */
    private final List<Phrase> parts;
    private final List<String> units;
    private final List<Map<String, Object>> examples;

    private TableVocabulary(Map<String, Object> yaml, List<String> units) {
        Map<String, Object> columns = yaml.get("columns") instanceof Map<?, ?> m ? castMap(m) : Map.of();
        this.index = RuleFile.strings(columns, "index").stream().map(TableVocabulary::key).toList();
        this.percent = RuleFile.strings(columns, "percent").stream().map(p -> new Phrase(ColumnRole.PERCENT, key(p))).toList();
        List<Phrase> p = new ArrayList<>();
        for (String s : RuleFile.strings(columns, "denominator")) p.add(new Phrase(ColumnRole.DENOMINATOR, key(s)));
        for (String s : RuleFile.strings(columns, "numerator")) p.add(new Phrase(ColumnRole.NUMERATOR, key(s)));
        for (String s : RuleFile.strings(columns, "count")) p.add(new Phrase(ColumnRole.OTHER, key(s)));
        p.sort(Comparator.comparingInt((Phrase x) -> x.key.length()).reversed());
        this.parts = List.copyOf(p);
        this.units = units.stream().map(VietText::nfc).sorted(Comparator.comparingInt(String::length).reversed()).toList();
        this.examples = RuleFile.list(yaml, "examples");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }

    /** Loads tables.yaml and units.yaml from a rules folder (missing files give an empty vocabulary). */
    public static TableVocabulary load(Path rulesDir) {
        return new TableVocabulary(RuleFile.read(rulesDir, FILE), RuleFile.strings(RuleFile.read(rulesDir, "units.yaml"), "units"));
    }

    /** The examples of tables.yaml (caption, rows, expected records), for the test that runs them. */
    public List<Map<String, Object>> examples() {
        return examples;
    }

    /**
     * The role a header gives: INDEX on an exact match, PERCENT when it holds a percent phrase,
     * else the denominator or numerator phrase it holds that is longest, else OTHER.
     */
    public ColumnRole role(String header) {
        ColumnRole named = named(header);
        return named == null ? ColumnRole.OTHER : named;
    }

    /** The role a header's own words name (as {@link #role}), or null when it holds none of the phrases. */
    public ColumnRole named(String header) {
        String h = key(header);
        if (h.isEmpty()) return null;
        if (index.contains(h)) return ColumnRole.INDEX;
        for (Phrase p : percent) if (containsWords(h, p.key) || p.key.equals("%") && header.contains("%")) return ColumnRole.PERCENT;
        for (Phrase p : parts) if (containsWords(h, p.key)) return p.role;
        return null;
    }

    /** The unit a header names ("Tổng số hồ sơ" → "hồ sơ"), as units.yaml writes it, or null. */
    public String unit(String header) {
        String h = key(header);
        for (String u : units) if (containsWords(h, key(u))) return VietText.lowerFirst(u);
        return null;
    }

    private static boolean containsWords(String text, String phrase) {
        return !phrase.isEmpty() && (" " + text + " ").contains(" " + phrase + " ");
    }

    /** Lower case, one tone placement, punctuation as spaces ("Tỷ lệ (%)" → "tỷ lệ %"). */
    static String key(String s) {
        String k = VietText.matchKey(s).replaceAll("[^\\p{L}\\p{N}%]+", " ");
        return VietText.foldSpace(k.replace("%", " % "));
    }
}
