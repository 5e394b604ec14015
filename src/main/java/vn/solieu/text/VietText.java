package vn.solieu.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Matcher;
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
    private static final Pattern OLD_TONE = Pattern.compile(
            "(?<![qQ])([oO])([àáảãạÀÁẢÃẠ])(?!\\p{L})|(?<![qQ])([oO])([èéẻẽẹÈÉẺẼẸ])(?!\\p{L})|(?<![qQ])([uU])([ỳýỷỹỵỲÝỶỸỴ])(?!\\p{L})");

    /** One tone placement for the oa/oe/uy families ("hoà" → "hòa"); other text unchanged. Input must be NFC. */
    public static String canonicalTones(String s) {
        // Almost no text needs it: look for the two-letter pair before paying for the regex.
        if (!hasOldTonePair(s)) return s;
        Matcher m = OLD_TONE.matcher(s);
        if (!m.find()) return s;
        StringBuilder out = new StringBuilder(s.length());
        do {
            int g = m.group(1) != null ? 1 : m.group(3) != null ? 3 : 5;
            String first = m.group(g), marked = m.group(g + 1);
            String decomposed = Normalizer.normalize(marked, Normalizer.Form.NFD);
            String tone = decomposed.substring(1);
            String bare = decomposed.substring(0, 1);
            String movedFirst = Normalizer.normalize(first + tone, Normalizer.Form.NFC);
            m.appendReplacement(out, Matcher.quoteReplacement(movedFirst + bare));
        } while (m.find());
        m.appendTail(out);
        return out.toString();
    }

    private static final String TONED_A_E_Y = "àáảãạÀÁẢÃẠèéẻẽẹÈÉẺẼẸỳýỷỹỵỲÝỶỸỴ";

    /** True when some "o"/"u" is directly followed by a toned a, e or y: the only places OLD_TONE can match. */
    private static boolean hasOldTonePair(String s) {
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '\u00C0' || TONED_A_E_Y.indexOf(c) < 0) continue;
            char before = s.charAt(i - 1);
            if (before == 'o' || before == 'O' || before == 'u' || before == 'U') return true;
        }
        return false;
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
