package vn.solieu.index;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import vn.solieu.facts.Fact;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Reads back every fact an index holds, streaming (the audit reads the whole index this way). */
public final class IndexedFacts {
    private IndexedFacts() {}

    /** Calls {@code consumer} once per fact stored in the index at {@code indexDir}. */
    public static void forEach(Path indexDir, Consumer<Fact> consumer) throws IOException {
        try (FSDirectory directory = FactSearcher.openExisting(indexDir);
             DirectoryReader reader = DirectoryReader.open(directory)) {
            Term factType = new Term(IndexSchema.TYPE, IndexSchema.TYPE_FACT);
            for (LeafReaderContext leaf : reader.leaves()) {
                LeafReader r = leaf.reader();
                PostingsEnum docs = r.postings(factType, PostingsEnum.NONE);
                if (docs == null) continue;
                Bits live = r.getLiveDocs();
                StoredFields stored = r.storedFields();
                for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                    if (live != null && !live.get(doc)) continue;
                    consumer.accept(FactDocuments.storedFact(stored, doc));
                }
            }
        }
    }
}
