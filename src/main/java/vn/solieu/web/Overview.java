package vn.solieu.web;

import vn.solieu.audit.AuditFinding;
import vn.solieu.audit.Auditor;
import vn.solieu.facts.Fact;
import vn.solieu.index.IndexedFacts;
import vn.solieu.reference.Indicators;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What needs every fact of the index, read in one streaming pass: the audit findings and, per
 * canonical indicator, the rate each report gives (a ratio's computed percentage, or a stated
 * percentage that is a level, not a change). Counts are not rates and are left out.
 */
final class Overview {
    /** One report's rate for an indicator, with where it was read. */
    record RatePoint(String indicatorId, String province, String reportPeriod, double rate, Fact fact) {}

    final List<AuditFinding> findings;
    final Map<String, List<RatePoint>> ratesByIndicator;
    final long facts;

    private Overview(List<AuditFinding> findings, Map<String, List<RatePoint>> rates, long facts) {
        this.findings = findings;
        this.ratesByIndicator = rates;
        this.facts = facts;
    }

    static Overview build(Path indexDir, Indicators indicators) throws IOException {
        Auditor auditor = new Auditor(indicators);
        Map<String, List<RatePoint>> rates = new TreeMap<>();
        long[] n = {0};
        IndexedFacts.forEach(indexDir, f -> {
            n[0]++;
            auditor.accept(f);
            Double rate = rate(f);
            if (rate == null) return;
            String id = f.indicatorId != null ? f.indicatorId
                    : indicators.match(f.indicator, f.section).map(i -> i.id()).orElse(null);
            if (id == null) return;
            // Keep only what the view needs of the fact: its quote and provenance.
            Fact slim = new Fact();
            slim.kind = f.kind;
            slim.numerator = f.numerator;
            slim.denominator = f.denominator;
            slim.percent = f.percent;
            slim.value = f.value;
            slim.unit = f.unit;
            slim.indicator = f.indicator;
            slim.province = f.province;
            slim.reportPeriod = f.reportPeriod;
            slim.source = f.source;
            slim.id = f.id;
            rates.computeIfAbsent(id, k -> new ArrayList<>()).add(new RatePoint(id, f.province, f.reportPeriod, rate, slim));
        });
        return new Overview(auditor.finish(), rates, n[0]);
    }

    /** The rate a fact gives: x/y × 100 for a ratio, the value of a percentage that is a level; else null. */
    static Double rate(Fact f) {
        return switch (f.kind) {
            case ratio -> f.computedPercent();
            case percent -> Boolean.TRUE.equals(f.change) ? null : f.value;
            case count -> null;
        };
    }
}
