package vn.solieu.index;

import org.apache.lucene.document.LongPoint;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.internal.hppc.LongHashSet;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import vn.solieu.facts.Fact;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static vn.solieu.index.IndexSchema.*;

/**
 * Folds the copies of a figure (the same report kept as PDF, Word and text) into one hit, by the
 * {@link FigureKey} each fact document carries as doc values and points.
 */
final class FigureCopies {
    private FigureCopies() {}

    /**
     * Figures are counted (a set of every match's key) up to this many matching facts: beyond,
     * the count would cost more than the search (≈ 10 ms a 100 000 matches), and results that
     * long are narrowed, not paged to their end.
     */
    static final int COUNTED = 10_000;

    /** Copies listed under one hit at most; an archive holding a report more often than this is rare. */
    static final int MAX_LISTED = 100;

    /** The figure key of each ranked document, read leaf by leaf in document order (doc values only go forward). */
    static long[] keys(IndexSearcher searcher, ScoreDoc[] ranked) throws IOException {
        Integer[] byDoc = new Integer[ranked.length];
        for (int i = 0; i < byDoc.length; i++) byDoc[i] = i;
        Arrays.sort(byDoc, Comparator.comparingInt(i -> ranked[i].doc));
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        long[] keys = new long[ranked.length];
        int leaf = -1;
        SortedNumericDocValues values = null;
        for (int i : byDoc) {
            int doc = ranked[i].doc;
            int l = ReaderUtil.subIndex(doc, leaves);
            if (l != leaf) {
                leaf = l;
                values = DocValues.getSortedNumeric(leaves.get(l).reader(), FIGURE);
            }
            int local = doc - leaves.get(l).docBase;
            // Every fact has a key; should one lack it, its document number keeps it apart.
            keys[i] = values.advanceExact(local) ? values.nextValue() : doc;
        }
        return keys;
    }

    /** Ranked documents with their figure keys, in rank order. */
    record Ranked(ScoreDoc[] docs, long[] keys) {
        static Ranked of(IndexSearcher searcher, ScoreDoc[] docs) throws IOException {
            return new Ranked(docs, FigureCopies.keys(searcher, docs));
        }

        /** Each figure's best-ranked copy only, in rank order. */
        Ranked firstOfEach() {
            LongHashSet seen = new LongHashSet();
            int[] first = new int[docs.length];
            int n = 0;
            for (int i = 0; i < docs.length; i++) if (seen.add(keys[i])) first[n++] = i;
            ScoreDoc[] d = new ScoreDoc[n];
            long[] k = new long[n];
            for (int j = 0; j < n; j++) {
                d[j] = docs[first[j]];
                k[j] = keys[first[j]];
            }
            return new Ranked(d, k);
        }
    }

    /** Passes on the first fact of each figure, dropping its copies met later. */
    static FactSearcher.FactSink firstOfEach(FactSearcher.FactSink sink) {
        // A primitive set (Lucene's): an export may pass a million figures.
        LongHashSet seen = new LongHashSet();
        return fact -> {
            if (seen.add(FigureKey.of(fact))) sink.accept(fact);
        };
    }

    /** How many different figures the matching documents hold (each visited once, in document order). */
    static long count(List<FacetsCollector.MatchingDocs> matches) throws IOException {
        LongHashSet figures = new LongHashSet();
        for (FacetsCollector.MatchingDocs m : matches) {
            if (m.totalHits == 0 || m.bits == null) continue;
            SortedNumericDocValues values = DocValues.getSortedNumeric(m.context.reader(), FIGURE);
            DocIdSetIterator it = m.bits.iterator();
            if (it == null) continue;
            for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                figures.add(values.advanceExact(doc) ? values.nextValue() : m.context.docBase + doc);
            }
        }
        return figures.size();
    }

    /**
     * For each hit (fact document {@code docs[i]} with figure key {@code keys[i]}), the other facts
     * stating its figure, by file and page: one search for all the hits of a page.
     */
    static List<List<SearchHit.Copy>> of(IndexSearcher searcher, int[] docs, long[] keys) throws IOException {
        List<List<SearchHit.Copy>> copies = new ArrayList<>(docs.length);
        for (int i = 0; i < docs.length; i++) copies.add(new ArrayList<>());
        if (docs.length == 0) return copies;
        // Only fact documents have a figure key. The points alone: a filter on the type costs more than the search.
        Query sameFigures = new ConstantScoreQuery(LongPoint.newSetQuery(FIGURE, keys));
        ScoreDoc[] found = searcher.search(sameFigures, (MAX_LISTED + 1) * docs.length).scoreDocs;
        if (found.length == docs.length) return copies;   // the hits themselves, no copies
        long[] foundKeys = keys(searcher, found);
        StoredFields stored = searcher.storedFields();
        Set<Integer> hits = new HashSet<>();
        for (int d : docs) hits.add(d);
        for (int f = 0; f < found.length; f++) {
            if (hits.contains(found[f].doc)) continue;
            for (int i = 0; i < docs.length; i++) {
                if (keys[i] != foundKeys[f] || copies.get(i).size() == MAX_LISTED) continue;
                Fact fact = FactDocuments.storedFact(stored, found[f].doc);
                copies.get(i).add(new SearchHit.Copy(fact.source.file(), fact.source.sha256(), fact.source.page(), fact.id));
                break;   // the hits are different figures: no other has this key
            }
        }
        for (List<SearchHit.Copy> list : copies) {
            list.sort(Comparator.comparing(SearchHit.Copy::file).thenComparing(c -> c.page() == null ? 0 : c.page()));
        }
        return copies;
    }

}
