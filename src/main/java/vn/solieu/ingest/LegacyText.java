package vn.solieu.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Vietnamese typed in the 8-bit encodings of the 1990s and 2000s, TCVN3 ("ABC", the .VnTime
 * fonts) and VNI (VNI-Times …), comes out of old files as Latin-1 look-alikes: "B¸o c¸o"
 * (TCVN3) or "Baùo caùo" (VNI) for "Báo cáo". This class tells such text from real Unicode and
 * converts it. The mapping tables are data ({@code legacy-encodings.txt} beside this class).
 *
 * <p>Only characters U+00A0..U+00FF are ever rewritten (ASCII never is), so converting a line
 * that holds no legacy text changes nothing. Real Unicode Vietnamese is recognised by its
 * letters beyond Latin-1 (ạ ả ă đ ơ ư ế …), which neither encoding produces: a line holding
 * them is left alone, so a document mixing old and new paragraphs converts only the old ones.
 */
public final class LegacyText {
    public enum Encoding { TCVN3, VNI }

    /** Legacy sequence (characters U+0000..U+00FF, one a byte) → Unicode letter, per encoding. */
    private static final Map<Encoding, Map<String, String>> TABLES = load();

    /**
     * TCVN3 letter codes in the range Latin-1 fills with symbols (A1..BE: "¸" á, "µ" à, "®" đ,
     * "­" ư …). Seen inside words they are TCVN3: no other text puts a "¸" between two letters.
     * VNI never uses a byte below C0.
     */
    private static final String TCVN3_SIGNATURE = "¡¢£¤¥¦§¨©ª«¬\u00AD®µ¶·¸¹»¼½¾";
    /**
     * VNI writes a tone or shape mark as a byte after its vowel: "aù" á, "oø" ò, "eä" ệ, "oï" ọ …
     * (a vowel, or ô ơ / ö ư, then one of these), and đ as a word-initial "ñ". Unicode text
     * rarely puts an accented letter right after a plain vowel (French "où", Vietnamese "oà"), so
     * it takes a clear share of them.
     */
    private static final String VNI_MARKS = "ùøûõïâáàåãäêéèúüëÙØÛÕÏÂÁÀÅÃÄÊÉÈÚÜË";
    private static final String VNI_BASES = "aeouyAEOUYôöÔÖ";

    /** At least this many signature characters, and this share of the letters, before text is called legacy. */
    private static final int MIN_HITS = 3;
    private static final double MIN_SHARE = 0.03;

    private static final Pattern TCVN3_FONT = Pattern.compile("(?i)(?:^|\\+)\\.?vn[a-z]");
    private static final Pattern VNI_FONT = Pattern.compile("(?i)(?:^|\\+)vni[-_ ]");
    /** TCVN3 capitals fonts: ".VnTimeH", ".VnArialH", ".VnTimeH-Bold". */
    private static final Pattern TCVN3_CAPITALS_FONT = Pattern.compile("(?i)(?:^|\\+)\\.?vn[a-z]*h(?:[-,].*)?$");

    private LegacyText() {}

    /** The legacy encoding a font name declares (".VnTime", "ABCDEF+.VnArialH", "VNI-Times"), or null. */
    public static Encoding byFontName(String fontName) {
        if (fontName == null) return null;
        if (VNI_FONT.matcher(fontName).find()) return Encoding.VNI;
        if (TCVN3_FONT.matcher(fontName).find()) return Encoding.TCVN3;
        return null;
    }

    /** True for the TCVN3 capitals-only fonts, which draw small-letter codes as capitals. */
    public static boolean isCapitalsFont(String fontName) {
        return fontName != null && TCVN3_CAPITALS_FONT.matcher(fontName).find();
    }

