package vn.solieu.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.QueryRescorer;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.QueryBuilder;
import vn.solieu.facts.Fact;
import vn.solieu.index.SearchHit.Snippet;
import vn.solieu.index.SearchResult.FacetCount;
import vn.solieu.ingest.Span;
import vn.solieu.reference.Province;
import vn.solieu.reference.Provinces;
import vn.solieu.text.VietNumber;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import static vn.solieu.index.IndexSchema.*;

/**
 * Searches an index as a researcher would: words with or without diacritics (an exact-diacritic
 * match ranks higher), Lucene syntax for the rest, filters, facet counts and highlighted quotes.
 * Opens a point-in-time view of the last commit; safe to use from several threads.
 */
public final class FactSearcher implements Closeable {
    /** Exact fields weigh twice their folded twins: the same word typed with its diacritics ranks higher. */
    private static final Map<String, Float> FACT_FIELDS = boosts(TEXT, 2f, INDICATOR, 2f, SECTION, 1f, PROVINCE, 1f, UNIT, 1f);
    private static final Map<String, Float> REPORT_FIELDS = boosts(BODY, 2f, TITLE, 2f, PROVINCE, 1f);
    private static final List<String> FACT_DIMS = List.of(FACET_PROVINCE, FACET_PERIOD, FACET_INDICATOR, FACET_KIND);
    private static final List<String> REPORT_DIMS = List.of(FACET_PROVINCE, FACET_PERIOD);
    private static final int TOP_FACETS = 10;
    /** How many first-pass candidates the per-field query ranks (more only for deeper pages). */
    private static final int RERANKED = 200;
    private static final int PASSAGE_LENGTH = 220;

    private final Path dir;
    private final FSDirectory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final Analyzer queryAnalyzer = IndexSchema.queryAnalyzer();
    private final Analyzer indexAnalyzer = IndexSchema.indexAnalyzer();
    private volatile SortedSetDocValuesReaderState facetState;

    private FactSearcher(Path dir, FSDirectory directory, DirectoryReader reader) {
        this.dir = dir;
        this.directory = directory;
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
    }

    /** Opens the last commit of the index at {@code dir}; a clear message if there is none. */
    public static FactSearcher open(Path dir) throws IOException {
        FSDirectory directory = openExisting(dir);
        DirectoryReader reader = DirectoryReader.open(directory);
        String version = reader.getIndexCommit().getUserData().get(VERSION_KEY);
        if (version != null && !version.equals(VERSION)) {
            reader.close();
            directory.close();
            throw new IOException(dir + " holds an index of layout " + version + "; this solieu reads layout " + VERSION
                    + ": import the reports again, into a new folder (--index DIR) or after deleting " + dir);
        }
        return new FactSearcher(dir, directory, reader);
    }

