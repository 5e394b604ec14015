package vn.solieu.corpus;

import java.util.Objects;

/** A piece of running text inside a block: plain text, or a footnote reference mark glued to the text before it. */
public sealed interface Inline permits Inline.Text, Inline.FootnoteRef {

    /** Plain text, NFC. */
    record Text(String text) implements Inline {
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    /** The reference mark of footnote {@code number}, printed as a superscript right after the preceding text. */
    record FootnoteRef(int number) implements Inline {
        public FootnoteRef {
            if (number < 1) throw new IllegalArgumentException("footnote numbers start at 1, got " + number);
        }
    }

    static Inline text(String text) {
        return new Text(text);
    }

    static Inline ref(int number) {
        return new FootnoteRef(number);
    }
}
