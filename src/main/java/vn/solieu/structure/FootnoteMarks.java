package vn.solieu.structure;

import vn.solieu.ingest.Span;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds footnote reference marks in text that lost its superscripts: extracted text glues the
 * mark to the token before it ("năm 20232" is "năm 2023" + note 2, "Đề án 061" is "Đề án 06" +
 * note 1, "92,72%)3" is "92,72%)" + note 3). We know which notes a page has, so we look on that
 * page for the first token ending in the note's number whose remainder reads as a whole.
 */
final class FootnoteMarks {
    private FootnoteMarks() {}

    static List<Span> find(String text, List<Outline.Line> lines) {
        List<Span> marks = new ArrayList<>();
        int lastNote = 0;
        for (Outline.Line line : lines) {
            if (!line.footnoteArea() || line.footnoteNumber() <= lastNote) continue;
            int note = line.footnoteNumber();
            lastNote = note;
            Span mark = findMark(text, lines, line.page(), Integer.toString(note));
            if (mark != null) marks.add(mark);
        }
        return marks;
    }

    private static Span findMark(String text, List<Outline.Line> lines, int page, String note) {
        // Glued to a letter, a closing bracket, quote or percent sign: unambiguous.
        Pattern afterSymbol = Pattern.compile("(?<=[\\p{L}%)”\"])" + note + "(?=[\\s.,;:)]|$)");
        // Glued to digits: the remainder must be a whole that the document writes elsewhere without it.
        Pattern afterDigits = Pattern.compile("(?<![\\d.,/])(\\d+)" + note + "(?=[\\s.,;:)]|$)");
        for (int p = page; p >= page - 1 && p >= 0; p--) {
            for (Outline.Line line : lines) {
                if (line.page() != p || line.footnoteArea()) continue;
                Matcher m = afterSymbol.matcher(line.text());
                if (m.find()) return new Span(line.start() + m.start(), line.start() + m.end());
                Matcher d = afterDigits.matcher(line.text());
                while (d.find()) {
                    String whole = d.group(1);
                    String before = wordBefore(line.text(), d.start());
                    if (isYearAfterNam(before, whole) || writtenElsewhere(text, before, whole)) {
                        int at = line.start() + d.end() - note.length();
                        return new Span(at, at + note.length());
                    }
                }
            }
        }
        return null;
    }

    private static boolean isYearAfterNam(String before, String whole) {
        return before.equalsIgnoreCase("năm") && whole.matches("(19|20)\\d\\d");
    }

    /** "Đề án 06" occurs elsewhere, "Đề án 061" is the marked one. */
    private static boolean writtenElsewhere(String text, String before, String whole) {
        if (before.isEmpty()) return false;
        Pattern p = Pattern.compile(Pattern.quote(before) + "\\s+" + Pattern.quote(whole) + "(?![\\d])");
        Matcher m = p.matcher(text);
        int n = 0;
        while (m.find()) n++;
        return n >= 2;
    }

    private static String wordBefore(String line, int pos) {
        int end = pos;
        while (end > 0 && Character.isWhitespace(line.charAt(end - 1))) end--;
        int start = end;
        while (start > 0 && Character.isLetter(line.charAt(start - 1))) start--;
        return line.substring(start, end);
    }
}
