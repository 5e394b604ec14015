package vn.solieu.index.analysis;

import org.junit.jupiter.api.Test;
import vn.solieu.text.VietText;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The filter serves a value as it is only when NFC and the tone placement would leave it so. */
class VietNormalizeCharFilterTest {
    private static String filtered(String s) throws IOException {
        StringBuilder out = new StringBuilder();
        try (Reader r = new VietNormalizeCharFilter(new StringReader(s))) {
            char[] buf = new char[7];
            for (int n; (n = r.read(buf, 0, buf.length)) != -1; ) out.append(buf, 0, n);
        }
        return out.toString();
    }

    @Test
    void charsTakenAsNfcAreNfcWhateverStandsBeforeThem() {
        StringBuilder set = new StringBuilder();
        for (char c = 0; c < 0x2100; c++) {
            if (VietNormalizeCharFilter.isSurelyNfc(new char[] {c}, 1)) set.append(c);
        }
        assertEquals(0x300 + 0x100 + 0x18, set.length());
        for (int i = 0; i < set.length(); i++) {
            for (int j = 0; j < set.length(); j++) {
                String pair = "" + set.charAt(i) + set.charAt(j);
                if (!Normalizer.isNormalized(pair, Normalizer.Form.NFC)) throw new AssertionError(Integer.toHexString(pair.charAt(0)) + " " + Integer.toHexString(pair.charAt(1)));
            }
        }
        assertFalse(VietNormalizeCharFilter.isSurelyNfc("a\u0301".toCharArray(), 2));
    }

    @Test
    void servesNfcWithOneTonePlacement() throws IOException {
        String text = Files.readString(Path.of("corpus/002_8f33f48acc798cc2.txt"));
        String canonical = VietText.canonicalTones(VietText.nfc(text));
        assertEquals(canonical, filtered(text));
        assertEquals(canonical, filtered(canonical));
        assertEquals("Thanh Hóa “42,9%” – thủy lợi…", filtered("Thanh Hoa\u0301 “42,9%” – thuỷ lợi…"));
        assertEquals("", filtered(""));
    }
}
