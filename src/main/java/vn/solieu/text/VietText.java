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
    // Written as a scan rather than a regex: it runs over every indexed field and every report text.
    private static final String TONED_A = "àáảãạÀÁẢÃẠ", TONED_E = "èéẻẽẹÈÉẺẼẸ", TONED_Y = "ỳýỷỹỵỲÝỶỸỴ";

    /**
     * One tone placement for the oa/oe/uy families ("hoà" → "hòa", "thuỷ" → "thủy"): where an o
     * (before a, e) or u (before y), not after q, is followed by the toned vowel and then by a
     * non-letter, the tone moves onto the o/u. Other text is unchanged, and so is the length. Input must be NFC.
     */
    public static String canonicalTones(String s) {
        char[] out = null;
        for (int i = 1; i < s.length(); i++) {
            char marked = s.charAt(i);
            if (marked < '\u00C0') continue;
            char first = s.charAt(i - 1);
            boolean pair = (first == 'o' || first == 'O') && (TONED_A.indexOf(marked) >= 0 || TONED_E.indexOf(marked) >= 0)
                    || (first == 'u' || first == 'U') && TONED_Y.indexOf(marked) >= 0;
            if (!pair) continue;
            if (i >= 2 && (s.charAt(i - 2) == 'q' || s.charAt(i - 2) == 'Q')) continue;
            if (i + 1 < s.length() && Character.isLetter(s.codePointAt(i + 1))) continue;
            String decomposed = Normalizer.normalize(String.valueOf(marked), Normalizer.Form.NFD);
            String movedFirst = Normalizer.normalize(first + decomposed.substring(1), Normalizer.Form.NFC);
            if (out == null) out = s.toCharArray();
            out[i - 1] = movedFirst.charAt(0);
            out[i] = decomposed.charAt(0);
        }
        return out == null ? s : new String(out);
    }

    /** Lower-case, diacritics removed, đ → d: "Đăng ký thường trú" → "dang ky thuong tru". */
    public static String fold(String s) {
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

    /** Whitespace runs (line breaks, tabs, no-break spaces) folded to one space, ends trimmed. */
    public static String foldSpace(String s) {
        return s.replaceAll("[\\s\\u00A0\\u2007\\u202F\\f]+", " ").strip();
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
