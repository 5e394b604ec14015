package vn.solieu.facts;

import vn.solieu.ingest.SourceDocument;
import vn.solieu.reference.Indicator;
import vn.solieu.rules.RuleBook;
import vn.solieu.structure.Block;
import vn.solieu.structure.Outline;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sections → facts. For every block: find its figures (stage 1 regex, stage 2 TokensRegex, see
 * {@link FigureFinder}), then give each the record's context: indicator label, section path,
 * period, the quoted sentence, provenance and a stable id. Thread-safe.
 */
public final class FactExtractor {
    private final FigureFinder finder;
    private final Labels labels;
    private final Periods periods;
    private final RuleBook rules;
    private final TableFacts tables;

    public FactExtractor(RuleBook rules) {
        this.rules = rules;
        this.finder = new FigureFinder(rules);
        this.labels = new Labels(rules);
        this.periods = new Periods(rules);
        this.tables = new TableFacts(rules, periods);
    }

    public List<Fact> extract(SourceDocument doc, Outline outline, ReportInfo report) {
        List<Fact> facts = new ArrayList<>();
        // Figures in tables are read cell by cell (TableFacts), not from the rows' text.
        List<vn.solieu.ingest.Table> dataTables = tables.dataTables(doc);
        // The same headings sit above many blocks: each is read for a period once per document.
        Map<String, Optional<Period>> headingPeriods = new HashMap<>();
        Map<String, Optional<Indicator>> headingIndicators = new HashMap<>();
        FigureFinder.Scan figureScan = finder.scan();
        for (Block block : outline.blocks()) {
            int from = block.marker().isEmpty() ? 0 : Math.min(block.text().length(), block.marker().length());
            List<Figure> figures = figureScan.find(block.text(), from);
            if (figures.isEmpty()) continue;
            int previousEnd = from;
            // Period phrases are read once per block, not once per figure.
            List<Periods.Found> blockPeriods = periods.all(block.text());
            Period headingPeriod = headingPeriod(block, headingPeriods);
            List<int[]> sentenceEnds = sentenceEnds(block.text());
            String previousLabel = null;
            int previousSentence = -1;
            for (int k = 0; k < figures.size(); k++) {
                Figure f = figures.get(k);
                if (f.dropped || f.kind == Fact.Kind.percent && f.attachedTo != null) continue;
                if (inTable(dataTables, block.docOffset(f.start))) continue;
                int[] sentence = sentence(sentenceEnds, block.text(), f.start, f.factEnd(), block.kind() != Block.Kind.BULLET);
                if (sentence[0] != previousSentence) previousLabel = null;
                previousSentence = sentence[0];
                Fact fact = new Fact();
                fact.kind = f.kind;
                switch (f.kind) {
                    case ratio -> {
                        fact.numerator = f.numerator;
                        fact.denominator = f.denominator;
                        if (f.percent != null) {
                            fact.percent = f.percent.value;
                            fact.percentText = f.percent.valueText;
                        }
                    }
                    case percent -> {
                        fact.value = f.value;
                        fact.change = f.change;
                        fact.percentText = f.valueText;
                    }
                    case count -> fact.value = f.value;
                }
                fact.unit = f.unit;
                fact.approximate = f.approximate || f.percent != null && f.percent.approximate;
                fact.bound = f.bound;
                int nextStart = block.text().length();
                for (int n = k + 1; n < figures.size(); n++) {
                    if (figures.get(n).start >= f.factEnd()) {
                        nextStart = figures.get(n).start;
                        break;
                    }
                }
                fact.indicator = labels.label(new Labels.Place(block.text(), from, Math.max(from, Math.min(previousEnd, f.start)),
                        f.start, f.end, f.percent == null ? -1 : f.percent.start, f.factEnd(), nextStart, f.kind == Fact.Kind.count, f.unit, previousLabel,
                        f.kind == Fact.Kind.percent && f.change));
                if (fact.indicator.isEmpty()) fact.indicator = fallbackLabel(block);
                previousLabel = fact.indicator;
                previousEnd = f.factEnd();
                fact.section = new ArrayList<>(block.section());
                fact.indicatorId = indicatorId(fact.indicator, fact.section, headingIndicators);
                fact.period = period(blockPeriods, headingPeriod, f.start);
                fact.province = report.province();
                fact.reportPeriod = report.reportPeriod();
                int start = block.docOffset(f.start);
                int end = block.docEnd(f.factEnd());
                fact.source = new Source(doc.file(), doc.sha256(), doc.pageAt(start), start, end);
                fact.text = block.text().substring(sentence[0], sentence[1]);
                fact.rule = f.rule;
                fact.ocr = doc.isOcrAt(start);
                fact.ocrConfidence = doc.ocrConfidenceAt(start);
                fact.id = id(doc.sha256(), f.rule, fact.kind, start, end);
                facts.add(fact);
            }
        }
        facts.addAll(tables.extract(doc, outline, report));
        // Document order, table cells and footnotes included, so output reads like the report.
        facts.sort(java.util.Comparator.comparingInt((Fact f) -> f.source.start()).thenComparingInt(f -> f.source.end()));
        return facts;
    }

