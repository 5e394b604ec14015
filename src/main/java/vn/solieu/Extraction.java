package vn.solieu;

import vn.solieu.facts.Fact;
import vn.solieu.facts.ReportInfo;
import vn.solieu.ingest.SourceDocument;

import java.util.List;

/** Everything the pipeline read from one file. */
public record Extraction(SourceDocument document, ReportInfo report, List<Fact> facts) {}
