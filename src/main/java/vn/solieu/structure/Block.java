package vn.solieu.structure;

import java.util.List;

/**
 * One bullet, heading, paragraph or footnote, its wrapped lines joined with single spaces.
 *
 * <p>{@code text} is what a person would quote; {@code offsets[i]} is the position in the
 * document text of {@code text.charAt(i)}, so any span of the block maps back to the source
 * (page furniture and footnote marks between lines are skipped, not copied).
 *
 * @param kind     what the block is
 * @param marker   its list or heading marker as written ("II.", "2.2.1.", "a)", "-", "+"), or ""
 * @param level    depth: 1 for "I.", 2 for "1.", 3 for "1.1.", 4 for "1.1.1.", 5 for "a)", 6 for "-", 7 for "+"; 0 for plain paragraphs
 * @param section  heading path above this block, outermost first
 * @param footnote the footnote number for footnote blocks, else 0
 */
public record Block(Kind kind, String marker, int level, String text, int[] offsets, List<String> section, int footnote) {
    public enum Kind { HEADING, BULLET, PARAGRAPH, FOOTNOTE }

    public Block {
        section = List.copyOf(section);
    }

    /** Document offset of block position {@code i} (i may equal text length: the end). */
    public int docOffset(int i) {
        if (i >= offsets.length) return offsets.length == 0 ? 0 : offsets[offsets.length - 1] + 1;
        return offsets[i];
    }

    /** Document end offset (exclusive) of a block span ending at {@code end} (exclusive). */
    public int docEnd(int end) {
        return end <= 0 ? docOffset(0) : offsets[Math.min(end, offsets.length) - 1] + 1;
    }

    public int docStart() {
        return docOffset(0);
    }
}
