package vn.solieu.facts;

import vn.solieu.ingest.SourceDocument;
import vn.solieu.ingest.Table;
import vn.solieu.rules.RuleBook;
import vn.solieu.structure.Block;
import vn.solieu.structure.Outline;
import vn.solieu.tables.TableReader;
import vn.solieu.tables.TableVocabulary;

import java.util.ArrayList;
import java.util.List;

/**
 * The facts of a document's tables ({@link SourceDocument#tables()}): each figure cell a record,
 * its indicator from the row's header, its meaning from the column's (see
 * extraction-rules/tables.yaml and {@link TableReader}). The section is the heading path above
 * the table and its caption; provenance spans the cells a figure was read from, and the quoted
 * text is the row. {@link FactExtractor} leaves the figures inside such tables to this class.
 */
final class TableFacts {
    private final RuleBook rules;
    private final TableReader reader;
    private final Periods periods;

    TableFacts(RuleBook rules, Periods periods) {
        this.rules = rules;
        this.reader = new TableReader(TableVocabulary.load(rules.dir()));
        this.periods = periods;
    }

    /** The tables whose figures are read here (those with a figure cell), so the text stage skips them. */
    List<Table> dataTables(SourceDocument doc) {
        List<Table> out = new ArrayList<>();
        for (Table t : doc.tables()) if (reader.hasFigures(t)) out.add(t);
        return out;
    }

    List<Fact> extract(SourceDocument doc, Outline outline, ReportInfo report) {
        List<Fact> facts = new ArrayList<>();
        for (Table table : dataTables(doc)) {
            List<String> section = sectionOf(table, outline);
            Period period = null;
            for (int i = section.size() - 1; i >= 0 && period == null; i--) period = periods.lastBefore(section.get(i), section.get(i).length());
            for (TableReader.TableFigure f : reader.read(table)) {
                Fact fact = new Fact();
                String rule;
                switch (f.kind()) {
                    case RATIO -> {
                        fact.kind = Fact.Kind.ratio;
                        fact.numerator = f.numerator();
                        fact.denominator = f.denominator();
                        fact.percent = f.percent();
                        fact.percentText = f.percentText();
                        rule = "tables.ratio";
                    }
                    case PERCENT -> {
                        fact.kind = Fact.Kind.percent;
                        fact.value = f.value();
                        fact.change = false;
                        fact.percentText = f.percentText();
                        rule = "tables.percent";
                    }
                    default -> {
                        fact.kind = Fact.Kind.count;
                        fact.value = f.value();
                        rule = "tables.count";
                    }
                }
                fact.unit = f.unit();
                fact.indicator = f.label();
                fact.section = new ArrayList<>(section);
                fact.indicatorId = rules.indicators().match(fact.indicator, fact.section).map(i -> i.id()).orElse(null);
                fact.period = period;
                fact.province = report.province();
                fact.reportPeriod = report.reportPeriod();
                fact.source = new Source(doc.file(), doc.sha256(), doc.pageAt(f.start()), f.start(), f.end());
                fact.text = f.row();
                fact.rule = rule;
                fact.ocr = doc.isOcrAt(f.start());
                fact.ocrConfidence = doc.ocrConfidenceAt(f.start());
                fact.id = FactExtractor.id(doc.sha256(), rule, fact.kind, f.start(), f.end());
                facts.add(fact);
            }
        }
        return facts;
    }

    /** The heading path of the last block before the table, that block itself when it is a heading, then the caption. */
    static List<String> sectionOf(Table table, Outline outline) {
        List<String> section = new ArrayList<>();
        Block before = null;
        for (Block b : outline.blocks()) {
            if (b.kind() == Block.Kind.FOOTNOTE || b.docStart() >= table.span().start()) continue;
            if (before == null || b.docStart() > before.docStart()) before = b;
        }
        if (before != null) {
            section.addAll(before.section());
            if (before.kind() == Block.Kind.HEADING) section.add(before.text());
        }
        String caption = table.caption();
        if (caption != null && !caption.isBlank() && (section.isEmpty() || !section.get(section.size() - 1).equals(caption.strip()))) {
            section.add(vn.solieu.text.VietText.foldSpace(caption));
        }
        return section;
    }
}
