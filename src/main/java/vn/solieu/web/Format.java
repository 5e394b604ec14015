package vn.solieu.web;

import vn.solieu.facts.Fact;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Figures the Vietnamese way, as the reports write them: "1.512", "33,33%". */
final class Format {
    private Format() {}

    /** Thousands with ".", decimals with ",", at most {@code maxDecimals} decimals, trailing zeros dropped. */
    static String number(double v, int maxDecimals) {
        BigDecimal bd = BigDecimal.valueOf(v).setScale(maxDecimals, RoundingMode.HALF_UP).stripTrailingZeros();
        if (bd.scale() < 0) bd = bd.setScale(0);
        String plain = bd.abs().toPlainString();
        int dot = plain.indexOf('.');
        String intPart = dot < 0 ? plain : plain.substring(0, dot);
        StringBuilder b = new StringBuilder(bd.signum() < 0 ? "-" : "");
        for (int i = 0; i < intPart.length(); i++) {
            if (i > 0 && (intPart.length() - i) % 3 == 0) b.append('.');
            b.append(intPart.charAt(i));
        }
        if (dot >= 0) b.append(',').append(plain.substring(dot + 1));
        return b.toString();
    }

    static String number(Double v) {
        return v == null ? "" : number(v, 4);
    }

    static String percent(Double v) {
        return v == null ? "" : number(v, 2) + "%";
    }

    /** A date as the reports write it: "30/6/2025". */
    static String date(java.time.LocalDate d) {
        return d.getDayOfMonth() + "/" + d.getMonthValue() + "/" + d.getYear();
    }

    /** "1.512/1.546 hồ sơ", "42,9%", "tăng 7%", "300.307 hồ sơ". */
    static String figure(Fact f) {
        String unit = f.unit == null ? "" : " " + f.unit;
        return switch (f.kind) {
            case ratio -> number(f.numerator) + "/" + number(f.denominator) + unit;
            case percent -> (Boolean.TRUE.equals(f.change) ? "thay đổi " : "") + percent(f.value);
            case count -> number(f.value) + unit;
        };
    }
}