    static FSDirectory openExisting(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) throw new IOException("no index at " + dir + ": import reports first (solieu import --index " + dir + " FILE|DIR)");
        FSDirectory directory = FSDirectory.open(dir);
        if (!DirectoryReader.indexExists(directory)) {
            directory.close();
            throw new IOException("no index at " + dir + " (the folder holds no committed index): import reports first (solieu import --index " + dir + " FILE|DIR)");
        }
        return directory;
    }

    public SearchResult search(SearchRequest request) throws IOException {
        boolean facts = request.scope() == SearchRequest.Scope.facts;
        // "… Bắc Kạn tháng 2/2024": the period phrase becomes a filter, the rest stays words.
        QueryPeriods.Read read = BundledPeriods.READER.read(request.query());
        Months.Range queryPeriod = read.period();
        Query userQuery = parse(read.words(), facts ? FACT_FIELDS : REPORT_FIELDS);
        int limit = Math.max(1, request.limit());
        int offset = Math.max(0, request.offset());
        int wanted = (int) Math.min(Integer.MAX_VALUE - 1, (long) offset + limit);

        SortOrder order = request.order();
        if (!facts && !order.key().ofReports) {
            throw new IllegalArgumentException("passages are ordered by relevance or period, not by " + order.key() + " (a fact's number)");
        }

        // Folding copies of a figure (same report as PDF and Word) needs more ranked hits than shown.
        boolean fold = facts && !request.eachFile();
        int window = fold ? Math.max(RERANKED, wanted * 4) : wanted;
        long total;
        FacetsCollector facetHits = null;
        Query matched;
        Ranker ranker;
        if (facts && order.byRelevance() && !(userQuery instanceof MatchAllDocsQuery)) {
            // Two passes: the cheap query on the catch-all field finds and counts every match and
            // picks the best few hundred by BM25 (skipping what cannot make the top); the per-field
            // query (exact diacritics, labels) then ranks only those.
            Query match = matching(read, request);
            matched = match;
            if (request.facets()) {
                facetHits = searcher.search(match, new FacetsCollectorManager());
                total = facetHits.getMatchingDocs().stream().mapToLong(m -> m.totalHits).sum();
            } else {
                total = searcher.count(match);
            }
            QueryRescorer rescorer = new QueryRescorer(withFilters(userQuery, request, queryPeriod)) {
                @Override
                protected float combine(float firstPassScore, boolean secondPassMatches, float secondPassScore) {
                    // The per-field score decides; the first pass only breaks ties.
                    return (secondPassMatches ? secondPassScore : 0f) + firstPassScore * 0.001f;
                }
            };
            ranker = n -> {
                TopDocs candidates = searcher.search(match, new TopScoreDocCollectorManager(Math.max(n, RERANKED), null, RERANKED));
                return rescorer.rescore(searcher, candidates, n).scoreDocs;
            };
        } else {
            // One pass, ranked by the query itself or in the asked order. Facts in an order match
            // as in the two passes (the catch-all words), whose score only breaks ties of the key.
            Query query = facts && !order.byRelevance() ? matching(read, request) : withFilters(userQuery, request, queryPeriod);
            matched = query;
            Sort sort = order.byRelevance() ? null : SortedHits.sort(order);
            FacetsCollectorManager.FacetsResult found = sort == null
                    ? FacetsCollectorManager.search(searcher, query, window, new FacetsCollectorManager())
                    : FacetsCollectorManager.search(searcher, query, window, sort, true, new FacetsCollectorManager());
            TopDocs first = found.topDocs();
            total = first.totalHits.relation == TotalHits.Relation.EQUAL_TO ? first.totalHits.value : searcher.count(query);
            facetHits = found.facetsCollector();
            int firstWindow = window;
            ranker = n -> n == firstWindow ? first.scoreDocs
                    : (sort == null ? searcher.search(query, n) : searcher.search(query, n, sort, true)).scoreDocs;
        }

        ScoreDoc[] ranked = ranker.top(window);
        long[] rankedKeys = null;
        Long figures = null;
        if (fold) {
            // Widen the window until it holds enough different figures, or every match.
            while (true) {
                FigureCopies.Ranked distinct = FigureCopies.Ranked.of(searcher, ranked).firstOfEach();
                boolean everyMatch = ranked.length >= total || ranked.length < window;
                if (distinct.docs().length >= wanted || everyMatch || window >= Integer.MAX_VALUE / 4) {
                    if (everyMatch) figures = (long) distinct.docs().length;
                    ranked = distinct.docs();
                    rankedKeys = distinct.keys();
                    break;
                }
                window *= 4;
                ranked = ranker.top(window);
            }
            if (figures == null && total <= FigureCopies.COUNTED) {
                figures = FigureCopies.count((facetHits != null ? facetHits : searcher.search(matched, new FacetsCollectorManager())).getMatchingDocs());
            }
        }

        Map<String, List<FacetCount>> facets = request.facets() && facetHits != null
                ? facetCounts(facetHits, facts ? FACT_DIMS : REPORT_DIMS, TOP_FACETS)
                : Map.of();

        // Only the asked page is highlighted and read back.
        ScoreDoc[] pageDocs = offset >= ranked.length ? new ScoreDoc[0]
                : Arrays.copyOfRange(ranked, offset, Math.min(ranked.length, wanted));
        int[] docIds = new int[pageDocs.length];
        for (int i = 0; i < docIds.length; i++) docIds[i] = pageDocs[i].doc;
        Object[] snippets = highlight(facts ? folded(TEXT) : folded(BODY), userQuery, docIds, facts);

        StoredFields stored = searcher.storedFields();
        List<List<SearchHit.Copy>> copies = !fold ? null
                : FigureCopies.of(searcher, docIds, docIds.length == 0 ? new long[0] : Arrays.copyOfRange(rankedKeys, offset, offset + docIds.length));
        List<SearchHit> hits = new ArrayList<>(docIds.length);
        for (int i = 0; i < docIds.length; i++) {
            ScoreDoc sd = pageDocs[i];
            Highlight h = snippets[i] instanceof Highlight hl ? hl : null;
            if (facts) {
                Fact fact = FactDocuments.storedFact(stored, sd.doc);
                Snippet snippet = h != null ? h.snippet : new Snippet(fact.text == null ? "" : fact.text, List.of());
                hits.add(new SearchHit(sd.score, fact, fact.source.file(), fact.source.sha256(), fact.source.page(),
                        fact.province, fact.reportPeriod, null, snippet, fold ? copies.get(i) : List.of()));
            } else {
                var doc = stored.document(sd.doc);
                Integer page = h == null ? FactDocuments.pageAt(doc.get(PAGE_STARTS), 0) : passagePage(doc.get(PAGE_STARTS), h);
                Snippet snippet = h != null ? h.snippet : new Snippet("", List.of());
                hits.add(new SearchHit(sd.score, null, doc.get(FILE), doc.get(SHA256), page,
                        null, null, doc.get(TITLE), snippet, List.of()));
            }
        }
        return new SearchResult(total, hits, facets, read.periodLabel(), figures);
    }

    /** The best {@code n} hits of a search, in order. */
    @FunctionalInterface
    private interface Ranker {
        ScoreDoc[] top(int n) throws IOException;
    }

    /** Receives facts one by one; may fail with an I/O error (a closed pipe). */
    @FunctionalInterface
    public interface FactSink {
        void accept(Fact fact) throws IOException;
    }

    /**
     * Every fact the request's words and filters match (its limit, offset and facets aside), read
     * one at a time, neither ranked nor highlighted: an export of any size in bounded memory. In
     * index order, or in the request's {@link SortOrder} (which holds 12 bytes a match to sort them).
     * Copies of a figure are passed on once (the first met) unless the request asks for each
     * file's fact; that remembers each figure's key (about 16 bytes a figure).
     * Returns how many facts were passed on.
     */
    public long forEachFact(SearchRequest request, FactSink sink) throws IOException {
        Query query = matching(BundledPeriods.READER.read(request.query()), request.withScope(SearchRequest.Scope.facts));
        long[] passed = {0};
        FactSink counting = fact -> {
            sink.accept(fact);
            passed[0]++;
        };
        FactSink counted = request.eachFile() ? counting : FigureCopies.firstOfEach(counting);
        if (!request.order().byRelevance()) {
            StoredFields stored = searcher.storedFields();
            for (int doc : SortedHits.all(searcher, query, request.order())) counted.accept(FactDocuments.storedFact(stored, doc));
            return passed[0];
        }
        searcher.search(query, new org.apache.lucene.search.SimpleCollector() {
            private StoredFields stored;

            @Override
            protected void doSetNextReader(org.apache.lucene.index.LeafReaderContext context) throws IOException {
                stored = context.reader().storedFields();
            }

            @Override
            public void collect(int doc) throws IOException {
                counted.accept(FactDocuments.storedFact(stored, doc));
            }

            @Override
            public org.apache.lucene.search.ScoreMode scoreMode() {
                return org.apache.lucene.search.ScoreMode.COMPLETE_NO_SCORES;
            }
        });
        return passed[0];
    }

    /**
     * What decides which documents match (and are counted): the words on the catch-all field, one
     * posting list each, with the filters and the period read from the words.
     */
    private Query matching(QueryPeriods.Read read, SearchRequest request) {
        return withFilters(parse(read.words(), Map.of(folded(ALL), 1f)), request, read.period());
    }

    /** Counts of what the index holds. */
    public IndexStats stats() throws IOException {
        Query reports = and(new TermQuery(new Term(TYPE, TYPE_REPORT)), new TermQuery(new Term(STATUS, STATUS_INDEXED)));
        Query failed = and(new TermQuery(new Term(TYPE, TYPE_REPORT)), new TermQuery(new Term(STATUS, STATUS_FAILED)));
        Query facts = new TermQuery(new Term(TYPE, TYPE_FACT));
        FacetsCollector reportHits = searcher.search(reports, new FacetsCollectorManager());
        FacetsCollector factHits = searcher.search(facts, new FacetsCollectorManager());
        return new IndexStats(searcher.count(reports), searcher.count(failed), searcher.count(facts),
                facetCounts(reportHits, REPORT_DIMS, Integer.MAX_VALUE),
                facetCounts(factHits, List.of(FACET_PROVINCE, FACET_PERIOD, FACET_KIND), Integer.MAX_VALUE));
    }

    public Path dir() {
        return dir;
    }

    // ---- reading back reports and facts (the web view shows one report with its facts)

    /** Every readable imported report, by file name, without its text. */
    public List<StoredReport> reports() throws IOException {
        Query q = and(new TermQuery(new Term(TYPE, TYPE_REPORT)), new TermQuery(new Term(STATUS, STATUS_INDEXED)));
        List<StoredReport> out = new ArrayList<>();
        for (ScoreDoc sd : all(q)) out.add(storedReport(sd.doc, false));
        out.sort(java.util.Comparator.comparing(StoredReport::file));
        return out;
    }

    /** The readable imported report whose bytes have this hash, with its full text. */
    public java.util.Optional<StoredReport> report(String sha256) throws IOException {
        if (sha256 == null || sha256.isBlank()) return java.util.Optional.empty();
        Query q = and(and(new TermQuery(new Term(TYPE, TYPE_REPORT)), new TermQuery(new Term(STATUS, STATUS_INDEXED))),
                new TermQuery(new Term(SHA256, sha256)));
        TopDocs top = searcher.search(q, 1);
        if (top.scoreDocs.length == 0) return java.util.Optional.empty();
        return java.util.Optional.of(storedReport(top.scoreDocs[0].doc, true));
    }

    /** The facts read from the file with this hash, in the order they stand in its text. */
    public List<Fact> factsOf(String sha256) throws IOException {
        Query q = and(new TermQuery(new Term(TYPE, TYPE_FACT)), new TermQuery(new Term(SHA256, sha256)));
        List<Fact> out = new ArrayList<>();
        StoredFields stored = searcher.storedFields();
        for (ScoreDoc sd : all(q)) out.add(FactDocuments.storedFact(stored, sd.doc));
        out.sort(java.util.Comparator.comparingInt((Fact f) -> f.source.start()).thenComparingInt(f -> f.source.end()));
        return out;
    }

    /** The fact with this id. */
    public java.util.Optional<Fact> fact(String id) throws IOException {
        if (id == null || id.isBlank()) return java.util.Optional.empty();
        TopDocs top = searcher.search(and(new TermQuery(new Term(TYPE, TYPE_FACT)), new TermQuery(new Term(ID, id))), 1);
        if (top.scoreDocs.length == 0) return java.util.Optional.empty();
        return java.util.Optional.of(FactDocuments.storedFact(searcher.storedFields(), top.scoreDocs[0].doc));
    }

    private ScoreDoc[] all(Query q) throws IOException {
        int n = searcher.count(q);
        return n == 0 ? new ScoreDoc[0] : searcher.search(q, n).scoreDocs;
    }

    private StoredReport storedReport(int docId, boolean withText) throws IOException {
        var doc = searcher.storedFields().document(docId);
        Map<String, String> labels = facetLabels(docId);
        List<Integer> starts = new ArrayList<>();
        String pageStarts = doc.get(PAGE_STARTS);
        if (pageStarts != null && !pageStarts.isEmpty()) for (String s : pageStarts.split(",")) starts.add(Integer.parseInt(s));
        var pages = doc.getField(PAGE_COUNT);
        var facts = doc.getField(FACT_COUNT);
        var importedAt = doc.getField(IMPORTED_AT);
        return new StoredReport(doc.get(FILE), doc.get(SHA256), doc.get(MEDIA_TYPE), doc.get(TITLE),
                labels.get(FACET_PROVINCE), labels.get(FACET_PERIOD),
                pages == null ? 0 : pages.numericValue().intValue(), facts == null ? 0 : facts.numericValue().intValue(),
                importedAt == null ? null : java.time.Instant.ofEpochMilli(importedAt.numericValue().longValue()),
                withText ? doc.get(folded(BODY)) : null, List.copyOf(starts));
    }

    /** A document's facet values (dimension → value): the report document stores province and period only there. */
    private Map<String, String> facetLabels(int docId) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        List<org.apache.lucene.index.LeafReaderContext> leaves = reader.leaves();
        var leaf = leaves.get(org.apache.lucene.index.ReaderUtil.subIndex(docId, leaves));
        var values = leaf.reader().getSortedSetDocValues(org.apache.lucene.facet.FacetsConfig.DEFAULT_INDEX_FIELD_NAME);
        if (values == null || !values.advanceExact(docId - leaf.docBase)) return out;
        for (int i = 0; i < values.docValueCount(); i++) {
            String[] path = org.apache.lucene.facet.FacetsConfig.stringToPath(values.lookupOrd(values.nextOrd()).utf8ToString());
            if (path.length == 2) out.putIfAbsent(path[0], path[1]);
        }
        return out;
    }

    // ---- query

    private static final java.util.regex.Pattern DANGLING_OPERATORS = java.util.regex.Pattern.compile("(?<!\\S)(?:AND|OR|NOT|&&|\\|\\|)(?!\\S)");

    private Query parse(String text, Map<String, Float> fields) {
        if (text == null || text.isBlank() || text.strip().equals("*")) return new MatchAllDocsQuery();
        MultiFieldQueryParser parser = new NumberAwareParser(fields.keySet().toArray(String[]::new), queryAnalyzer, fields);
        parser.setDefaultOperator(QueryParser.Operator.AND);
        // A slash between digits is a ratio ("1.512/1.546"), not the start of a regular expression.
        String ratiosEscaped = text.replaceAll("(?<=\\d)/(?=\\d)", "\\\\/");
        try {
            return parser.parse(ratiosEscaped);
        } catch (ParseException e) {
            // Not valid Lucene syntax ("Bà Rịa - Vũng Tàu (BR-VT", "OR hồ sơ"): search the words as
            // written; an operator left without words on both sides is dropped.
            String words = DANGLING_OPERATORS.matcher(text).replaceAll(" ").strip();
            if (words.isEmpty()) throw new IllegalArgumentException("the query \"" + text.strip() + "\" holds no words, only operators (AND, OR, NOT)");
            try {
                return parser.parse(QueryParser.escape(words));
            } catch (ParseException again) {
                String reason = again.getMessage() == null ? "" : again.getMessage().lines().findFirst().orElse("");
                throw new IllegalArgumentException("cannot read the query \"" + text + "\": " + reason, again);
            }
        }
    }

    /** The query-period rules of the bundled extraction-rules, read once. */
    private static final class BundledPeriods {
        static final QueryPeriods READER = QueryPeriods.load(vn.solieu.rules.RulesDir.bundled());
    }

    /** The provinces of the bundled extraction-rules, read once (the --territory filter). */
    private static final class BundledProvinces {
        static final Provinces ALL = Provinces.load(vn.solieu.rules.RulesDir.bundled());
    }

    /** The figures' numbers, indexed as points: "value:[1000 TO *]", "denominator:>=1.000", "percent:42,9". */
    private static final Set<String> NUMBER_FIELDS = Set.of(NUMERATOR, DENOMINATOR, STATED_PERCENT, COMPUTED_PERCENT, VALUE, ANY_PERCENT);
    private static final Set<String> PERCENT_FIELDS = Set.of(STATED_PERCENT, COMPUTED_PERCENT, ANY_PERCENT);

    /**
     * Lucene's parser reads "value:[1000 TO 5000]" as a range of terms, which finds nothing in a
     * field of points: for the number fields it builds point queries, reading numbers as the
     * reports write them ("1.000" is a thousand, "42,9" a decimal, "%" allowed).
     */
    private static final class NumberAwareParser extends MultiFieldQueryParser {
        NumberAwareParser(String[] fields, Analyzer analyzer, Map<String, Float> boosts) {
            super(fields, analyzer, boosts);
        }

        @Override
        protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
            if (field != null && NUMBER_FIELDS.contains(field)) {
                // Lucene's classic syntax has no "field:>=x"; people write it, so it is read here.
                String t = queryText.strip();
                if (t.startsWith(">=")) return getRangeQuery(field, t.substring(2), null, true, true);
                if (t.startsWith("<=")) return getRangeQuery(field, null, t.substring(2), true, true);
                if (t.startsWith(">")) return getRangeQuery(field, t.substring(1), null, false, true);
                if (t.startsWith("<")) return getRangeQuery(field, null, t.substring(1), true, false);
                return DoublePoint.newExactQuery(field, number(field, t));
            }
            return super.getFieldQuery(field, queryText, quoted);
        }

        @Override
        protected Query getRangeQuery(String field, String part1, String part2, boolean startInclusive, boolean endInclusive) throws ParseException {
            if (field == null || !NUMBER_FIELDS.contains(field)) return super.getRangeQuery(field, part1, part2, startInclusive, endInclusive);
            double lo = part1 == null || part1.equals("*") ? Double.NEGATIVE_INFINITY : number(field, part1);
            double hi = part2 == null || part2.equals("*") ? Double.POSITIVE_INFINITY : number(field, part2);
            if (!startInclusive) lo = Math.nextUp(lo);
            if (!endInclusive) hi = Math.nextDown(hi);
            return DoublePoint.newRangeQuery(field, lo, hi);
        }

        private static double number(String field, String written) {
            String s = written.strip();
            if (s.endsWith("%")) s = s.substring(0, s.length() - 1).strip();
            boolean negative = s.startsWith("-");
            Double v = VietNumber.parse(negative ? s.substring(1) : s,
                    PERCENT_FIELDS.contains(field) ? VietNumber.Context.PERCENT : VietNumber.Context.COUNT);
            if (v == null) throw new IllegalArgumentException(field + ": \"" + written + "\" is not a number (write 1229, 1.512 or 42,9)");
            return negative ? -v : v;
        }
    }

    private Query withFilters(Query userQuery, SearchRequest r, Months.Range queryPeriod) {
        boolean facts = r.scope() == SearchRequest.Scope.facts;
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(userQuery, Occur.MUST);
        b.add(new TermQuery(new Term(TYPE, facts ? TYPE_FACT : TYPE_REPORT)), Occur.FILTER);
        if (!facts) b.add(new TermQuery(new Term(STATUS, STATUS_INDEXED)), Occur.FILTER);
        if (notBlank(r.province())) b.add(provinceFilter(r.province(), r.territory()), Occur.FILTER);
        if (notBlank(r.reportPeriod())) b.add(new TermQuery(new Term(REPORT_PERIOD, r.reportPeriod().strip())), Occur.FILTER);
        if (notBlank(r.periodFrom())) {
            Months.Range from = months("period-from", r.periodFrom());
            b.add(IntPoint.newRangeQuery(MONTH_FROM, from.from(), Integer.MAX_VALUE), Occur.FILTER);
        }
        if (notBlank(r.periodTo())) {
            Months.Range to = months("period-to", r.periodTo());
            b.add(IntPoint.newRangeQuery(MONTH_TO, Integer.MIN_VALUE, to.to()), Occur.FILTER);
        }
        if (queryPeriod != null) {
            b.add(IntPoint.newRangeQuery(MONTH_FROM, queryPeriod.from(), Integer.MAX_VALUE), Occur.FILTER);
            b.add(IntPoint.newRangeQuery(MONTH_TO, Integer.MIN_VALUE, queryPeriod.to()), Occur.FILTER);
        }
        if (facts && notBlank(r.indicator())) {
            BooleanQuery.Builder ind = new BooleanQuery.Builder().setMinimumNumberShouldMatch(1);
            ind.add(new TermQuery(new Term(INDICATOR_ID, r.indicator().strip())), Occur.SHOULD);
            Query words = new QueryBuilder(queryAnalyzer).createBooleanQuery(folded(INDICATOR), r.indicator(), Occur.MUST);
            if (words != null) ind.add(words, Occur.SHOULD);
            b.add(ind.build(), Occur.FILTER);
        }
        if (facts && notBlank(r.indicatorLabel())) {
            b.add(new TermQuery(org.apache.lucene.facet.DrillDownQuery.term(org.apache.lucene.facet.FacetsConfig.DEFAULT_INDEX_FIELD_NAME,
                    FACET_INDICATOR, r.indicatorLabel())), Occur.FILTER);
        }
        if (facts && r.kind() != null) b.add(new TermQuery(new Term(KIND, r.kind().name())), Occur.FILTER);
        if (facts && (r.minPercent() != null || r.maxPercent() != null)) {
            double lo = r.minPercent() == null ? Double.NEGATIVE_INFINITY : r.minPercent();
            double hi = r.maxPercent() == null ? Double.POSITIVE_INFINITY : r.maxPercent();
            b.add(DoublePoint.newRangeQuery(ANY_PERCENT, lo, hi), Occur.FILTER);
        }
        return b.build();
    }

    /**
     * The units of {@code province}'s land across the 2025 merger, as {@code territory} searches
     * read them ({@link Provinces#territory}); empty for a name that is no province.
     */
    public static List<Province> territory(String province) {
        return BundledProvinces.ALL.territory(province);
    }

    /** The units of {@code province}'s land that go by another name (what {@code territory} adds): "Thái Nguyên" → Bắc Kạn. */
    public static List<Province> otherNamesOfTerritory(String province) {
        String asked = provinceKey(province);
        return territory(province).stream().filter(p -> !provinceKey(p.name()).equals(asked)).toList();
    }

    /**
     * One province by name, or with {@code territory} its land across the merger. Facts name their
     * unit, so where a unit of the land shares its name with one outside it (Bắc Kạn's land holds
     * the merged Thái Nguyên, not the old one), that name counts only for periods that overlap the
     * unit's own dates.
     */
    private static Query provinceFilter(String province, boolean territory) {
        Query named = new TermQuery(new Term(PROVINCE_KEY, provinceKey(province)));
        List<Province> land = territory ? territory(province) : List.of();
        if (land.isEmpty()) return named;
        Set<Query> anyOf = new java.util.LinkedHashSet<>();
        for (Province unit : land) {
            String key = provinceKey(unit.name());
            Query byName = new TermQuery(new Term(PROVINCE_KEY, key));
            boolean nameShared = BundledProvinces.ALL.all().stream()
                    .anyMatch(other -> !land.contains(other) && provinceKey(other.name()).equals(key));
            if (!nameShared) {
                anyOf.add(byName);
                continue;
            }
            BooleanQuery.Builder during = new BooleanQuery.Builder().add(byName, Occur.FILTER);
            if (unit.validFrom() != null) during.add(IntPoint.newRangeQuery(MONTH_TO, Months.month(unit.validFrom()), Integer.MAX_VALUE), Occur.FILTER);
            if (unit.validTo() != null) during.add(IntPoint.newRangeQuery(MONTH_FROM, Integer.MIN_VALUE, Months.month(unit.validTo())), Occur.FILTER);
            anyOf.add(during.build());
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (Query q : anyOf) b.add(q, Occur.SHOULD);
        return b.build();
    }

    private static Months.Range months(String option, String value) {
        Months.Range r = Months.parse(value);
        if (r == null) throw new IllegalArgumentException("--" + option + ": expected YYYY-MM, YYYY-Qn or YYYY, got \"" + value + "\"");
        return r;
    }

    // ---- facets

    private Map<String, List<FacetCount>> facetCounts(FacetsCollector hits, List<String> dims, int top) throws IOException {
        Map<String, List<FacetCount>> out = new LinkedHashMap<>();
        SortedSetDocValuesReaderState state = facetState();
        if (state == null) return out;
        Facets counts = new SortedSetDocValuesFacetCounts(state, hits);
        for (String dim : dims) {
            List<FacetCount> values = new ArrayList<>();
            FacetResult result = state.getOrdRange(dim) == null ? null
                    : top == Integer.MAX_VALUE ? counts.getAllChildren(dim) : counts.getTopChildren(top, dim);
            if (result != null) {
                for (LabelAndValue lv : result.labelValues) values.add(new FacetCount(lv.label, lv.value.longValue()));
                values.sort((a, b) -> Long.compare(b.count(), a.count()));
            }
            out.put(dim, values);
        }
        return out;
    }

    private SortedSetDocValuesReaderState facetState() throws IOException {
        if (facetState == null) {
            synchronized (this) {
                if (facetState == null && reader.numDocs() > 0) facetState = new DefaultSortedSetDocValuesReaderState(reader, FACETS);
            }
        }
        return facetState;
    }

    // ---- highlighting

    /** A snippet, where its passage starts in the stored text, and where its matches start (to tell its page). */
    private record Highlight(Snippet snippet, int start, int[] matchStarts) {}

    private Object[] highlight(String field, Query query, int[] docIds, boolean wholeText) throws IOException {
        if (docIds.length == 0) return new Object[0];
        Supplier<BreakIterator> breaks = wholeText
                ? WholeBreakIterator::new
                : () -> LengthGoalBreakIterator.createClosestToLength(BreakIterator.getSentenceInstance(Locale.ROOT), PASSAGE_LENGTH, 0.5f);
        SnippetHighlighter h = new SnippetHighlighter(UnifiedHighlighter.builder(searcher, indexAnalyzer)
                .withBreakIterator(breaks)
                .withMaxLength(Integer.MAX_VALUE - 1)
                .withMaxNoHighlightPassages(1)
                .withFormatter(new SnippetFormatter()));
        int[] passages = new int[]{1};
        return h.objects(new String[]{field}, query, docIds, passages).get(field);
    }

    /** The page most of the passage's matches are on (a passage may straddle a page break). */
    private static Integer passagePage(String pageStarts, Highlight h) {
        if (h.matchStarts.length == 0) return FactDocuments.pageAt(pageStarts, h.start);
        Map<Integer, Integer> votes = new java.util.TreeMap<>();
        for (int offset : h.matchStarts) {
            Integer page = FactDocuments.pageAt(pageStarts, offset);
            if (page != null) votes.merge(page, 1, Integer::sum);
        }
        return votes.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }

    /** Exposes the highlighter's per-document objects: our formatter returns {@link Highlight}s, not strings. */
    private static final class SnippetHighlighter extends UnifiedHighlighter {
        SnippetHighlighter(Builder b) {
            super(b);
        }

        Map<String, Object[]> objects(String[] fields, Query q, int[] docIds, int[] maxPassages) throws IOException {
            return highlightFieldsAsObjects(fields, q, docIds, maxPassages);
        }
    }

    /** Cuts the passage out, folds its whitespace (page breaks, PDF line breaks) and keeps the match offsets in step. */
    private static final class SnippetFormatter extends PassageFormatter {
        @Override
        public Object format(Passage[] passages, String content) {
            if (passages.length == 0) return null;
            Passage p = passages[0];
            int from = p.getStartOffset(), to = p.getEndOffset();
            // A passage cut after a sentence end may begin with its leftovers (". - "): start at a letter or digit.
            int firstMatch = p.getNumMatches() > 0 ? p.getMatchStarts()[0] : to;
            while (from < Math.min(to, firstMatch) && !Character.isLetterOrDigit(content.charAt(from))) from++;
            StringBuilder text = new StringBuilder(to - from);
            int[] map = new int[to - from + 1];
            boolean space = false;
            for (int i = from; i < to; i++) {
                char c = content.charAt(i);
                map[i - from] = text.length();
                if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                    if (!space && text.length() > 0) text.append(' ');
                    space = true;
                } else {
                    text.append(c);
                    space = false;
                }
            }
            map[to - from] = text.length();
            while (text.length() > 0 && text.charAt(text.length() - 1) == ' ') text.setLength(text.length() - 1);
            List<Span> matches = new ArrayList<>();
            for (int m = 0; m < p.getNumMatches(); m++) {
                int s = Math.min(map[Math.max(0, p.getMatchStarts()[m] - from)], text.length());
                int e = Math.min(map[Math.min(to - from, p.getMatchEnds()[m] - from)], text.length());
                if (e <= s) continue;
                Span last = matches.isEmpty() ? null : matches.get(matches.size() - 1);
                // Words matched side by side read as one mark: «Đăng ký thường trú», not «Đăng» «ký» …
                if (last != null && s >= last.end() && text.substring(last.end(), s).isBlank()) {
                    matches.set(matches.size() - 1, new Span(last.start(), e));
                } else if (last == null || s >= last.end()) {
                    matches.add(new Span(s, e));
                }
            }
            int[] starts = java.util.Arrays.copyOf(p.getMatchStarts(), p.getNumMatches());
            return new Highlight(new Snippet(text.toString(), matches), from, starts);
        }
    }

    // ---- helpers

    private static Query and(Query a, Query b) {
        return new BooleanQuery.Builder().add(a, Occur.FILTER).add(b, Occur.FILTER).build();
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    /** Exact field and its folded twin at half the weight. */
    private static Map<String, Float> boosts(Object... fieldAndBoost) {
        Map<String, Float> m = new LinkedHashMap<>();
        for (int i = 0; i < fieldAndBoost.length; i += 2) {
            String field = (String) fieldAndBoost[i];
            float boost = (Float) fieldAndBoost[i + 1];
            m.put(field, boost);
            m.put(folded(field), boost / 2);
        }
        return m;
    }

    @Override
    public void close() throws IOException {
        try {
            reader.close();
        } finally {
            directory.close();
        }
    }
}
