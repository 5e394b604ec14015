package vn.solieu.index.analysis;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Words and number shapes as a reader of Vietnamese reports writes them.
 *
 * <p>A word is a run of letters and digits that starts with a letter ("VNeID", "CCCD"). A number
 * keeps its separators whole: "1.512/1.546", "42,9", and a percent sign, also after one space
 * ("42,9 %" → "42,9%"). StandardTokenizer would split at the slash and drop the "%".
 *
 * <p>With {@code emitParts} (index side) a number also yields its parts at the same position:
 * "1.512/1.546" → "1.512", "1.546"; "42,9%" → "42,9"; so searching a part finds the whole.
 * The query side leaves parts out, so "1.512/1.546" asks for exactly that ratio.
 */
public final class VietTokenizer extends Tokenizer {
    public static final String WORD = "<WORD>";
    public static final String NUMBER = "<NUM>";
    public static final String NUMBER_PART = "<NUM_PART>";
    private static final int MAX_TOKEN = 255;
    private static final int KEPT_BUFFER = 1 << 16;

    private final boolean emitParts;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);
    private final TypeAttribute type = addAttribute(TypeAttribute.class);

    /** The whole value, in a buffer reused for every value of the field (a tokenizer serves them one after another). */
    private char[] text = new char[1024];
    private int length;
    private int pos;
    private final Deque<int[]> parts = new ArrayDeque<>();

    public VietTokenizer(boolean emitParts) {
        this.emitParts = emitParts;
    }

    @Override
    public boolean incrementToken() throws IOException {
        clearAttributes();
        if (!parts.isEmpty()) {
            int[] p = parts.poll();
            set(p[0], p[1], 0, NUMBER_PART);
            return true;
        }
        while (pos < length && !startsToken(pos)) pos++;
        if (pos >= length) return false;
        int start = pos;
        if (Character.isDigit(text[pos])) {
            number(start);
        } else {
            while (pos < length && pos - start < MAX_TOKEN && isWordChar(Character.codePointAt(text, pos, length))) {
                pos += Character.charCount(Character.codePointAt(text, pos, length));
            }
            set(start, pos, 1, WORD);
        }
        return true;
    }

    /** digits ([.,/] digits)* and an optional "%" (directly or after one space). */
    private void number(int start) {
        int partStart = start;
        java.util.List<int[]> slashParts = new java.util.ArrayList<>();
        digits();
        while (pos + 1 < length && pos - start < MAX_TOKEN && ".,/".indexOf(text[pos]) >= 0
                && Character.isDigit(text[pos + 1])) {
            if (text[pos] == '/') {
                slashParts.add(new int[]{partStart, pos});
                partStart = pos + 1;
            }
            pos++;
            digits();
        }
        int numberEnd = pos;
        String shape = new String(text, start, numberEnd - start);
        boolean percent = false;
        if (pos < length && text[pos] == '%') {
            percent = true;
            pos++;
        } else if (pos + 1 < length && isSpace(text[pos]) && text[pos + 1] == '%') {
            percent = true;
            pos += 2;
        }
        term.setEmpty().append(shape);
        if (percent) term.append('%');
        mark(start, pos, 1, NUMBER);
        if (emitParts) {
            if (!slashParts.isEmpty()) {
                slashParts.add(new int[]{partStart, numberEnd});
                parts.addAll(slashParts);
            } else if (percent) {
                parts.add(new int[]{start, numberEnd});
            }
        }
    }

    private void digits() {
        while (pos < length && Character.isDigit(text[pos])) pos++;
    }

    private boolean startsToken(int i) {
        return Character.isLetterOrDigit(Character.codePointAt(text, i, length));
    }

    private static boolean isWordChar(int cp) {
        if (Character.isLetterOrDigit(cp)) return true;
        int t = Character.getType(cp);
        return t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\u00A0' || c == '\u202F' || c == '\u2009';
    }

    /** The token is {@code text[start, end)}, copied without an intermediate String. */
    private void set(int start, int end, int increment, String tokenType) {
        term.copyBuffer(text, start, end - start);
        mark(start, end, increment, tokenType);
    }

    private void mark(int start, int end, int increment, String tokenType) {
        offset.setOffset(correctOffset(start), correctOffset(end));
        posInc.setPositionIncrement(increment);
        type.setType(tokenType);
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        length = 0;
        // A report's whole text can be large: do not keep its buffer for the short values that follow.
        if (text.length > KEPT_BUFFER) text = new char[1024];
        for (int n; (n = input.read(text, length, text.length - length)) != -1; ) {
            length += n;
            if (length == text.length) text = java.util.Arrays.copyOf(text, 2 * text.length);
        }
        pos = 0;
        parts.clear();
    }

    @Override
    public void end() throws IOException {
        super.end();
        int last = correctOffset(length);
        offset.setOffset(last, last);
    }
}
