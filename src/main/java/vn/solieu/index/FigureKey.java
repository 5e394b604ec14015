package vn.solieu.index;

import vn.solieu.facts.Fact;
import vn.solieu.reference.Words;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Which figure a fact states, whichever file states it: archives keep the same report as PDF,
 * Word and text, and a researcher wants each figure once, with the other files named as copies.
 *
 * <p>Two facts are the same figure when they agree on the province, the report period, the window
 * the figure covers, its kind, every number, the unit, what it measures (the canonical indicator,
 * else the label) and the heading path above it. Words are compared folded (no diacritics, no
 * punctuation, one space between words), so that a Word file's curly quotes or a text file's line
 * breaks do not part them. The heading path is part of the key because reports repeat generic
 * labels ("Tiếp nhận: 12/12 hồ sơ") under several headings, and those are different figures.
 */
public final class FigureKey {
    private FigureKey() {}

    private static final char SEPARATOR = '\u001F';

    /** A 64-bit key: the first eight bytes of the SHA-256 of the fields above, written out. */
    public static long of(Fact f) {
        StringBuilder sb = new StringBuilder(200);
        field(sb, f.province);
        field(sb, f.reportPeriod);
        field(sb, f.period == null ? null : f.period.from() + "/" + f.period.to() + "/" + f.period.asOf());
        field(sb, f.kind == null ? null : f.kind.name());
        number(sb, f.numerator);
        number(sb, f.denominator);
        number(sb, f.percent);
        number(sb, f.value);
        field(sb, f.change == null ? null : f.change.toString());
        field(sb, words(f.unit));
        field(sb, f.indicatorId != null ? "#" + f.indicatorId : words(f.indicator));
        for (String heading : f.section) field(sb, words(heading));
        byte[] digest = sha256().digest(sb.toString().getBytes(StandardCharsets.UTF_8));
        long key = 0;
        for (int i = 0; i < 8; i++) key = (key << 8) | (digest[i] & 0xFF);
        return key;
    }

    private static String words(String s) {
        return s == null ? null : Words.foldedKey(s);
    }

    private static void field(StringBuilder sb, String value) {
        sb.append(value == null ? "\u0000" : value).append(SEPARATOR);
    }

    private static void number(StringBuilder sb, Double value) {
        field(sb, value == null ? null : Double.toString(value));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
