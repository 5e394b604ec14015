package vn.solieu.index.analysis;

import org.apache.lucene.analysis.charfilter.BaseCharFilter;
import vn.solieu.text.VietText;

import java.io.IOException;
import java.io.Reader;
import java.text.Normalizer;

/**
 * First step of the chain: composed Unicode (NFC) and one tone-mark placement ("hoà" → "hòa").
 * Decomposed text ("a" + combining marks) would otherwise escape both the exact terms and
 * ASCII folding. Offsets are corrected so highlights land on the original characters.
 *
 * <p>Reads its whole input on first use: the fields it serves (a quote, a report's text) fit in memory.
 */
public final class VietNormalizeCharFilter extends BaseCharFilter {
    private String normalized;
    private int position;

    public VietNormalizeCharFilter(Reader in) {
        super(in);
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (normalized == null) normalized = normalize(slurp(input));
        if (position >= normalized.length()) return -1;
        int n = Math.min(len, normalized.length() - position);
        normalized.getChars(position, position + n, cbuf, off);
        position += n;
        return n;
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

    private static String slurp(Reader r) throws IOException {
        // A filter is made for every field value, most of them a few words long: a small buffer,
        // not a large one to allocate and zero each time.
        StringBuilder sb = new StringBuilder(256);
        char[] buf = new char[256];
        for (int n; (n = r.read(buf)) != -1; ) sb.append(buf, 0, n);
        return sb.toString();
    }
}
