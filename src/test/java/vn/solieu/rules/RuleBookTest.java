package vn.solieu.rules;

import org.junit.jupiter.api.Test;
import vn.solieu.text.VietText;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RuleBookTest {
    @Test
    void unitAlternationMatchesThePhrasesAsWritten() {
        Pattern units = Pattern.compile(RuleBook.alternation(List.of("hồ sơ", "TTHC", "đ")), Pattern.UNICODE_CHARACTER_CLASS);
        assertTrue(units.matcher("Hồ  sơ").matches());
        assertTrue(units.matcher("tthc").matches());
        assertTrue(units.matcher("Đ").matches());
        assertFalse(units.matcher("x").matches());
        assertFalse(units.matcher("/").lookingAt());
    }

    /**
     * The look-ahead on first letters must accept every character a phrase can start with, under
     * the same case folding as the phrase itself: checked for every first letter of units.yaml over
     * the whole Basic Multilingual Plane.
     */
    @Test
    void firstLetterLookAheadAcceptsExactlyWhatThePhrasesCanStartWith() {
        Map<String, Object> yaml = RuleFile.read(Path.of("extraction-rules"), "units.yaml");
        List<String> phrases = new ArrayList<>(RuleFile.strings(yaml, "units"));
        phrases.addAll(RuleFile.strings(yaml, "ratio-only-units"));
        Set<Integer> firstLetters = new TreeSet<>();
        for (String p : phrases) firstLetters.add(VietText.canonicalTones(VietText.nfc(p)).codePointAt(0));
        assertTrue(firstLetters.size() > 5, "units read");
        for (int first : firstLetters) {
            String letter = String.format("\\x{%X}", first);
            Matcher literal = Pattern.compile("(?iu:" + letter + ")", Pattern.UNICODE_CHARACTER_CLASS).matcher("");
            Matcher inClass = Pattern.compile("(?iu:[" + letter + "])", Pattern.UNICODE_CHARACTER_CLASS).matcher("");
            for (char c = 0; c < Character.MAX_VALUE; c++) {
                String s = String.valueOf(c);
                assertEquals(literal.reset(s).matches(), inClass.reset(s).matches(), "first letter " + Character.toString(first) + " on U+" + Integer.toHexString(c));
            }
        }
    }
}
