package vn.solieu.ingest;

import org.apache.tika.parser.txt.CharsetDetector;
import org.apache.tika.parser.txt.CharsetMatch;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Finds the charset of a plain-text file and decodes it. The order of the checks is the order
 * of certainty: a byte-order mark, then the NUL-byte pattern of BOM-less UTF-16, then strict
 * UTF-8 (which random 8-bit text almost never passes), then Windows-1258 when the bytes decode
 * to Vietnamese, and only then Tika's statistical {@link CharsetDetector}.
 *
 * <p>Windows-1258 stores the five tone marks as combining characters after the vowel, so the
 * decoded text is NFD-like; callers normalise to NFC afterwards.
 */
public final class TextCharset {
    static final Charset WINDOWS_1258 = Charset.forName("windows-1258");

    /** How far into the file the sniffing looks; enough for a stable NUL count and letter statistics. */
    private static final int SNIFF_BYTES = 64 * 1024;

    private TextCharset() {}

    /** The decoded text (byte-order mark removed) and the charset it was read with. */
    public record Decoded(String text, Charset charset) {}

    public static Decoded decode(byte[] bytes) {
        Charset bom = byBom(bytes);
        if (bom != null) {
            int skip = bom == StandardCharsets.UTF_8 ? 3 : 2;
            return new Decoded(new String(bytes, skip, bytes.length - skip, bom), bom);
        }
        if (utf16ByNulPattern(bytes) == null) {
            // Most files are UTF-8: decode once and look at the result. Without a U+FFFD in it no
            // byte was malformed, so the strict check of detect() would pass.
            String utf8 = new String(bytes, StandardCharsets.UTF_8);
            if (utf8.indexOf('\uFFFD') < 0 || isStrictUtf8(bytes)) return new Decoded(utf8, StandardCharsets.UTF_8);
        }
        Charset charset = detect(bytes);
        return new Decoded(new String(bytes, charset), charset);
    }

    /** The charset of BOM-less bytes (a BOM is checked first by {@link #decode}). */
    public static Charset detect(byte[] bytes) {
        Charset utf16 = utf16ByNulPattern(bytes);
        if (utf16 != null) return utf16;
        if (isStrictUtf8(bytes)) return StandardCharsets.UTF_8;
        if (looksVietnameseIn1258(bytes)) return WINDOWS_1258;
        CharsetDetector detector = new CharsetDetector();
        detector.setText(prefix(bytes));
        CharsetMatch match = detector.detect();
        if (match != null && Charset.isSupported(match.getName())) {
            Charset found = Charset.forName(match.getName());
            // Text that was not valid UTF-8 is not UTF-8 whatever the statistics say.
            if (!found.equals(StandardCharsets.UTF_8)) return found;
        }
        return Charset.forName("windows-1252");
    }

    static Charset byBom(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) return StandardCharsets.UTF_8;
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) return StandardCharsets.UTF_16LE;
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) return StandardCharsets.UTF_16BE;
        return null;
    }

    /**
     * UTF-16 without a BOM: text in Latin script has a NUL as the high byte of most ASCII
     * characters (spaces, digits, punctuation, the unaccented letters), so NULs pile up at odd
     * offsets (little-endian) or even ones (big-endian) and almost never on the other side.
     */
    static Charset utf16ByNulPattern(byte[] b) {
        int n = Math.min(b.length, SNIFF_BYTES) & ~1;
        if (n < 4) return null;
        int evenNul = 0, oddNul = 0;
        for (int i = 0; i < n; i += 2) {
            if (b[i] == 0) evenNul++;
            if (b[i + 1] == 0) oddNul++;
        }
        int units = n / 2;
        if (oddNul >= units * 0.3 && evenNul <= units * 0.02) return StandardCharsets.UTF_16LE;
        if (evenNul >= units * 0.3 && oddNul <= units * 0.02) return StandardCharsets.UTF_16BE;
        return null;
    }

    static boolean isStrictUtf8(byte[] bytes) {
        // A truncated file may end inside a multi-byte sequence: leave its last sequence out of the check.
        int end = bytes.length;
        int continuation = 0;
        while (continuation < 3 && end - continuation - 1 >= 0 && (bytes[end - continuation - 1] & 0xC0) == 0x80) continuation++;
        int lead = end - continuation - 1;
        if (lead >= 0 && (bytes[lead] & 0xC0) == 0xC0) end = lead;
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, end));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /**
     * Vietnamese in Windows-1258 shows its own letters (ă â đ ê ô ơ ư) and the five tone marks as
     * combining characters right after a vowel. Western text read as 1258 shows neither pattern,
     * so a clear share of them among the high bytes is strong evidence.
     */
    static boolean looksVietnameseIn1258(byte[] bytes) {
        String s = new String(prefix(bytes), WINDOWS_1258);
        int high = 0, vietnamese = 0, tonesAfterVowel = 0, tonesElsewhere = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) continue;
            high++;
            if ("ăâđêôơưĂÂĐÊÔƠƯ".indexOf(c) >= 0) vietnamese++;
            if (c == '\u0300' || c == '\u0301' || c == '\u0303' || c == '\u0309' || c == '\u0323') {
                if (i > 0 && isVowel(s.charAt(i - 1))) tonesAfterVowel++; else tonesElsewhere++;
            }
        }
        if (high == 0) return false;
        return tonesAfterVowel > 0 && tonesAfterVowel > 4 * tonesElsewhere
                && (vietnamese + tonesAfterVowel) >= high * 0.5;
    }

    private static boolean isVowel(char c) {
        return "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY".indexOf(c) >= 0;
    }

    private static byte[] prefix(byte[] bytes) {
        if (bytes.length <= SNIFF_BYTES) return bytes;
        byte[] p = new byte[SNIFF_BYTES];
        System.arraycopy(bytes, 0, p, 0, SNIFF_BYTES);
        return p;
    }
}
