package vn.solieu.index;

import vn.solieu.facts.Fact;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Reads back every fact an index holds, streaming (the audit reads the whole index this way). */
public final class IndexedFacts {
    private IndexedFacts() {}

    /** Calls {@code consumer} once per fact stored in the index at {@code indexDir}. */
    public static void forEach(Path indexDir, Consumer<Fact> consumer) throws IOException {
        throw new IOException("the index is not built yet");
    }
}
