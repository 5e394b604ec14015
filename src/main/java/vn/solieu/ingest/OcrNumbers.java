package vn.solieu.ingest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Repairs the figures in OCR text, where OCR hurts most: letters read for digits ("1O" for
 * "10", "l5" for "15", "O6" for "06"), a space after a group separator ("1. 512"), and a comma
 * read for the thousands dot ("1,512" for "1.512") when the document writes thousands with
 * dots. Applied to OCR-derived text only: a text layer says what the writer typed.
 *
 * <p>Every repair keeps or shortens the text; offsets are those of the repaired text, which is
 * the document's text.
 */
public final class OcrNumbers {
    private OcrNumbers() {}

    /** A run of digits and digit look-alikes standing on its own (not inside a word). */
    private static final Pattern NUMBER_LIKE = Pattern.compile("(?<![\\p{L}\\d])[\\dOoIl|][\\dOoIl|.,]*(?![\\p{L}\\d])");
    /** "1. 512", "12, 345": a separator, a space, then exactly three digits. */
    private static final Pattern SPACED_GROUP = Pattern.compile("(?<![\\d.,])(\\d{1,3}(?:[.,]\\d{3})*)([.,]) (\\d{3})(?![\\d])");
    /** "1,512", "12,345,678" not followed by "%" (a rate keeps its decimal comma). */
    private static final Pattern COMMA_GROUPS = Pattern.compile("(?<![\\d.,])[1-9]\\d{0,2}(?:,\\d{3})+(?![\\d.,]\\d)(?!\\s*%)");
    private static final Pattern DOT_GROUPS_ANY = Pattern.compile("(?<![\\d.,])\\d{1,3}(?:\\.\\d{3})+(?![\\d,]\\d)");
    private static final Pattern COMMA_GROUPS_ANY = Pattern.compile("(?<![\\d.,])\\d{1,3}(?:,\\d{3})+(?![\\d.]\\d)(?!\\s*%)");

    /**
     * True when the evidence (the document's text, OCR and not) writes thousands with dots at
     * least as often as with commas: the Vietnamese habit, and so also the answer when neither shows.
     */
    public static boolean dotThousands(CharSequence evidence) {
        return count(DOT_GROUPS_ANY, evidence) >= count(COMMA_GROUPS_ANY, evidence);
    }

    /** The OCR text with its figures repaired; {@code dotThousands} from {@link #dotThousands}. */
    public static String repair(String text, boolean dotThousands) {
        String s = lettersInNumbers(text);
        String previous;
        do {
            previous = s;
            s = SPACED_GROUP.matcher(s).replaceAll("$1$2$3");
        } while (!s.equals(previous));
        if (dotThousands) {
            Matcher m = COMMA_GROUPS.matcher(s);
            StringBuilder out = new StringBuilder(s.length());
            while (m.find()) m.appendReplacement(out, m.group().replace(',', '.'));
            m.appendTail(out);
            s = out.toString();
        }
        return s;
    }

    /** "1O" → "10", "l5" → "15", "2O23" → "2023": only in a run with at least as many real digits as look-alikes. */
    static String lettersInNumbers(String text) {
        Matcher m = NUMBER_LIKE.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            String token = m.group();
            int digits = 0, lookAlikes = 0;
            for (char c : token.toCharArray()) {
                if (Character.isDigit(c)) digits++;
                else if (c != '.' && c != ',') lookAlikes++;
            }
            String fixed = token;
            if (lookAlikes > 0 && digits >= lookAlikes) {
                fixed = token.replace('O', '0').replace('o', '0').replace('I', '1').replace('l', '1').replace('|', '1');
            }
            m.appendReplacement(out, Matcher.quoteReplacement(fixed));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static int count(Pattern p, CharSequence s) {
        Matcher m = p.matcher(s);
        int n = 0;
        while (m.find()) n++;
        return n;
    }
}