    /**
     * The legacy encoding {@code text} is written in, or null when it reads as Unicode (or as
     * anything else). Counts the signature characters of each encoding among the letters of the
     * lines that hold no letter only Unicode has.
     */
    public static Encoding detect(CharSequence text) {
        int letters = 0, tcvn3 = 0, vni = 0;
        int lineStart = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\f') continue;
            // A line with letters only Unicode has is Unicode: it says nothing about the rest.
            // (Lines are read in place, [lineStart, i), not copied out: this runs over every file.)
            int from = lineStart, to = i;
            lineStart = i + 1;
            if (hasUnicodeVietnamese(text, from, to)) continue;
            for (int k = from; k < to; k++) {
                char c = text.charAt(k);
                if (Character.isLetter(c)) letters++;
                if (TCVN3_SIGNATURE.indexOf(c) >= 0 && besideLetter(text, k, from, to)) tcvn3++;
                else if (isVniMark(text, k, from, to)) vni++;
            }
        }
        int hits = Math.max(tcvn3, vni);
        if (hits < MIN_HITS || hits < letters * MIN_SHARE) return null;
        // TCVN3 text also shows VNI-like pairs (its ù ø ä are letters), VNI never uses a TCVN3 signature byte.
        return tcvn3 * 4 >= vni ? Encoding.TCVN3 : Encoding.VNI;
    }

    /** Whether {@code text[k]} is a VNI mark of the line {@code text[from, to)}. */
    private static boolean isVniMark(CharSequence text, int k, int from, int to) {
        char c = text.charAt(k);
        if ((c == 'ñ' || c == 'Ñ') && (k == from || !Character.isLetter(text.charAt(k - 1)))) return k + 1 < to && Character.isLetter(text.charAt(k + 1));
        return k > from && VNI_MARKS.indexOf(c) >= 0 && VNI_BASES.indexOf(text.charAt(k - 1)) >= 0;
    }

    /**
     * Finds the document's encoding and converts every line that is not already Unicode
     * Vietnamese; text that is not legacy comes back unchanged.
     */
    public static String repair(String text) {
        Encoding encoding = detect(text);
        if (encoding == null) return text;
        StringBuilder out = new StringBuilder(text.length());
        int start = 0;
        while (start <= text.length()) {
            int end = nextBreak(text, start);
            String line = text.substring(start, end);
            out.append(hasUnicodeVietnamese(line) ? line : convert(line, encoding, false));
            if (end < text.length()) out.append(text.charAt(end));
            start = end + 1;
        }
        return out.toString();
    }

    /**
     * Converts {@code text} from {@code encoding} to Unicode (NFC). {@code capitals}: the text
     * was set in a TCVN3 capitals font, so every letter is a capital. Without that hint, TCVN3
     * words in capitals ("KÕT QU¶" → "KếT QUả") are restored from their unaccented capitals
     * ("KẾT QUẢ"), since the encoding has no codes for accented capitals.
     */
    public static String convert(String text, Encoding encoding, boolean capitals) {
        Map<String, String> table = TABLES.get(encoding);
        StringBuilder out = new StringBuilder(text.length());
        // Where each converted small letter sits, for the capitals pass (TCVN3 only).
        boolean[] convertedSmall = new boolean[text.length()];
        int i = 0;
        while (i < text.length()) {
            String hit = null;
            int len = 0;
            if (encoding == Encoding.VNI && i + 1 < text.length()) {
                hit = table.get(text.substring(i, i + 2));
                if (hit != null) len = 2;
            }
            if (hit == null) {
                hit = table.get(text.substring(i, i + 1));
                len = hit == null ? 0 : 1;
            }
            if (hit == null) {
                out.append(text.charAt(i));
                i++;
            } else {
                if (encoding == Encoding.TCVN3 && Character.isLowerCase(hit.charAt(0))) convertedSmall[out.length()] = true;
                out.append(hit);
                i += len;
            }
        }
        String result = out.toString();
        if (encoding == Encoding.TCVN3) {
            result = capitals ? result.toUpperCase(Locale.ROOT) : restoreCapitals(result, convertedSmall);
        }
        return result;
    }

    /**
     * TCVN3 has no codes for accented capitals; in a word otherwise in capitals the small
     * accented letters are capitals too ("KếT", "QUả" → "KẾT", "QUẢ"). A word with only one
     * capital or none ("Hà", "ở") follows its neighbours: capitals when one of them is a word in
     * capitals and neither has a small letter of its own ("Hà" in "HÀ NỘI", not in "Đà Nẵng").
     */
    private static String restoreCapitals(String text, boolean[] convertedSmall) {
        char[] c = text.toCharArray();
        List<int[]> words = new ArrayList<>();
        int i = 0;
        while (i < c.length) {
            if (!Character.isLetter(c[i])) {
                i++;
                continue;
            }
            int s = i;
            while (i < c.length && Character.isLetter(c[i])) i++;
            words.add(new int[] {s, i});
        }
        final int caps = 0, mixed = 1, undecided = 2;
        int[] state = new int[words.size()];
        // A capitals word that had accented letters restored ("KẾT") is strong evidence for its
        // neighbours; one in plain ASCII capitals is often an acronym ("TTHC để") and is not.
        boolean[] restored = new boolean[words.size()];
        for (int w = 0; w < words.size(); w++) {
            int s = words.get(w)[0], e = words.get(w)[1];
            int capitals = 0, otherSmall = 0, converted = 0;
            for (int k = s; k < e; k++) {
                if (k < convertedSmall.length && convertedSmall[k]) converted++;
                else if (Character.isUpperCase(c[k])) capitals++;
                else otherSmall++;
            }
            if (otherSmall > 0 || capitals == 0 && converted == 0) state[w] = mixed;
            else if (converted == 0 || capitals >= 2) state[w] = capitals >= 2 || e - s == 1 && converted == 0 ? caps : mixed;
            else state[w] = undecided;
            if (state[w] == caps) {
                restored[w] = converted > 0;
                upper(c, s, e);
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int w = 0; w < words.size(); w++) {
                if (state[w] != undecided) continue;
                boolean before = w > 0 && state[w - 1] == caps && length(words.get(w - 1)) >= 2;
                boolean after = w + 1 < words.size() && state[w + 1] == caps && length(words.get(w + 1)) >= 2;
                boolean strong = before && restored[w - 1] || after && restored[w + 1] || before && after;
                boolean mixedBeside = w > 0 && state[w - 1] == mixed || w + 1 < words.size() && state[w + 1] == mixed;
                if (strong && !mixedBeside) {
                    upper(c, words.get(w)[0], words.get(w)[1]);
                    state[w] = caps;
                    restored[w] = true;
                    changed = true;
                }
            }
        }
        return new String(c);
    }

    private static int length(int[] word) {
        return word[1] - word[0];
    }

    private static void upper(char[] c, int s, int e) {
        for (int k = s; k < e; k++) c[k] = Character.toUpperCase(c[k]);
    }

    /**
     * The inverse mapping, for tests and for making legacy test files: Unicode (NFC) →
     * the encoding's characters. TCVN3 capitals with a tone mark become their small-letter
     * code, as typists set them in a capitals font. Characters with no code are kept.
     */
    public static String encode(String unicode, Encoding encoding) {
        Map<String, String> inverse = new HashMap<>();
        TABLES.get(encoding).forEach((legacy, letter) -> inverse.put(letter, legacy));
        StringBuilder out = new StringBuilder(unicode.length() + 16);
        for (int i = 0; i < unicode.length(); i++) {
            String ch = String.valueOf(unicode.charAt(i));
            String legacy = inverse.get(ch);
            if (legacy == null && encoding == Encoding.TCVN3) legacy = inverse.get(ch.toLowerCase(Locale.ROOT));
            out.append(legacy != null ? legacy : ch);
        }
        return out.toString();
    }

    /** Letters only Unicode Vietnamese has (ă đ ĩ ũ ơ ư and Latin Extended Additional). */
    static boolean isUnicodeVietnamese(char c) {
        return c >= '\u1EA0' && c <= '\u1EF9' || "ăĂđĐĩĨũŨơƠưƯ".indexOf(c) >= 0;
    }

    static boolean hasUnicodeVietnamese(CharSequence s) {
        return hasUnicodeVietnamese(s, 0, s.length());
    }

    private static boolean hasUnicodeVietnamese(CharSequence s, int from, int to) {
        for (int i = from; i < to; i++) if (isUnicodeVietnamese(s.charAt(i))) return true;
        return false;
    }

    /** Whether a letter stands next to {@code text[i]} within the line {@code text[from, to)}. */
    private static boolean besideLetter(CharSequence text, int i, int from, int to) {
        return i > from && Character.isLetter(text.charAt(i - 1)) || i + 1 < to && Character.isLetter(text.charAt(i + 1));
    }

    private static int nextBreak(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\f') return i;
        }
        return text.length();
    }

    private static Map<Encoding, Map<String, String>> load() {
        Map<Encoding, Map<String, String>> tables = new EnumMap<>(Encoding.class);
        for (Encoding e : Encoding.values()) tables.put(e, new HashMap<>());
        try (InputStream in = LegacyText.class.getResourceAsStream("legacy-encodings.txt")) {
            if (in == null) throw new IllegalStateException("legacy-encodings.txt missing from the classpath");
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.trim().split(" ");
                StringBuilder legacy = new StringBuilder();
                for (int k = 0; k < f[1].length(); k += 2) legacy.append((char) Integer.parseInt(f[1].substring(k, k + 2), 16));
                tables.get(Encoding.valueOf(f[0].toUpperCase(Locale.ROOT))).put(legacy.toString(), f[2]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tables;
    }
}
