package vn.solieu.audit;

import vn.solieu.facts.Fact;
import vn.solieu.reference.Indicator;
import vn.solieu.reference.Indicators;
import vn.solieu.rules.RulesDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs the seven checks over a stream of facts, in one pass:
 * <pre>
 *   fact ──▶ ratio_over_one, percent_mismatch                      (the fact alone)
 *        ──▶ buffer of the current report ──▶ parts_vs_total, period_anomaly   (when the file changes)
 *        ──▶ CrossReport: figures only ──▶ conflicting_duplicate, cumulative_decrease,
 *                                          cross_province_outlier             (at finish)
 * </pre>
 * Facts of one file are expected together (as extract and the index give them); only the
 * current report is buffered. A fact without {@code indicatorId} is matched against the
 * canonical indicators by its label, so the cross-report checks work on older extractions too.
 *
 * <p>Use: {@code new Auditor(indicators)}, {@link #accept} every fact, then {@link #finish};
 * or {@link #run(Iterable)}. Not thread-safe; one Auditor per audit.
 */
public final class Auditor implements Consumer<Fact> {
    private final Indicators indicators;
    private final List<AuditFinding> findings = new ArrayList<>();
    private final CrossReport crossReport = new CrossReport();
    private final List<Fact> report = new ArrayList<>();
    private String reportFile;
    private long facts;
    private long reports;
    private boolean finished;

    /** {@code indicators} may be null: facts then need their own {@code indicatorId} for the cross-report checks. */
    public Auditor(Indicators indicators) {
        this.indicators = indicators;
    }

    /** An auditor with the canonical indicators of a rules folder (null: the bundled rules). */
    public static Auditor withRules(Path rulesDir) {
        return new Auditor(Indicators.load(RulesDir.resolve(rulesDir)));
    }

    /** Audits all facts and returns the findings, most severe first. */
    public List<AuditFinding> run(Iterable<Fact> facts) {
        for (Fact f : facts) accept(f);
        return finish();
    }

    @Override
    public void accept(Fact f) {
        if (finished) throw new IllegalStateException("this audit is finished; start a new Auditor");
        facts++;
        FactChecks.ratioOverOne(f).ifPresent(findings::add);
        FactChecks.percentMismatch(f).ifPresent(findings::add);
        String file = f.source == null ? null : f.source.file();
        if (!Objects.equals(file, reportFile)) flushReport();
        reportFile = file;
        report.add(f);
        Optional<Indicator> indicator = indicatorOf(f);
        crossReport.add(f, indicator.map(Indicator::id).orElse(f.indicatorId), indicator.map(Indicator::cumulative).orElse(false),
                indicator.map(Indicator::name).orElse(null));
    }

    /** Runs the checks that need every report and returns all findings: by severity, then province, file and place. */
    public List<AuditFinding> finish() {
        if (!finished) {
            flushReport();
            findings.addAll(crossReport.finish());
            findings.sort(ORDER);
            finished = true;
        }
        return List.copyOf(findings);
    }

    public long factsSeen() {
        return facts;
    }

    public long reportsSeen() {
        return reports;
    }

    private void flushReport() {
        if (report.isEmpty()) return;
        reports++;
        findings.addAll(PartsVsTotal.check(report));
        findings.addAll(PeriodAnomaly.check(report));
        report.clear();
    }

    private Optional<Indicator> indicatorOf(Fact f) {
        if (indicators == null) return Optional.empty();
        if (f.indicatorId != null) return indicators.byId(f.indicatorId);
        return indicators.match(f.indicator, f.section);
    }

    static final Comparator<AuditFinding> ORDER = Comparator
            .comparing(AuditFinding::severity)
            .thenComparing(a -> a.province() == null ? "\uffff" : a.province())
            .thenComparing(a -> a.evidence().isEmpty() || a.evidence().get(0).file() == null ? "" : a.evidence().get(0).file())
            .thenComparingInt(a -> a.evidence().isEmpty() ? 0 : a.evidence().get(0).start());
}
