package vn.solieu.audit;

import vn.solieu.audit.AuditFinding.Evidence;
import vn.solieu.audit.AuditFinding.Severity;
import vn.solieu.facts.Fact;
import vn.solieu.text.VietNumber;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

/**
 * The checks that need one fact only: {@code ratio_over_one} (a part larger than its whole) and
 * {@code percent_mismatch} (the stated percentage is not x/y within the rounding of the digits
 * the report wrote). Stateless.
 */
final class FactChecks {
    private FactChecks() {}

    static Optional<AuditFinding> ratioOverOne(Fact f) {
        if (f.kind != Fact.Kind.ratio || f.numerator == null || f.denominator == null) return Optional.empty();
        if (f.denominator <= 0 || f.numerator <= f.denominator) return Optional.empty();
        // "đạt 120% kế hoạch": the report knowingly states a share above 100%, against a target.
        if (f.percent != null && f.percent > 100) return Optional.empty();
        double pct = f.numerator / f.denominator * 100;
        String msg = String.format("%s: the part (%s) is larger than the whole (%s), %s; one of the two figures is wrong.",
                VnFormat.figure(f), VnFormat.number(f.numerator), VnFormat.number(f.denominator), VnFormat.percent(pct, 2));
        return Optional.of(AuditFinding.of(AuditFinding.RATIO_OVER_ONE, Severity.error, msg, List.of(Evidence.of(f)),
                f.province, f.reportPeriod, f.denominator, f.numerator));
    }

    /**
     * The tolerance is half a unit of the last digit written ("42,9" allows ±0,05; "85" ±0,5).
     * A percentage that equals x/y cut (not rounded) to the digits written is reported as info:
     * the data agree, the writer truncated. Anything else beyond the tolerance is a warning.
     */
    static Optional<AuditFinding> percentMismatch(Fact f) {
        if (f.kind != Fact.Kind.ratio || f.percent == null || f.numerator == null || f.denominator == null || f.denominator <= 0) {
            return Optional.empty();
        }
        double computed = f.numerator / f.denominator * 100;
        double stated = f.percent;
        int decimals = decimalsWritten(f);
        double tolerance = 0.5 * Math.pow(10, -decimals) + 1e-9;
        if (Math.abs(computed - stated) <= tolerance) return Optional.empty();
        String ratio = VnFormat.number(f.numerator) + "/" + VnFormat.number(f.denominator);
        String statedText = (f.percentText != null ? f.percentText : VnFormat.number(stated, decimals)) + "%";
        double rounded = round(computed, decimals, RoundingMode.HALF_UP);
        double truncated = round(computed, decimals, RoundingMode.DOWN);
        List<Evidence> ev = List.of(Evidence.of(f));
        if (Math.abs(truncated - stated) < 1e-9) {
            String msg = String.format("%s = %s: the report states %s, which cuts the digits instead of rounding (rounded: %s).",
                    ratio, VnFormat.percent(computed, Math.max(2, decimals + 1)), statedText, VnFormat.percent(rounded, decimals));
            return Optional.of(AuditFinding.of(AuditFinding.PERCENT_MISMATCH, Severity.info, msg, ev, f.province, f.reportPeriod, rounded, stated));
        }
        String msg = String.format("%s = %s but the report states %s (off by %s points; %s allows ±%s).",
                ratio, VnFormat.percent(computed, Math.max(2, decimals)), statedText,
                VnFormat.number(Math.abs(computed - stated), Math.max(2, decimals)), statedText,
                VnFormat.number(0.5 * Math.pow(10, -decimals), decimals + 1));
        return Optional.of(AuditFinding.of(AuditFinding.PERCENT_MISMATCH, Severity.warning, msg, ev, f.province, f.reportPeriod,
                round(computed, Math.max(2, decimals), RoundingMode.HALF_UP), stated));
    }

    /** Digits after the decimal separator as written ("42,9" → 1); from the value when the text is unknown. */
    static int decimalsWritten(Fact f) {
        if (f.percentText != null) return VietNumber.decimals(f.percentText.strip());
        BigDecimal bd = BigDecimal.valueOf(f.percent).stripTrailingZeros();
        return Math.max(0, bd.scale());
    }

    private static double round(double v, int decimals, RoundingMode mode) {
        return BigDecimal.valueOf(v).setScale(decimals, mode).doubleValue();
    }
}
