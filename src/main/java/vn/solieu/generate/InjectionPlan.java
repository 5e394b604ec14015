package vn.solieu.generate;

import vn.solieu.audit.AuditFinding;

import java.time.YearMonth;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Which checks a report gets an inconsistency for: each of the seven with probability
 * {@code rate}, from the report's own stream, so that the plan of any report (the previous
 * month's, say) can be known without writing it.
 */
public record InjectionPlan(long seed, double rate) {

    public Set<String> checksFor(String provinceId, YearMonth month) {
        SplittableRandom r = Seeds.random(seed, "inject", provinceId, month);
        Set<String> out = new LinkedHashSet<>();
        for (String check : AuditFinding.CHECKS) {
            if (r.nextDouble() < rate) out.add(check);
        }
        return out;
    }
}
