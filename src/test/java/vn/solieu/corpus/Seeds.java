package vn.solieu.corpus;

import vn.solieu.text.VietText;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The two real seed reports in corpus/ and small helpers the corpus tests share. */
final class Seeds {
    static final Path BAC_KAN = Path.of("corpus/000_f89939e2e8bd4875.txt");   // monthly, no footnotes, NFC
    static final Path BAC_GIANG = Path.of("corpus/002_8f33f48acc798cc2.txt"); // yearly, 3 footnotes, NFD

    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,/]\\d+)*");

    private Seeds() {}

    static ReportDocument read(Path seed) throws IOException {
        return SeedTextReader.read(seed);
    }

    /** Number tokens ("1.512/1.546", "92,72", "3") in order of appearance. */
    static List<String> numbers(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = NUMBER.matcher(VietText.nfc(text));
        while (m.find()) out.add(m.group());
        return out;
    }

    /** The body text of a document with its marks glued as digits, one block per line. */
    static String bodyWithMarks(ReportDocument doc) {
        StringBuilder sb = new StringBuilder();
        for (Block b : doc.blocks()) sb.append(ReportDocument.textWithMarks(b)).append('\n');
        return sb.toString();
    }

    /** The footnotes as they print: "1 Nghị quyết …", paragraphs on their own lines. */
    static String footnotesAsPrinted(ReportDocument doc) {
        StringBuilder sb = new StringBuilder();
        for (Footnote f : doc.footnotes()) sb.append(f.number()).append(' ').append(f.text()).append('\n');
        return sb.toString();
    }
}
