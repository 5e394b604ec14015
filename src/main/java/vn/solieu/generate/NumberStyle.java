package vn.solieu.generate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;

/**
 * A report's number habits: thousands grouped with "." or not at all ("1.512" / "1512"), the
 * decimal mark of percentages ("98,9%" the Vietnamese way, "98.9%" by slip), how many decimals
 * percentages get, and leading zeros on small figures ("02/02 hồ sơ").
 */
public record NumberStyle(boolean groupThousands, char decimalMark, int percentDecimals, boolean leadingZeros) {

    public static NumberStyle draw(SplittableRandom r) {
        return new NumberStyle(r.nextDouble() < 0.8, r.nextDouble() < 0.75 ? ',' : '.',
                r.nextDouble() < 0.7 ? 1 : 2, r.nextDouble() < 0.5);
    }

    /** An integer as the report writes it. */
    public String integer(long n) {
        String digits = Long.toString(Math.abs(n));
        if (leadingZeros && n >= 0 && n < 10) digits = "0" + digits;
        if (groupThousands && digits.length() > 3) {
            StringBuilder sb = new StringBuilder();
            int lead = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
            sb.append(digits, 0, lead);
            for (int i = lead; i < digits.length(); i += 3) sb.append('.').append(digits, i, i + 3);
            digits = sb.toString();
        }
        return n < 0 ? "-" + digits : digits;
    }

    /** The percentage the report states for a share, rounded half up to its decimals. */
    public double round(double percent) {
        return BigDecimal.valueOf(percent).setScale(percentDecimals, RoundingMode.HALF_UP).doubleValue();
    }

    /** A percentage as written, without the sign: "42,9", "98.9", "100". */
    public String percent(double value) {
        BigDecimal bd = BigDecimal.valueOf(value).setScale(percentDecimals, RoundingMode.HALF_UP).stripTrailingZeros();
        if (bd.scale() < 0) bd = bd.setScale(0);
        return bd.toPlainString().replace('.', decimalMark);
    }
}
