package vn.solieu.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

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

    private static final Pattern SPACE_RUN = Pattern.compile("[\\s\\u00A0\\u2007\\u202F\\f]+");

    /** Whitespace runs (line breaks, tabs, no-break spaces) folded to one space, ends trimmed. */
    public static String foldSpace(String s) {
        return SPACE_RUN.matcher(s).replaceAll(" ").strip();
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
