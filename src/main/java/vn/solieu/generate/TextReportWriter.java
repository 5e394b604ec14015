package vn.solieu.generate;

import vn.solieu.corpus.Block;
import vn.solieu.corpus.ReportDocument;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes a composed report as plain text, in one of three layouts real archives hold:
 * <ul>
 * <li>{@code seed}: what a PDF text extractor gives, as the seed reports are: lines wrapped at
 *     about 85 characters, each followed by a blank line, a trailing space on every line, and
 *     the first line of a new page starting with a space;</li>
 * <li>{@code paragraphs}: one line per paragraph, pages separated by form feeds;</li>
 * <li>{@code flat}: one line per paragraph, no pages.</li>
 * </ul>
 * Footnotes are left out (a text file has no place for them) and so are their marks. The text
 * is NFC, or NFD (decomposed) when the report asks for it. UTF-8, no BOM.
 */
public final class TextReportWriter {
    static final int WRAP = 85;
    static final int LINES_PER_PAGE = 46;
    static final int BLOCKS_PER_PAGE = 28;
    /** A continuation line must not look like a bullet, a numbered heading or a bare number. */
    private static final Pattern BAD_LINE_START = Pattern.compile("^([-+•]|\\d+[.)]|[IVX]+\\.|\\d+\\s*$)");

    private TextReportWriter() {}

    public static byte[] write(ReportComposer.Composed report) {
        String text = switch (report.spec().layout()) {
            case "seed" -> seedLayout(report.blocks());
            case "paragraphs" -> paragraphs(report.blocks(), true);
            default -> paragraphs(report.blocks(), false);
        };
        if (report.spec().nfd()) text = Normalizer.normalize(text, Normalizer.Form.NFD);
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String paragraphs(List<Block> blocks, boolean pages) {
        StringBuilder sb = new StringBuilder();
        int onPage = 0;
        for (Block b : blocks) {
            String t = ReportDocument.plainText(b);
            if (t.isEmpty()) continue;
            if (pages && onPage == BLOCKS_PER_PAGE) {
                sb.append('\f');
                onPage = 0;
            }
            sb.append(t).append('\n');
            onPage++;
        }
        return sb.toString();
    }

    private static String seedLayout(List<Block> blocks) {
        StringBuilder sb = new StringBuilder("\n \n\n");
        int onPage = 0;
        for (Block b : blocks) {
            String t = ReportDocument.plainText(b);
            if (t.isEmpty()) continue;
            for (String line : wrap(t)) {
                boolean newPage = onPage == LINES_PER_PAGE;
                if (newPage) onPage = 0;
                sb.append(newPage ? " " : "").append(line).append(" \n\n");
                onPage++;
            }
        }
        return sb.toString();
    }

    /** Wraps at spaces, never right beside a figure (so "42,9 %" and "1.512/1.546 hồ sơ" stay whole) nor before a line that would read as a bullet. */
    static List<String> wrap(String text) {
        List<String> lines = new ArrayList<>();
        String rest = text;
        while (rest.length() > WRAP) {
            int cut = -1;
            for (int i = Math.min(WRAP, rest.length() - 1); i > WRAP / 2; i--) {
                if (rest.charAt(i) != ' ') continue;
                char before = rest.charAt(i - 1), after = rest.charAt(i + 1);
                if (Character.isDigit(before) || Character.isDigit(after) || after == '%' || after == '(') continue;
                if (BAD_LINE_START.matcher(rest.substring(i + 1)).find()) continue;
                cut = i;
                break;
            }
            if (cut < 0) break;
            lines.add(rest.substring(0, cut));
            rest = rest.substring(cut + 1);
        }
        lines.add(rest);
        return lines;
    }
}
