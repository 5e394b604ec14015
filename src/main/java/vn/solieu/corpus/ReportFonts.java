package vn.solieu.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The TrueType fonts bundled in the jar under {@code fonts/} (DejaVu, see fonts/LICENSE-DejaVu.txt).
 * Read once and kept as bytes: a generator writing thousands of PDFs parses them per document but
 * never goes back to the jar.
 */
final class ReportFonts {
    static final String REGULAR = "/fonts/DejaVuSerifCondensed.ttf";
    static final String BOLD = "/fonts/DejaVuSerifCondensed-Bold.ttf";
    /** The family name the fonts report, written into DOCX runs. */
    static final String FAMILY = "DejaVu Serif Condensed";

    private static volatile byte[] regular;
    private static volatile byte[] bold;

    private ReportFonts() {}

    static byte[] regular() {
        byte[] b = regular;
        if (b == null) regular = b = load(REGULAR);
        return b;
    }

    static byte[] bold() {
        byte[] b = bold;
        if (b == null) bold = b = load(BOLD);
        return b;
    }

    private static byte[] load(String resource) {
        try (InputStream in = ReportFonts.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("font " + resource + " is missing from the jar");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read font " + resource, e);
        }
    }
}
