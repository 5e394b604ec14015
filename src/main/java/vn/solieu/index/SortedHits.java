package vn.solieu.index;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.IntroSorter;

import java.io.IOException;

import static vn.solieu.index.IndexSchema.MONTH_FROM;
import static vn.solieu.index.IndexSchema.MONTH_TO;

/** Hits in a {@link SortOrder} other than relevance, read from the doc values beside the points. */
final class SortedHits {
    private SortedHits() {}

    /** The Lucene sort of a top-N search: the key, hits without it last, then relevance. */
    static Sort sort(SortOrder order) {
        boolean desc = order.descending();
        if (order.key() == SortOrder.Key.period) {
            return new Sort(field(MONTH_FROM, SortField.Type.INT, desc), field(MONTH_TO, SortField.Type.INT, desc), SortField.FIELD_SCORE);
        }
        return new Sort(field(order.key().field, SortField.Type.DOUBLE, desc), SortField.FIELD_SCORE);
    }

    private static SortField field(String name, SortField.Type type, boolean desc) {
        SortedNumericSortField f = new SortedNumericSortField(name, type, desc);
        if (type == SortField.Type.INT) f.setMissingValue(desc ? Integer.MIN_VALUE : Integer.MAX_VALUE);
        else f.setMissingValue(desc ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
        return f;
    }

    /**
     * Every match of {@code query}, as top-level doc ids in the order (equal keys in index order),
     * for an export of any size: 12 bytes a match are held, not the documents.
     */
    static int[] all(IndexSearcher searcher, Query query, SortOrder order) throws IOException {
        KeyCollector keys = new KeyCollector(order);
        searcher.search(query, keys);
        int n = keys.size;
        long[] key = keys.keys;
        int[] doc = keys.docs;
        int sign = order.descending() ? -1 : 1;
        new IntroSorter() {
            private long pivotKey;
            private int pivotDoc;

            @Override
            protected void setPivot(int i) {
                pivotKey = key[i];
                pivotDoc = doc[i];
            }

            @Override
            protected int comparePivot(int j) {
                int c = sign * Long.compare(pivotKey, key[j]);
                return c != 0 ? c : Integer.compare(pivotDoc, doc[j]);
            }

            @Override
            protected int compare(int i, int j) {
                int c = sign * Long.compare(key[i], key[j]);
                return c != 0 ? c : Integer.compare(doc[i], doc[j]);
            }

            @Override
            protected void swap(int i, int j) {
                long k = key[i];
                key[i] = key[j];
                key[j] = k;
                int d = doc[i];
                doc[i] = doc[j];
                doc[j] = d;
            }
        }.sort(0, n);
        return ArrayUtil.copyOfSubArray(doc, 0, n);
    }

    /**
     * Collects each match's doc id and one long that orders like the key: a period as its first
     * month then its last, a number as the sortable long Lucene stores it as.
     */
    private static final class KeyCollector extends SimpleCollector {
        private final SortOrder order;
        /** The key a hit without one gets: the end the order reaches last. */
        private final long missing;
        long[] keys = new long[1024];
        int[] docs = new int[1024];
        int size;
        private int docBase;
        private SortedNumericDocValues first;
        private SortedNumericDocValues second;

        KeyCollector(SortOrder order) {
            this.order = order;
            this.missing = order.descending() ? Long.MIN_VALUE : Long.MAX_VALUE;
        }

        @Override
        protected void doSetNextReader(LeafReaderContext context) throws IOException {
            docBase = context.docBase;
            boolean period = order.key() == SortOrder.Key.period;
            first = DocValues.getSortedNumeric(context.reader(), period ? MONTH_FROM : order.key().field);
            second = period ? DocValues.getSortedNumeric(context.reader(), MONTH_TO) : null;
        }

        @Override
        public void collect(int doc) throws IOException {
            long key;
            if (!first.advanceExact(doc)) key = missing;
            else if (second == null) key = first.nextValue();
            // Months are small positive ints: the first in the high half, the last in the low one.
            else key = (first.nextValue() << 32) | (second.advanceExact(doc) ? second.nextValue() & 0xFFFFFFFFL : 0);
            if (size == docs.length) {
                docs = ArrayUtil.grow(docs, size + 1);
                keys = ArrayUtil.growExact(keys, docs.length);
            }
            keys[size] = key;
            docs[size] = docBase + doc;
            size++;
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }
}
