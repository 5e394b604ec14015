package vn.solieu.structure;

import vn.solieu.ingest.SourceDocument;

/** Sections: the heading path of every block of text, footnotes kept apart. (Being built.) */
public final class Outline {
    public static Outline of(SourceDocument doc) {
        return new Outline();
    }
}
