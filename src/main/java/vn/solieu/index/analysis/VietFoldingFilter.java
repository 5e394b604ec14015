package vn.solieu.index.analysis;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;

/**
 * {@link ASCIIFoldingFilter}'s folding ("Đăng ký" → "Dang ky"), with its one-character answers for
 * the Latin blocks (Vietnamese included) looked up in a table made from it once. Every letter of
 * Vietnamese text is folded at import time, and the library's per-character switch was the largest
 * single cost of indexing. Anything the table does not cover (a letter that folds to two, "æ" →
 * "ae", or one beyond U+1FFF) goes to the library itself, so the terms are exactly its terms.
 */
public final class VietFoldingFilter extends TokenFilter {
    private static final int TABLE_END = 0x2000;
    /** Folded form of each char below {@link #TABLE_END}; 0 where the fold is not one char. */
    private static final char[] ONE_CHAR_FOLD = new char[TABLE_END];

    static {
        char[] in = new char[1], out = new char[8];
        for (char c = 0; c < TABLE_END; c++) {
            in[0] = c;
            if (ASCIIFoldingFilter.foldToASCII(in, 0, out, 0, 1) == 1) ONE_CHAR_FOLD[c] = out[0];
        }
    }

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private char[] folded = new char[64];

    public VietFoldingFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) return false;
        char[] buffer = term.buffer();
        int length = term.length();
        for (int i = 0; i < length; i++) {
            char c = buffer[i];
            if (c < 0x80) continue;
            char f = c < TABLE_END ? ONE_CHAR_FOLD[c] : 0;
            if (f != 0) {
                buffer[i] = f;
            } else {
                foldByLibrary(buffer, length);
                return true;
            }
        }
        return true;
    }

    /** The rare token the table cannot fold alone (chars already folded stay as they are: ASCII folds to itself). */
    private void foldByLibrary(char[] buffer, int length) {
        int max = 4 * length;
        if (folded.length < max) folded = new char[max];
        int n = ASCIIFoldingFilter.foldToASCII(buffer, 0, folded, 0, length);
        term.copyBuffer(folded, 0, n);
    }
}
