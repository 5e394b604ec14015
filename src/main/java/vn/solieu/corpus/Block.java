package vn.solieu.corpus;

import java.util.List;

/**
 * One block of a report, top to bottom. Text blocks wrap at the text width when they are wider;
 * the seed reader makes one block per seed line so that the written files keep the seed's line breaks.
 */
public sealed interface Block permits Block.Title, Block.Heading, Block.Paragraph, Block.Blank, Block.PageBreak {

    /** The text of the block; empty for {@link Blank} and {@link PageBreak}. */
    List<Inline> inlines();

    /** A line of the title block: centred, bold. */
    record Title(List<Inline> inlines) implements Block {
        public Title {
            inlines = List.copyOf(inlines);
        }
    }

    /** A section heading ("I. …", "2.2. …"): bold, left. Level 1 is the outermost. */
    record Heading(int level, List<Inline> inlines) implements Block {
        public Heading {
            if (level < 1) throw new IllegalArgumentException("heading level starts at 1, got " + level);
            inlines = List.copyOf(inlines);
        }
    }

    /** Body text: a paragraph, a bullet line ("- …", "+ …") or one line of either. */
    record Paragraph(List<Inline> inlines) implements Block {
        public Paragraph {
            inlines = List.copyOf(inlines);
        }
    }

    /** An empty line. */
    record Blank() implements Block {
        @Override
        public List<Inline> inlines() {
            return List.of();
        }
    }

    /** A hint that the next block starts a new page (writers ignore it at the top of a page). */
    record PageBreak() implements Block {
        @Override
        public List<Inline> inlines() {
            return List.of();
        }
    }
}
