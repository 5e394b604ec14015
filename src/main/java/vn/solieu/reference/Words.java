package vn.solieu.reference;

import vn.solieu.text.VietText;

import java.util.ArrayList;
import java.util.List;

/**
 * Words of a name or label for matching: NFC, one tone placement, lower case, punctuation as
 * spaces. {@link #exact} keeps diacritics ("bắc kạn"); {@link #folded} drops them ("bac kan") for
 * text typed without them ("Dak Lak"). Both keep the character offset of each word so a match
 * can be located in the original text.
 */
final class Words {
    private Words() {}

    /** One word and where it starts and ends in the text it was cut from. */
    record Word(String text, int start, int end) {}

    static List<Word> exact(String s) {
        return split(VietText.canonicalTones(VietText.nfc(s)).toLowerCase(java.util.Locale.ROOT), false);
    }

    static List<Word> folded(String s) {
        return split(VietText.nfc(s), true);
    }

    /** Space-joined words, the key a name is looked up by. */
    static String key(List<Word> words) {
        StringBuilder sb = new StringBuilder();
        for (Word w : words) {
            if (sb.length() > 0) sb.append(' ');
            sb.append(w.text());
        }
        return sb.toString();
    }

    // Cuts at every character that is not a letter or digit; NFC keeps one char per letter, so
    // folding char by char keeps offsets aligned with the caller's text.
    private static List<Word> split(String s, boolean fold) {
        List<Word> out = new ArrayList<>();
        int i = 0, n = s.length();
        while (i < n) {
            while (i < n && !Character.isLetterOrDigit(s.charAt(i))) i++;
            int start = i;
            while (i < n && Character.isLetterOrDigit(s.charAt(i))) i++;
            if (i > start) {
                String w = s.substring(start, i);
                out.add(new Word(fold ? VietText.fold(w) : w, start, i));
            }
        }
        return out;
    }

    static boolean isNumber(String w) {
        for (int i = 0; i < w.length(); i++) if (!Character.isDigit(w.charAt(i))) return false;
        return !w.isEmpty();
    }
}
