package vn.solieu.text;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VietTextTest {
    @Test
    void oldTonePlacementMovesToTheFirstVowel() {
        assertEquals("hòa", VietText.canonicalTones("hoà"));
        assertEquals("Thanh Hóa, thủy lợi, khỏe", VietText.canonicalTones("Thanh Hoá, thuỷ lợi, khoẻ"));
        assertEquals("HÒA", VietText.canonicalTones("HOÀ"));
        // "qu" is a consonant; a following letter means the vowel pair is not the end of the syllable.
        assertEquals("quý, hoàng, toán", VietText.canonicalTones("quý, hoàng, toán"));
    }

    // The rule as a regular expression: what canonicalTones does in one pass.
    private static final Pattern OLD_TONE = Pattern.compile(
            "(?<![qQ])([oO])([àáảãạÀÁẢÃẠ])(?!\\p{L})|(?<![qQ])([oO])([èéẻẽẹÈÉẺẼẸ])(?!\\p{L})|(?<![qQ])([uU])([ỳýỷỹỵỲÝỶỸỴ])(?!\\p{L})");

    private static String byRegex(String s) {
        Matcher m = OLD_TONE.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int g = m.group(1) != null ? 1 : m.group(3) != null ? 3 : 5;
            String decomposed = Normalizer.normalize(m.group(g + 1), Normalizer.Form.NFD);
            String moved = Normalizer.normalize(m.group(g) + decomposed.substring(1), Normalizer.Form.NFC);
            m.appendReplacement(out, Matcher.quoteReplacement(moved + decomposed.charAt(0)));
        }
        return m.appendTail(out).toString();
    }

    private static boolean hasCanonicalTones(String s) {
        return VietText.hasCanonicalTones(s.toCharArray(), s.length());
    }

    @Test
    void hasCanonicalTonesSaysWhetherCanonicalTonesChangesTheText() throws IOException {
        String text = VietText.nfc(Files.readString(Path.of("corpus/002_8f33f48acc798cc2.txt")));
        assertFalse(hasCanonicalTones(text));
        assertTrue(hasCanonicalTones(VietText.canonicalTones(text)));
        String alphabet = "oOuUqQàáạÀèẻẸỳýỴaeyhn \uD835\uDC9C";
        for (String s : randomStrings(alphabet, 5000, 12, 7)) assertEquals(VietText.canonicalTones(s).equals(s), hasCanonicalTones(s), s);
    }

    @Test
    void foldDropsMarksCaseAndTheBarOfD() {
        assertEquals("dang ky thuong tru", VietText.fold("Đăng ký thường trú"));
        assertEquals("ho so", VietText.fold("HỒ SƠ"));
        // Decomposed input and letters outside the table take the normalizer's route.
        assertEquals("viet", VietText.fold("Vie\u0302\u0323t"));
        assertEquals("αβ", VietText.fold("ΑΒ"));
    }

    /** {@code count} strings of up to {@code maxLength - 1} chars drawn from {@code alphabet}, the same for the same seed. */
    private static List<String> randomStrings(String alphabet, int count, int maxLength, long seed) {
        Random random = new Random(seed);
        List<String> out = new java.util.ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            StringBuilder b = new StringBuilder();
            for (int i = random.nextInt(maxLength); i > 0; i--) b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            out.add(b.toString());
        }
        return out;
    }

    /** The definition: NFD, marks dropped, đ → d, lower case, on the whole string at once. */
    private static String foldByDefinition(String s) {
        String d = Normalizer.normalize(s, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) continue;
            out.append(c == 'đ' || c == 'Đ' ? 'd' : c);
        }
        return out.toString().toLowerCase(java.util.Locale.ROOT);
    }

    @Test
    void foldAndFoldSpaceGiveWhatTheirDefinitionsGive() throws IOException {
        String text = Files.readString(Path.of("corpus/002_8f33f48acc798cc2.txt"));
        for (String word : text.split("[\\s,.;:()]+")) assertEquals(foldByDefinition(word), VietText.fold(word), word);
        String alphabet = "aAđĐİıſßǅΣσςăâêôơưĂÂÊÔƠƯạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ \t\n\u000B\f\r\u00A0\u2007\u202F\u2028\u0301\u0323x";
        for (String s : randomStrings(alphabet, 20000, 10, 6)) {
            assertEquals(foldByDefinition(s), VietText.fold(s), s);
            assertEquals(s.replaceAll("[\\s\\u00A0\\u2007\\u202F\\f]+", " ").strip(), VietText.foldSpace(s), s);
        }
    }

    @Test
    void onePassGivesWhatTheRegularExpressionGives() throws IOException {
        for (Path f : new Path[] {Path.of("corpus/000_f89939e2e8bd4875.txt"), Path.of("corpus/002_8f33f48acc798cc2.txt")}) {
            String text = VietText.nfc(Files.readString(f));
            assertEquals(byRegex(text), VietText.canonicalTones(text), f.toString());
        }
        String alphabet = "oOuUqQàáạÀèẻẸỳýỴaeyhn \uD835\uDC9C";
        for (String s : randomStrings(alphabet, 5000, 12, 6)) assertEquals(byRegex(s), VietText.canonicalTones(s), s);
    }
}
