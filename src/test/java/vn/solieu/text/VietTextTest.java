package vn.solieu.text;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class VietTextTest {
    @Test
    void movesTheToneOfOpenOaOeUySyllablesOntoTheFirstVowel() {
        assertEquals("hòa", VietText.canonicalTones("hoà"));
        assertEquals("Hòa Bình", VietText.canonicalTones("Hoà Bình"));
        assertEquals("HÒA BÌNH", VietText.canonicalTones("HOÀ BÌNH"));
        assertEquals("thủy lợi, khỏe.", VietText.canonicalTones("thuỷ lợi, khoẻ."));
        assertEquals("Thủy", VietText.canonicalTones("Thuỷ"));
    }

    @Test
    void leavesClosedSyllablesQuAndOtherTextAlone() {
        for (String s : new String[]{"hoàn thành", "quý", "Quý III", "toán", "khuyến", "1.512/1.546 hồ sơ", "", "a"}) {
            assertSame(s, VietText.canonicalTones(s), s);
        }
    }

    /** The scan agrees with the regular expression it replaced, on every line of the seed reports. */
    @Test
    void agreesWithTheRegularExpressionOnTheSeeds() throws Exception {
        int lines = 0, changed = 0;
        for (String name : new String[]{"000_f89939e2e8bd4875.txt", "002_8f33f48acc798cc2.txt"}) {
            String text = VietText.nfc(Files.readString(Path.of("corpus", name)));
            for (String line : text.split("\n")) {
                String expected = byRegex(line);
                assertEquals(expected, VietText.canonicalTones(line), line);
                lines++;
                if (!expected.equals(line)) changed++;
            }
        }
        assertEquals(true, lines > 100 && changed > 0, lines + " lines, " + changed + " changed");
    }

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
        m.appendTail(out);
        return out.toString();
    }
}
