package vn.solieu.ingest;

import vn.solieu.text.VietText;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Plain text. Pages are separated by form feeds when the text has them; text extracted from a
 * PDF line by line (a blank line after every line, as the seed reports are) shows a page break
 * as a line that starts with a space right after a non-blank line, and we read it so.
 *
 * <p>Text typed in the legacy TCVN3 or VNI encodings is converted to Unicode ({@link LegacyText}).
 * The charset is found by {@link TextCharset} (BOM, UTF-16 NUL pattern, strict UTF-8,
 * Windows-1258, statistics). Tika labels a multi-line text with commas {@code text/csv}; such
 * a file is still read here as plain text, because Tika's CSV parser would turn "42,9" into
 * two cells.
 */
public final class TextIngestor implements Ingestor {
    @Override
    public boolean accepts(String mediaType) {
        return mediaType.startsWith("text/plain") || mediaType.startsWith("text/csv")
                || mediaType.startsWith("text/tab-separated-values");
    }

    @Override
    public SourceDocument read(Path file, String shownName, byte[] bytes, String sha256, String mediaType) throws IngestException {
        String raw = LegacyText.repair(decodeWithLegacy(bytes));
        String text = VietText.nfc(raw.replace("\r\n", "\n").replace('\r', '\n'));
        return withPages(shownName, sha256, "text/plain", text);
    }

    /**
     * The file's text, read so that TCVN3 or VNI survives to {@link LegacyText}: those files
     * are 8-bit, and read as any 8-bit charset other than Latin-1 some of their bytes change
     * (Windows-1258 turns the VNI mark byte EC into a combining accent), so an 8-bit file whose
     * bytes look legacy is read as Windows-1252 (Latin-1 plus the dashes and quotes of 80..9F). A Unicode file is read as it is:
     * TCVN3 pasted into a UTF-8 file shows the same Latin-1 look-alikes.
     */
    static String decodeWithLegacy(byte[] bytes) {
        TextCharset.Decoded decoded = TextCharset.decode(bytes);
        String name = decoded.charset().name();
        if (!name.startsWith("UTF-")) {
            String latin1 = new String(bytes, java.nio.charset.Charset.forName("windows-1252"));
            if (LegacyText.detect(latin1) != null) return latin1;
        }
        return decoded.text();
    }

    static SourceDocument withPages(String shownName, String sha256, String mediaType, String text) {
        List<String> pageTexts = splitPages(text);
        StringBuilder all = new StringBuilder(text.length() + pageTexts.size());
        List<Page> pages = new ArrayList<>();
        for (String p : pageTexts) {
            if (!pages.isEmpty()) all.append('\f');
            int start = all.length();
            all.append(p);
            pages.add(new Page(pages.size() + 1, start, all.length()));
        }
        return new SourceDocument(shownName, sha256, mediaType, all.toString(), pages, List.of(), List.of(), false, null);
    }

    /** Splits at form feeds, else at the line-by-line page convention; a blank trailing page is dropped. */
    static List<String> splitPages(String text) {
        List<String> pages = new ArrayList<>();
        if (text.indexOf('\f') >= 0) {
            for (String p : text.split("\f", -1)) pages.add(p);
        } else {
            String[] lines = text.split("\n", -1);
            if (isDoubleSpaced(lines)) {
                StringBuilder page = new StringBuilder();
                for (int i = 0; i < lines.length; i++) {
                    if (i > 0 && lines[i].startsWith(" ") && !lines[i - 1].isBlank()) {
                        pages.add(page.toString());
                        page.setLength(0);
                    } else if (i > 0) {
                        page.append('\n');
                    }
                    page.append(lines[i]);
                }
                pages.add(page.toString());
            } else {
                pages.add(text);
            }
        }
        while (pages.size() > 1 && pages.get(pages.size() - 1).isBlank()) pages.remove(pages.size() - 1);
        return pages;
    }

    /** True when most lines are followed by a blank line: the layout of per-line PDF extraction. */
    private static boolean isDoubleSpaced(String[] lines) {
        int text = 0, followedByBlank = 0;
        for (int i = 0; i + 1 < lines.length; i++) {
            if (!lines[i].isBlank()) {
                text++;
                if (lines[i + 1].isBlank()) followedByBlank++;
            }
        }
        return text >= 10 && followedByBlank >= text * 0.8;
    }
}
