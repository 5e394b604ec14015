package vn.solieu.rules;

import vn.solieu.reference.Indicators;
import vn.solieu.reference.Provinces;
import vn.solieu.text.VietText;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * All rules and reference data of one rules folder, compiled once: the figure shapes
 * (figures.yaml), the relations between figures (relations.yaml), units (units.yaml), label
 * and period phrasing (labels.yaml, periods.yaml). Immutable and safe to share between threads.
 */
public final class RuleBook {
    private final Path dir;
    private final List<FigureRule> notFigures = new ArrayList<>();
    private final List<FigureRule> figures = new ArrayList<>();
    private final List<RelationRule> relations = new ArrayList<>();
    private final List<RuleExample> examples = new ArrayList<>();
    private final List<String> units;
    private final List<String> countUnits;
    private final Map<String, Object> labels;
    private final Map<String, Object> periods;
    private final Provinces provinces;
    private final Indicators indicators;

    private RuleBook(Path dir) {
        this.dir = dir;
        this.provinces = Provinces.load(dir);
        this.indicators = Indicators.load(dir);
        Map<String, Object> unitsYaml = RuleFile.read(dir, "units.yaml");
        List<String> ratioOnly = RuleFile.strings(unitsYaml, "ratio-only-units");
        this.countUnits = byLengthDesc(RuleFile.strings(unitsYaml, "units"));
        List<String> all = new ArrayList<>(countUnits);
        all.addAll(ratioOnly);
        this.units = byLengthDesc(all);

        Map<String, Object> figuresYaml = RuleFile.read(dir, "figures.yaml");
        Map<String, String> fragments = new LinkedHashMap<>();
        Object frags = figuresYaml.get("fragments");
        if (frags instanceof Map<?, ?> m) m.forEach((k, v) -> fragments.put(String.valueOf(k), String.valueOf(v)));
        fragments.put("UNIT", alternation(units));
        fragments.put("COUNT_UNIT", alternation(countUnits));
        for (Map<String, Object> r : RuleFile.list(figuresYaml, "not-figures")) {
            notFigures.add(figureRule(r, null, fragments));
            addExamples("figures.yaml", r);
        }
        for (Map<String, Object> r : RuleFile.list(figuresYaml, "figures")) {
            figures.add(figureRule(r, (String) r.get("kind"), fragments));
            addExamples("figures.yaml", r);
        }
        Map<String, Object> relationsYaml = RuleFile.read(dir, "relations.yaml");
        for (Map<String, Object> r : RuleFile.list(relationsYaml, "relations")) {
            relations.add(relationRule(r));
            addExamples("relations.yaml", r);
        }
        this.labels = RuleFile.read(dir, "labels.yaml");
        for (Map<String, Object> r : RuleFile.list(labels, "examples")) examples.add(example("labels.yaml", "labels", r));
        this.periods = RuleFile.read(dir, "periods.yaml");
        for (Map<String, Object> r : RuleFile.list(periods, "periods")) addExamples("periods.yaml", r);
        for (Map<String, Object> r : RuleFile.list(periods, "report-period")) addExamples("periods.yaml", r);
        if (figures.isEmpty()) throw new IllegalArgumentException(dir + ": no figure rules (figures.yaml missing or empty)");
    }

    public static RuleBook load(Path dir) {
        return new RuleBook(dir);
    }

    public Path dir() {
        return dir;
    }

    public List<FigureRule> notFigures() {
        return notFigures;
    }

    public List<FigureRule> figures() {
        return figures;
    }

    public List<RelationRule> relations() {
        return relations;
    }

    /** Every example of every rule file, for the test that runs them all. */
    public List<RuleExample> examples() {
        return examples;
    }

    public Map<String, Object> labels() {
        return labels;
    }

    public Map<String, Object> periods() {
        return periods;
    }

    /** The provinces before and after the 2025 merger (provinces.yaml). */
    public Provinces provinces() {
        return provinces;
    }

    /** Canonical indicators (indicators.yaml). */
    public Indicators indicators() {
        return indicators;
    }

    private static List<String> byLengthDesc(List<String> list) {
        return list.stream().map(VietText::nfc).map(VietText::canonicalTones).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    /**
     * Case-insensitive alternation; spaces inside a phrase match any run of spaces. It opens with
     * a look-ahead on the phrases' first letters: after a figure the regex engine tries every
     * phrase in turn, and most places (a digit when the number backtracks, a "/") start none.
     */
    static String alternation(List<String> phrases) {
        String alternatives = phrases.stream()
                .map(p -> Pattern.quote(p).replace(" ", "\\E\\s+\\Q"))
                .collect(Collectors.joining("|"));
        boolean guardable = !phrases.isEmpty() && phrases.stream().allMatch(p -> !p.isEmpty() && !Character.isWhitespace(p.codePointAt(0)));
        if (!guardable) return "(?iu:" + alternatives + ")";
        String firstLetters = phrases.stream().map(p -> String.format("\\x{%X}", p.codePointAt(0))).distinct().collect(Collectors.joining());
        return "(?iu:(?=[" + firstLetters + "])(?:" + alternatives + "))";
    }

    private static final Pattern FRAGMENT = Pattern.compile("(?<![pP\\\\])\\{([A-Z_]+)}");

    private static FigureRule figureRule(Map<String, Object> r, String kind, Map<String, String> fragments) {
        String id = (String) r.get("id");
        String source = (String) r.get("pattern");
        Matcher m = FRAGMENT.matcher(source);
        StringBuilder expanded = new StringBuilder();
        while (m.find()) {
            String frag = fragments.get(m.group(1));
            if (frag == null) throw new IllegalArgumentException("rule " + id + ": unknown fragment {" + m.group(1) + "}");
            m.appendReplacement(expanded, Matcher.quoteReplacement("(?:" + frag + ")"));
        }
        m.appendTail(expanded);
        try {
            return new FigureRule(id, kind, (String) r.get("comment"), Pattern.compile(expanded.toString(), Pattern.UNICODE_CHARACTER_CLASS));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("rule " + id + ": bad pattern: " + e.getDescription());
        }
    }

    @SuppressWarnings("unchecked")
    private static RelationRule relationRule(Map<String, Object> r) {
        String id = (String) r.get("id");
        List<String> sources = new ArrayList<>();
        if (r.get("pattern") != null) sources.add((String) r.get("pattern"));
        if (r.get("patterns") instanceof List<?> l) l.forEach(p -> sources.add(String.valueOf(p)));
        List<TokenStarts> compiled = new ArrayList<>();
        for (String s : sources) {
            try {
                compiled.add(TokenStarts.compile(s));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("rule " + id + ": bad TokensRegex pattern: " + e.getMessage());
            }
        }
        java.util.Set<String> requires = new java.util.HashSet<>();
        if (r.get("requires-any") instanceof List<?> l) l.forEach(w -> requires.add(VietText.canonicalTones(VietText.nfc(String.valueOf(w))).toLowerCase(java.util.Locale.ROOT)));
        return new RelationRule(id, RelationRule.Action.valueOf((String) r.get("action")), (String) r.get("comment"), compiled, Set.copyOf(requires));
    }

    private void addExamples(String file, Map<String, Object> rule) {
        for (Map<String, Object> e : RuleFile.list(rule, "examples")) examples.add(example(file, (String) rule.get("id"), e));
    }

    @SuppressWarnings("unchecked")
    private static RuleExample example(String file, String ruleId, Map<String, Object> e) {
        Object expect = e.get("expect");
        List<Map<String, Object>> list = expect instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
        return new RuleExample(file, ruleId, String.valueOf(e.get("text")), list);
    }
}
