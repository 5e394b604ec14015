package vn.solieu.ingest;

import java.nio.charset.StandardCharsets;

/**
 * Tika's RTF parser writes a footnote's text inline, where the note is anchored, with nothing
 * to tell it from the body. Before parsing we bracket every {@code {\footnote …}} group with two
 * private-use characters (written as RTF {@code \\uN?} escapes), which {@link TikaIngestor}
 * then treats like any other format's note markers.
 */
final class RtfNotes {
    private static final String FOOTNOTE = "{\\footnote";

    private RtfNotes() {}

    static byte[] bracketNotes(byte[] rtf) {
        // ISO-8859-1 maps bytes 1:1, so 8-bit code-page text survives the round trip untouched.
        String s = new String(rtf, StandardCharsets.ISO_8859_1);
        if (!s.contains(FOOTNOTE)) return rtf;
        StringBuilder out = new StringBuilder(s.length() + 64);
        int i = 0;
        while (true) {
            int start = s.indexOf(FOOTNOTE, i);
            if (start < 0 || isControlWordContinued(s, start + FOOTNOTE.length())) {
                if (start < 0) break;
                out.append(s, i, start + FOOTNOTE.length());
                i = start + FOOTNOTE.length();
                continue;
            }
            int close = closingBrace(s, start);
            if (close < 0) break;
            out.append(s, i, start + FOOTNOTE.length());
            out.append(' ').append(escape(TikaLineHandler.NOTE_START));
            out.append(s, start + FOOTNOTE.length(), close);
            out.append(escape(TikaLineHandler.NOTE_END));
            i = close;
        }
        out.append(s, i, s.length());
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** "{\footnotesize" is not "{\footnote": the control word must end here. */
    private static boolean isControlWordContinued(String s, int at) {
        return at < s.length() && Character.isLetter(s.charAt(at));
    }

    /** The index of the brace that closes the group opened at {@code open}, or -1. */
    private static int closingBrace(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++; // an escaped brace or backslash, or the first letter of a control word
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** RTF writes Unicode as a signed 16-bit number followed by a one-character fallback. */
    private static String escape(char c) {
        return "\\u" + (short) c + "?";
    }
}
