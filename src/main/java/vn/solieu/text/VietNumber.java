package vn.solieu.text;

import java.util.regex.Pattern;

/**
 * Reads a figure the way Vietnamese reports write it: "." groups thousands, "," marks decimals
 * ("1.512" = 1512, "42,9" = 42.9), with the slips writers make ("98.9%" is 98.9, not 989).
 */
public final class VietNumber {
    private VietNumber() {}

    /** What the figure is, which decides how an ambiguous separator is read. */
    public enum Context { ANY, PERCENT, COUNT }

    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern DOT_GROUPS = Pattern.compile("\\d{1,3}(\\.\\d{3})+");
    private static final Pattern COMMA_GROUPS = Pattern.compile("\\d{1,3}(,\\d{3})+");
    private static final Pattern VI_FULL = Pattern.compile("\\d{1,3}(\\.\\d{3})+,\\d+");
    private static final Pattern EN_FULL = Pattern.compile("\\d{1,3}(,\\d{3})+\\.\\d+");
    private static final Pattern SINGLE_DECIMAL = Pattern.compile("\\d+[.,]\\d+");

    /**
     * Parses {@code s} (digits with "." and "," only) or returns null when it is not one number.
     * {@code "02"} is 2; {@code "1.512"} is 1512; {@code "98.9"} is 98.9; in a PERCENT context a
     * thousands reading above 100 is taken as a decimal ("1.100%" does not occur, "1.1%" does).
     */
    public static Double parse(String s, Context context) {
        if (s == null || s.isEmpty()) return null;
        if (DIGITS.matcher(s).matches()) return Double.parseDouble(s);
        if (VI_FULL.matcher(s).matches()) return Double.parseDouble(s.replace(".", "").replace(',', '.'));
        if (EN_FULL.matcher(s).matches()) return Double.parseDouble(s.replace(",", ""));
        if (DOT_GROUPS.matcher(s).matches()) {
            double thousands = Double.parseDouble(s.replace(".", ""));
            if (context == Context.PERCENT && thousands > 100 && SINGLE_DECIMAL.matcher(s).matches()) {
                return Double.parseDouble(s);
            }
            return thousands;
        }
        if (COMMA_GROUPS.matcher(s).matches() && context == Context.COUNT) {
            // A count cannot be fractional: "1,512 hồ sơ" is an OCR or English-habit thousands group.
            return Double.parseDouble(s.replace(",", ""));
        }
        if (SINGLE_DECIMAL.matcher(s).matches()) return Double.parseDouble(s.replace(',', '.'));
        return null;
    }

    /** Number of digits written after the decimal separator (for rounding tolerance): "42,9" → 1. */
    public static int decimals(String s) {
        if (s == null) return 0;
        if (DIGITS.matcher(s).matches() || DOT_GROUPS.matcher(s).matches() && !SINGLE_DECIMAL.matcher(s).matches()) return 0;
        int comma = s.lastIndexOf(',');
        int dot = s.lastIndexOf('.');
        int sep = Math.max(comma, dot);
        if (sep < 0) return 0;
        if (DOT_GROUPS.matcher(s).matches() && dot == sep) {
            return s.length() - sep - 1 == 3 ? 0 : s.length() - sep - 1;
        }
        return s.length() - sep - 1;
    }

    /** Multiplier of a number word ("1,7 triệu" → 1.7 × 10⁶), or 1 when {@code word} is none. */
    public static double scale(String word) {
        if (word == null) return 1;
        return switch (VietText.fold(word)) {
            case "nghin", "ngan" -> 1e3;
            case "trieu" -> 1e6;
            case "ty", "ti" -> 1e9;
            default -> 1;
        };
    }
}
