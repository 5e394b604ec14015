package vn.solieu.index.analysis;

import org.apache.lucene.analysis.charfilter.BaseCharFilter;
import vn.solieu.text.VietText;

import java.io.IOException;
import java.io.Reader;
import java.text.Normalizer;
import java.util.Arrays;

/**
 * First step of the chain: composed Unicode (NFC) and one tone-mark placement ("hoà" → "hòa").
 * Decomposed text ("a" + combining marks) would otherwise escape both the exact terms and
 * ASCII folding. Offsets are corrected so highlights land on the original characters.
 *
 * <p>Reads its whole input on first use: the fields it serves (a quote, a report's text) fit in memory.
 */
public final class VietNormalizeCharFilter extends BaseCharFilter {
    /** The whole input, normalized; null before the first read. */
    private char[] text;
    private int length;
    private int position;

    public VietNormalizeCharFilter(Reader in) {
        super(in);
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (text == null) readAll();
        if (position >= length) return -1;
        int n = Math.min(len, length - position);
        System.arraycopy(text, position, cbuf, off, n);
        position += n;
        return n;
    }

    /**
     * Reads the input into a char array. Nearly every value (a report's text, a fact's quote) is
     * already normal: that is told from the chars and they are served as they are, without the
     * String copies that {@link #normalize} needs.
     */
    private void readAll() throws IOException {
        // A filter is made for every field value, most of them a few words long: a small buffer,
        // not a large one to allocate and zero each time.
        char[] chars = new char[256];
        int n = 0;
        for (int read; (read = input.read(chars, n, chars.length - n)) != -1; ) {
            n += read;
            if (n == chars.length) chars = Arrays.copyOf(chars, 2 * n);
        }
        if (!isSurelyNfc(chars, n) || !VietText.hasCanonicalTones(chars, n)) {
            chars = normalize(new String(chars, 0, n)).toCharArray();
            n = chars.length;
        }
        text = chars;
        length = n;
    }

    /**
     * True when every char is one NFC leaves alone whatever stands before it: below U+0300 (where
     * the first combining marks are), Latin Extended Additional (Vietnamese's precomposed
     * letters), and the dashes, quotes and ellipsis of U+2010..U+2027. False says nothing.
     */
    static boolean isSurelyNfc(char[] chars, int length) {
        for (int i = 0; i < length; i++) {
            char c = chars[i];
            if (c >= 0x300 && !(c >= 0x1E00 && c < 0x1F00) && !(c >= 0x2010 && c < 0x2028)) return false;
        }
        return true;
    }

    /**
     * NFC, one grapheme cluster (a base character and its combining marks) at a time, so that every
     * shortening is recorded as an offset correction at the point where it happens.
     */
    private String normalize(String in) {
        if (Normalizer.isNormalized(in, Normalizer.Form.NFC)) return VietText.canonicalTones(in);
        StringBuilder out = new StringBuilder(in.length());
        int i = 0;
        while (i < in.length()) {
            int end = i + Character.charCount(in.codePointAt(i));
            while (end < in.length() && isCombining(in.codePointAt(end))) end += Character.charCount(in.codePointAt(end));
            String cluster = in.substring(i, end);
            out.append(Normalizer.normalize(cluster, Normalizer.Form.NFC));
            int diff = end - out.length();
            if (diff != getLastCumulativeDiff()) addOffCorrectMap(out.length(), diff);
            i = end;
        }
        // Tone placement swaps characters of equal length: no further offset change.
        return VietText.canonicalTones(out.toString());
    }

    private static boolean isCombining(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK;
    }
}
