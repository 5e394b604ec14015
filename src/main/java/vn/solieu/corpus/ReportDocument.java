package vn.solieu.corpus;

import vn.solieu.text.VietText;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A report as the writers see it: blocks top to bottom, the footnotes they reference, a title for the
 * file's metadata and the date stamped into it. Immutable; text is NFC. The same model feeds every
 * writer, so a PDF and a DOCX made from one document carry the same words.
 *
 * <p>Every footnote is referenced exactly once and every reference has its footnote; footnotes are
 * numbered 1, 2, 3 … in order of reference.
 */
public record ReportDocument(String title, Instant date, List<Block> blocks, List<Footnote> footnotes) {

    /** The date written when none is given: files made from the same text are then byte-identical. */
    public static final Instant DEFAULT_DATE = Instant.parse("2024-01-01T00:00:00Z");

    public ReportDocument {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(date, "date");
        blocks = List.copyOf(blocks);
        footnotes = List.copyOf(footnotes);
        checkFootnotes(blocks, footnotes);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The footnote with this number. */
    public Footnote footnote(int number) {
        for (Footnote f : footnotes) if (f.number() == number) return f;
        throw new IllegalArgumentException("no footnote " + number);
    }

    /** The text of a block without its footnote marks. */
    public static String plainText(Block block) {
        StringBuilder sb = new StringBuilder();
        for (Inline inline : block.inlines()) if (inline instanceof Inline.Text t) sb.append(t.text());
        return sb.toString();
    }

    /**
     * The text of a block as text extraction from a PDF gives it: each footnote mark as its digits
     * glued to the preceding text ("Đề án 06" + mark 1 → "Đề án 061"), which is how the seeds read.
     */
    public static String textWithMarks(Block block) {
        StringBuilder sb = new StringBuilder();
        for (Inline inline : block.inlines()) {
            if (inline instanceof Inline.Text t) sb.append(t.text());
            else if (inline instanceof Inline.FootnoteRef r) sb.append(r.number());
        }
        return sb.toString();
    }

    private static void checkFootnotes(List<Block> blocks, List<Footnote> footnotes) {
        Map<Integer, Footnote> byNumber = new LinkedHashMap<>();
        for (Footnote f : footnotes) {
            if (byNumber.put(f.number(), f) != null) throw new IllegalArgumentException("footnote " + f.number() + " is given twice");
        }
        Set<Integer> referenced = new HashSet<>();
        int expected = 1;
        for (Block block : blocks) {
            for (Inline inline : block.inlines()) {
                if (!(inline instanceof Inline.FootnoteRef ref)) continue;
                if (!byNumber.containsKey(ref.number())) throw new IllegalArgumentException("mark " + ref.number() + " has no footnote");
                if (!referenced.add(ref.number())) throw new IllegalArgumentException("footnote " + ref.number() + " is referenced twice");
                if (ref.number() != expected) throw new IllegalArgumentException("footnote marks out of order: found " + ref.number() + ", expected " + expected);
                expected++;
            }
        }
        for (Integer n : byNumber.keySet()) {
            if (!referenced.contains(n)) throw new IllegalArgumentException("footnote " + n + " is never referenced");
        }
    }

    /** Collects blocks and footnotes; text is normalised to NFC on the way in. */
    public static final class Builder {
        private String title = "";
        private Instant date = DEFAULT_DATE;
        private final List<Block> blocks = new ArrayList<>();
        private final List<Footnote> footnotes = new ArrayList<>();

        public Builder title(String title) {
            this.title = VietText.nfc(title);
            return this;
        }

        public Builder date(Instant date) {
            this.date = date;
            return this;
        }

        public Builder titleLine(String text) {
            return add(new Block.Title(List.of(Inline.text(VietText.nfc(text)))));
        }

        public Builder heading(int level, String text) {
            return add(new Block.Heading(level, List.of(Inline.text(VietText.nfc(text)))));
        }

        public Builder paragraph(String text) {
            return add(new Block.Paragraph(List.of(Inline.text(VietText.nfc(text)))));
        }

        /** A paragraph with footnote marks: {@code paragraph(Inline.text("… năm 2023"), Inline.ref(2), Inline.text("; …"))}. */
        public Builder paragraph(Inline... parts) {
            return add(new Block.Paragraph(nfc(List.of(parts))));
        }

        public Builder blank() {
            return add(new Block.Blank());
        }

        public Builder pageBreak() {
            return add(new Block.PageBreak());
        }

        public Builder footnote(int number, String... paragraphs) {
            List<String> texts = new ArrayList<>();
            for (String p : paragraphs) texts.add(VietText.nfc(p));
            footnotes.add(new Footnote(number, texts));
            return this;
        }

        /** Adds a block as given: unlike the other methods it does not normalise, so its text should already be NFC. */
        public Builder add(Block block) {
            blocks.add(block);
            return this;
        }

        public ReportDocument build() {
            return new ReportDocument(title, date, blocks, footnotes);
        }

        private static List<Inline> nfc(List<Inline> parts) {
            List<Inline> out = new ArrayList<>(parts.size());
            for (Inline p : parts) out.add(p instanceof Inline.Text t ? Inline.text(VietText.nfc(t.text())) : p);
            return out;
        }
    }
}
