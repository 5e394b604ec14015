package vn.solieu.structure;

import vn.solieu.ingest.Page;
import vn.solieu.ingest.SourceDocument;
import vn.solieu.ingest.Span;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sections: the document's lines regrouped into blocks (headings, bullets, paragraphs,
 * footnotes), each with the heading path above it. Page furniture (bare page numbers) is
 * dropped and footnote bodies are kept apart so a footnote is never glued into a sentence.
 */
public final class Outline {
    private final List<Block> blocks;
    private final List<Span> footnoteMarks;

    private Outline(List<Block> blocks, List<Span> footnoteMarks) {
        this.blocks = List.copyOf(blocks);
        this.footnoteMarks = List.copyOf(footnoteMarks);
    }

    public List<Block> blocks() {
        return blocks;
    }

    /** Footnote reference marks in the body (from the format, or found in the text): never figures. */
    public List<Span> footnoteMarks() {
        return footnoteMarks;
    }

    public static Outline of(SourceDocument doc) {
        List<Line> lines = Lines.split(doc);
        List<Span> marks = new ArrayList<>(doc.footnoteMarks());
        if (marks.isEmpty()) marks.addAll(FootnoteMarks.find(doc.text(), lines));
        Collections.sort(marks, (a, b) -> Integer.compare(a.start(), b.start()));
        return new Outline(Grouping.group(doc.text(), lines, marks), marks);
    }

    /** A physical line of the document with what we know of it. */
    record Line(int start, int end, int page, String text, boolean footnoteArea, int footnoteNumber) {
        String trimmed() {
            return text.strip();
        }
    }

    /** Splits the document into non-blank lines and marks page furniture and footnote areas. */
    static final class Lines {
        private static final Pattern PAGE_NUMBER = Pattern.compile("^\\s*(?:[-–]\\s*)?(?:Trang\\s+)?\\d{1,3}(?:\\s*[-–])?\\s*$", Pattern.CASE_INSENSITIVE);
        // A rule above footnotes: a run of spaces, underscores or dashes and nothing else.
        private static final Pattern FOOTNOTE_RULE = Pattern.compile("^(?:[ \\u00A0]{20,}|\\s*[_\\-–—]{8,}\\s*)$");
        private static final Pattern FOOTNOTE_START = Pattern.compile("^\\s*(\\d{1,2})\\s+\\S");

        static List<Line> split(SourceDocument doc) {
            String text = doc.text();
            List<Line> out = new ArrayList<>();
            List<Page> pages = doc.pages().isEmpty() ? List.of(new Page(0, 0, text.length())) : doc.pages();
            int footnote = 0; // footnotes run on across pages; a continuation carries the last number
            for (Page page : pages) {
                boolean inFootnotes = false;
                int pos = page.start();
                while (pos <= page.end()) {
                    int nl = text.indexOf('\n', pos);
                    int end = (nl < 0 || nl > page.end()) ? page.end() : nl;
                    String line = text.substring(pos, end);
                    boolean formatSaysFootnote = inArea(doc.footnoteAreas(), pos, end);
                    if (FOOTNOTE_RULE.matcher(line).matches() && !line.isEmpty()) {
                        // A rule is a footnote separator only when a numbered note (or a note running on) follows.
                        inFootnotes = footnotesFollow(text, end, page.end());
                    } else if (!line.isBlank() && !PAGE_NUMBER.matcher(line).matches()) {
                        boolean fn = inFootnotes || formatSaysFootnote;
                        if (fn) {
                            Matcher m = FOOTNOTE_START.matcher(line);
                            if (m.find() && Integer.parseInt(m.group(1)) > footnote) footnote = Integer.parseInt(m.group(1));
                        }
                        out.add(new Line(pos, end, page.number(), line, fn, fn ? footnote : 0));
                    }
                    if (end >= page.end()) break;
                    pos = end + 1;
                }
            }
            return out;
        }

        private static boolean footnotesFollow(String text, int from, int pageEnd) {
            int pos = from;
            while (pos < pageEnd) {
                int nl = text.indexOf('\n', pos + 1);
                int end = (nl < 0 || nl > pageEnd) ? pageEnd : nl;
                String next = text.substring(Math.min(pos + 1, end), end);
                if (!next.isBlank()) {
                    // A note starts with its number; a note continued from the previous page starts anywhere,
                    // but the rule then sits in the lower part of the page.
                    return FOOTNOTE_START.matcher(next).find() || (from - pageStart(text, from)) > (pageEnd - pageStart(text, from)) / 2;
                }
                pos = end;
            }
            return false;
        }

        private static int pageStart(String text, int offset) {
            int ff = text.lastIndexOf('\f', offset);
            return ff < 0 ? 0 : ff + 1;
        }

        private static boolean inArea(List<Span> areas, int start, int end) {
            for (Span s : areas) if (s.start() <= start && end <= s.end()) return true;
            return false;
        }
    }
}
