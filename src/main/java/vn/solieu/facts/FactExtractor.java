package vn.solieu.facts;

import vn.solieu.ingest.SourceDocument;
import vn.solieu.rules.RuleBook;
import vn.solieu.structure.Outline;

import java.util.List;

/** Sections → facts, by the rules. (Being built.) */
public final class FactExtractor {
    public FactExtractor(RuleBook rules) {}

    public List<Fact> extract(SourceDocument doc, Outline outline, ReportInfo report) {
        return List.of();
    }
}
