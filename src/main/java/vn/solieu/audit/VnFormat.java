package vn.solieu.audit;

import vn.solieu.facts.Fact;
import vn.solieu.facts.Period;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** Figures and dates the way the reports write them, so a message quotes them recognisably: "1.512", "33,33%", "16/01/2024". */
final class VnFormat {
    private VnFormat() {}

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** "1.512", "78,5", "33,33" for {@code decimals} = 2; trailing zeros kept as asked. */
    static String number(double v, int decimals) {
        BigDecimal bd = BigDecimal.valueOf(v).setScale(Math.max(0, decimals), RoundingMode.HALF_UP);
        String plain = bd.abs().toPlainString();
        String intPart = plain.contains(".") ? plain.substring(0, plain.indexOf('.')) : plain;
        String frac = plain.contains(".") ? plain.substring(plain.indexOf('.') + 1) : "";
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < intPart.length(); i++) {
            if (i > 0 && (intPart.length() - i) % 3 == 0) grouped.append('.');
            grouped.append(intPart.charAt(i));
        }
        return (bd.signum() < 0 ? "-" : "") + grouped + (frac.isEmpty() ? "" : "," + frac);
    }

    /** A figure with as many decimals as it has (up to 4): 1512 → "1.512", 78.5 → "78,5". */
    static String number(double v) {
        return number(v, decimalsOf(v));
    }

    static int decimalsOf(double v) {
        BigDecimal bd = BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
        return Math.max(0, bd.scale());
    }

    static String percent(double v, int decimals) {
        return number(v, decimals) + "%";
    }

    /** "1.512/1.546 hồ sơ", "42,9%", "300.307 hồ sơ". */
    static String figure(Fact f) {
        String unit = f.unit == null ? "" : " " + f.unit;
        return switch (f.kind) {
            case ratio -> number(f.numerator) + "/" + number(f.denominator) + unit
                    + (f.percent == null ? "" : " (" + (f.percentText != null ? f.percentText : number(f.percent)) + "%)");
            case percent -> (f.percentText != null ? f.percentText : number(f.value)) + "%";
            case count -> number(f.value) + unit;
        };
    }

    static String date(LocalDate d) {
        return d == null ? "?" : d.format(DATE);
    }

    static String period(Period p) {
        if (p == null) return "";
        if (p.asOf() != null) return "tính đến " + date(p.asOf());
        return date(p.from()) + "–" + date(p.to());
    }
}
