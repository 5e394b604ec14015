package vn.solieu.facts;

import vn.solieu.ingest.SourceDocument;
import vn.solieu.rules.RuleBook;
import vn.solieu.structure.Outline;

/** Reads what a report says about itself: title, province, period. (Being built.) */
public final class ReportReader {
    public ReportReader(RuleBook rules) {}

    public ReportInfo read(SourceDocument doc, Outline outline) {
        return new ReportInfo(null, null, null, null);
    }
}
