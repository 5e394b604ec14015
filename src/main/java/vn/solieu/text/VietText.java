package vn.solieu.text;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The small text steps every stage relies on: NFC, one tone-mark placement, folding.
 * Each is a pure function of its input so that the index, the rules and the matchers agree.
 */
public final class VietText {
    private VietText() {}

    /** Composed Unicode. One seed arrives decomposed; nothing downstream sees NFD. */
    public static String nfc(String s) {
        return Normalizer.isNormalized(s, Normalizer.Form.NFC) ? s : Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    // "hoà"/"hòa", "thuỷ"/"thủy", "khoẻ"/"khỏe": both placements are in use; we keep the tone on the
    // first vowel of an open oa/oe/uy syllable. "qu" is a consonant, so "quý" keeps its tone on y.
    // That is: an o followed by a toned a or e, or a u followed by a toned y, not after a q and not
    // before another letter. Read in one pass, since every block and token goes through here.
    private static final String TONED_A_E = "àáảãạÀÁẢÃẠèéẻẽẹÈÉẺẼẸ";
    private static final String TONED_Y = "ỳýỷỹỵỲÝỶỸỴ";

    /** One tone placement for the oa/oe/uy families ("hoà" → "hòa"); other text unchanged, same length. Input must be NFC. */
    public static String canonicalTones(String s) {
        StringBuilder out = null;
        int copied = 0;
        for (int i = 1; i < s.length(); i++) {
            char marked = s.charAt(i);
            if (marked < '\u00C0') continue;
            char first = s.charAt(i - 1);
            boolean pair = (first == 'o' || first == 'O') && TONED_A_E.indexOf(marked) >= 0
                    || (first == 'u' || first == 'U') && TONED_Y.indexOf(marked) >= 0;
            if (!pair) continue;
            if (i >= 2 && (s.charAt(i - 2) == 'q' || s.charAt(i - 2) == 'Q')) continue;
            if (i + 1 < s.length() && Character.isLetter(s.codePointAt(i + 1))) continue;
            String decomposed = Normalizer.normalize(String.valueOf(marked), Normalizer.Form.NFD);
            String movedFirst = Normalizer.normalize(first + decomposed.substring(1), Normalizer.Form.NFC);
            if (out == null) out = new StringBuilder(s.length());
            out.append(s, copied, i - 1).append(movedFirst).append(decomposed.charAt(0));
            copied = i + 1;
        }
        if (out == null) return s;
        return out.append(s, copied, s.length()).toString();
    }

    /**
     * True when {@link #canonicalTones} leaves {@code chars[0, length)} (NFC) as it is, read without
     * making a String: canonicalTones's test, on an array (VietTextTest checks that they agree).
     */
    public static boolean hasCanonicalTones(char[] chars, int length) {
        for (int i = 1; i < length; i++) {
            char marked = chars[i];
            if (marked < '\u00C0') continue;
            char first = chars[i - 1];
            boolean pair = (first == 'o' || first == 'O') && TONED_A_E.indexOf(marked) >= 0
                    || (first == 'u' || first == 'U') && TONED_Y.indexOf(marked) >= 0;
            if (!pair) continue;
            if (i >= 2 && (chars[i - 2] == 'q' || chars[i - 2] == 'Q')) continue;
            if (i + 1 < length && Character.isLetter(Character.codePointAt(chars, i + 1, length))) continue;
            return false;
        }
        return true;
    }

    /** Lower-case, diacritics removed, đ → d: "Đăng ký thường trú" → "dang ky thuong tru". */
    public static String fold(String s) {
        // Letters of the Latin ranges fold one by one (NFD splits each into a base and marks that
        // are dropped), so they are read from a table; anything else takes the full route.
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String folded = c < FOLD_TABLE.length ? FOLD_TABLE[c] : c >= 0x1E00 && c < 0x1F00 ? FOLD_EXTENDED[c - 0x1E00] : null;
            if (folded == null) return foldByNormalizer(s);
            if (out == null) {
                // Already folded so far (plain lower-case ASCII is the common case): copy only once something changes.
                if (folded.length() == 1 && folded.charAt(0) == c) continue;
                out = new StringBuilder(s.length()).append(s, 0, i);
            }
            out.append(folded);
        }
        return out == null ? s : out.toString();
    }

    private static String foldByNormalizer(String s) {
        String d = Normalizer.normalize(s, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(d.length());
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) continue;
            if (c == 'đ' || c == 'Đ') c = 'd';
            out.append(c);
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /** fold() of each character up to U+024F and of U+1E00–U+1EFF (Latin Extended Additional, where Vietnamese lives). */
    private static final String[] FOLD_TABLE = foldTable(0, 0x250);
    private static final String[] FOLD_EXTENDED = foldTable(0x1E00, 0x1F00);

    private static String[] foldTable(int from, int to) {
        String[] table = new String[to - from];
        for (int c = from; c < to; c++) {
            // Marks (none in these ranges) and surrogates stay out: they need their neighbours.
            if (Character.getType(c) == Character.NON_SPACING_MARK || Character.isSurrogate((char) c)) continue;
            table[c - from] = foldByNormalizer(String.valueOf((char) c));
        }
        return table;
    }

    /** Whitespace runs (line breaks, tabs, no-break spaces) folded to one space, ends trimmed. */
    public static String foldSpace(String s) {
        StringBuilder out = null;
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (!isFoldedSpace(c)) {
                if (out != null) out.append(c);
                i++;
                continue;
            }
            int end = i + 1;
            while (end < n && isFoldedSpace(s.charAt(end))) end++;
            // A single plain space is already folded: copy only once something changes.
            if (out == null && (end - i > 1 || c != ' ')) out = new StringBuilder(n).append(s, 0, i);
            if (out != null) out.append(' ');
            i = end;
        }
        return (out == null ? s : out.toString()).strip();
    }

    /** Java's \s (space, tab, line feed, vertical tab, form feed, carriage return) and the no-break spaces U+00A0, U+2007, U+202F. */
    private static boolean isFoldedSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r'
                || c == '\u00A0' || c == '\u2007' || c == '\u202F';
    }

    /** Lower-case the first letter only, the contract's form for units ("Hồ sơ" → "hồ sơ"). */
    public static String lowerFirst(String s) {
        if (s == null || s.isEmpty()) return s;
        int cp = s.codePointAt(0);
        return new StringBuilder().appendCodePoint(Character.toLowerCase(cp)).append(s.substring(Character.charCount(cp))).toString();
    }

    /** A key for matching labels and names: NFC, one tone placement, lower-case, spaces folded. */
    public static String matchKey(String s) {
        return foldSpace(canonicalTones(nfc(s)).toLowerCase(Locale.ROOT));
    }
}
