package vn.solieu.eval;

import vn.solieu.audit.AuditFinding;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Audit accuracy per check against injected inconsistencies. A finding matches an injection of
 * the same check when one of its evidence files is the injection's file, or when it names the
 * same province and report period. Precision: matched findings / findings (a finding that
 * matches a secondary injection — one that follows from another, as an over-one ratio is also a
 * provincial outlier — is not a false alarm). Recall: primary injections with at least one
 * matching finding / primary injections.
 */
public final class AuditScore {
    public static final class Check {
        public long findings, findingsMatched, injected, injectedFound;
        public final List<String> unmatchedFindings = new ArrayList<>();
        public final List<String> missedInjections = new ArrayList<>();

        public double precision() {
            return findings == 0 ? 1 : (double) findingsMatched / findings;
        }

        public double recall() {
            return injected == 0 ? 1 : (double) injectedFound / injected;
        }
    }

    private final Map<String, Check> byCheck = new LinkedHashMap<>();

    public Map<String, Check> byCheck() {
        return byCheck;
    }

    /** {@code injected}: records of truth/inconsistencies.jsonl (check, file, province, reportPeriod, secondary). */
    public static AuditScore score(List<Map<String, Object>> injected, List<AuditFinding> findings) {
        AuditScore s = new AuditScore();
        for (String c : AuditFinding.CHECKS) s.byCheck.put(c, new Check());
        Set<Map<String, Object>> found = new HashSet<>();
        for (AuditFinding f : findings) {
            Check c = s.byCheck.computeIfAbsent(f.check(), k -> new Check());
            c.findings++;
            boolean matched = false;
            for (Map<String, Object> inj : injected) {
                if (!f.check().equals(inj.get("check")) || !matches(f, inj)) continue;
                matched = true;
                found.add(inj);
            }
            if (matched) c.findingsMatched++;
            else if (c.unmatchedFindings.size() < 50) c.unmatchedFindings.add(f.message());
        }
        for (Map<String, Object> inj : injected) {
            if (Boolean.TRUE.equals(inj.get("secondary"))) continue;
            Check c = s.byCheck.computeIfAbsent(String.valueOf(inj.get("check")), k -> new Check());
            c.injected++;
            if (found.contains(inj)) c.injectedFound++;
            else if (c.missedInjections.size() < 50) c.missedInjections.add(inj.get("file") + ": " + inj.get("description"));
        }
        return s;
    }

    static boolean matches(AuditFinding f, Map<String, Object> inj) {
        for (AuditFinding.Evidence e : f.evidence()) {
            if (Objects.equals(e.file(), inj.get("file"))) return true;
        }
        return f.province() != null && f.province().equals(inj.get("province"))
                && f.reportPeriod() != null && f.reportPeriod().equals(inj.get("reportPeriod"));
    }
}