    private static boolean inTable(List<vn.solieu.ingest.Table> tables, int offset) {
        for (vn.solieu.ingest.Table t : tables) if (t.span().contains(offset)) return true;
        return false;
    }

    /** A figure in a heading or a bullet with nothing before it is named by its section. */
    private static String fallbackLabel(Block block) {
        if (!block.section().isEmpty()) return block.section().get(block.section().size() - 1);
        String t = block.text();
        return t.length() > 80 ? t.substring(0, 80) : t;
    }

    /** The period of the block's headings, innermost first: the same for every figure of the block. */
    private Period headingPeriod(Block block, Map<String, Optional<Period>> known) {
        List<String> section = block.section();
        for (int i = section.size() - 1; i >= 0; i--) {
            Period h = known.computeIfAbsent(section.get(i), heading -> Optional.ofNullable(periods.lastBefore(heading, heading.length()))).orElse(null);
            if (h != null) return h;
        }
        return null;
    }

    /**
     * What {@code indicators().match(label, section)} gives: the label's indicator, else the
     * innermost heading's that names one. Headings are matched once per document.
     */
    private String indicatorId(String label, List<String> section, Map<String, Optional<Indicator>> known) {
        Optional<Indicator> found = rules.indicators().match(label);
        for (int i = section.size() - 1; i >= 0 && found.isEmpty(); i--) {
            found = known.computeIfAbsent(section.get(i), heading -> rules.indicators().match(heading));
        }
        return found.map(Indicator::id).orElse(null);
    }

    /** The last period phrase of the block before the figure, else the headings'. */
    private static Period period(List<Periods.Found> inBlock, Period fromHeadings, int figStart) {
        Period last = null;
        for (Periods.Found f : inBlock) if (f.end() <= figStart) last = f.period();
        return last != null ? last : fromHeadings;
    }

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[\\p{Lu}\\d(“\"+-])");
    private static final int LONG_SENTENCE = 400;

    /** The sentence breaks of a block (start and end of each), found once for all its figures. */
    private static List<int[]> sentenceEnds(String text) {
        List<int[]> ends = new ArrayList<>();
        Matcher m = SENTENCE_END.matcher(text);
        while (m.find()) ends.add(new int[] {m.start(), m.end()});
        return ends;
    }

    /**
     * The sentence holding [start, end). A very long prose sentence is narrowed to its ";" clause;
     * a bullet is quoted whole, as a person would quote it.
     */
    private static int[] sentence(List<int[]> sentenceEnds, String text, int start, int end, boolean narrow) {
        int s = 0, e = text.length();
        for (int[] m : sentenceEnds) {
            if (m[1] <= start) s = m[1];
            else if (m[0] >= end) {
                e = m[0];
                break;
            }
        }
        if (narrow && e - s > LONG_SENTENCE) {
            int semiBefore = text.lastIndexOf("; ", start);
            int semiAfter = text.indexOf(';', end);
            if (semiBefore >= s) s = semiBefore + 2;
            if (semiAfter >= 0 && semiAfter < e) e = semiAfter + 1;
        }
        return new int[] {s, e};
    }

    /** Same file bytes, same rule, same place: same id, so re-imports never duplicate a fact. */
    static String id(String sha256, String rule, Fact.Kind kind, int start, int end) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] h = md.digest((sha256 + '|' + rule + '|' + kind + '|' + start + '|' + end).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
