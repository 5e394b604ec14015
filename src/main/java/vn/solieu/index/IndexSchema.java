package vn.solieu.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.IndexOptions;
import vn.solieu.index.analysis.VietAnalyzer;
import vn.solieu.text.VietText;

/**
 * Field names and how each is analysed. Two kinds of Lucene document live in one index:
 * {@code type=fact} (one per figure) and {@code type=report} (one per imported file, the marker
 * that the file is done, with its full text for passage search).
 *
 * <p>Every text field {@code X} has a folded twin {@code X.f}: exact terms keep diacritics,
 * folded ones do not. The folded twin of quote and body text is also stored, with offsets,
 * so that highlights are computed on it and land on the original (accented) text.
 */
public final class IndexSchema {
    private IndexSchema() {}

    /**
     * Written into each commit; a reader refuses an index of another layout. 3: periods and
     * numbers carry doc values (for sorting) beside their points. 4: each fact carries its
     * {@link FigureKey}, so copies of a figure in other files are shown once.
     */
    public static final String VERSION = "4";
    public static final String VERSION_KEY = "solieu.schema";

    public static final String FOLDED_SUFFIX = ".f";

    // Both kinds of document.
    public static final String TYPE = "type";
    public static final String TYPE_FACT = "fact";
    public static final String TYPE_REPORT = "report";
    /** Shown name of the source file; the unit of replacement (one file's documents go together). */
    public static final String FILE = "file";
    public static final String SHA256 = "sha256";
    public static final String PROVINCE = "province";
    /** Folded, lower-case province name for exact filtering ("bac kan"). */
    public static final String PROVINCE_KEY = "province.key";
    public static final String REPORT_PERIOD = "reportPeriod";
    /** First and last month the document speaks of, as year * 12 + month - 1 (int points). */
    public static final String MONTH_FROM = "month.from";
    public static final String MONTH_TO = "month.to";

    // Facts.
    public static final String ID = "id";
    public static final String KIND = "kind";
    public static final String TEXT = "text";
    /** Everything a fact query may match (quote, label, section, province, unit) in one field: one posting list per word. */
    public static final String ALL = "all";
    public static final String INDICATOR = "indicator";
    public static final String INDICATOR_ID = "indicatorId";
    public static final String SECTION = "section";
    public static final String UNIT = "unit";
    public static final String NUMERATOR = "numerator";
    public static final String DENOMINATOR = "denominator";
    /** The percentage a ratio's text states. */
    public static final String STATED_PERCENT = "percent";
    /** numerator / denominator * 100. */
    public static final String COMPUTED_PERCENT = "computedPercent";
    public static final String VALUE = "value";
    /** The percentage the fact speaks of: a percent's value, else a ratio's stated, else computed one. */
    public static final String ANY_PERCENT = "anyPercent";
    /** {@link FigureKey}: the same figure in another file (a copy of the report) has the same key. */
    public static final String FIGURE = "figure";
    /** The whole fact record (FactJson), from which every fact is rebuilt exactly. */
    public static final String JSON = "json";

    // Reports.
    public static final String STATUS = "status";
    public static final String STATUS_INDEXED = "indexed";
    public static final String STATUS_FAILED = "failed";
    public static final String REASON = "reason";
    public static final String TITLE = "title";
    public static final String BODY = "body";
    public static final String MEDIA_TYPE = "mediaType";
    public static final String PAGE_STARTS = "pageStarts";
    public static final String PAGE_COUNT = "pages";
    public static final String FACT_COUNT = "facts";
    public static final String IMPORTED_AT = "importedAt";

    // Facet dimensions.
    public static final String FACET_TYPE = "type";
    public static final String FACET_PROVINCE = "province";
    public static final String FACET_PERIOD = "reportPeriod";
    public static final String FACET_INDICATOR = "indicator";
    public static final String FACET_KIND = "kind";

    public static final FacetsConfig FACETS = new FacetsConfig();

    /** Folded twin of a text field, stored with offsets: the field highlights are computed on. */
    static final FieldType STORED_FOLDED_TEXT = new FieldType(TextField.TYPE_STORED);

    static {
        STORED_FOLDED_TEXT.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        STORED_FOLDED_TEXT.freeze();
    }

    public static String folded(String field) {
        return field + FOLDED_SUFFIX;
    }

    /** The key province filters compare: "Bắc Kạn", "bac kan", "BẮC  KẠN" → "bac kan". */
    public static String provinceKey(String province) {
        return VietText.fold(VietText.matchKey(province));
    }

    /** Analysers by field: folded for {@code *.f}, exact otherwise; number parts on the index side only. */
    public static Analyzer indexAnalyzer() {
        return new ByField(new VietAnalyzer(false, true), new VietAnalyzer(true, true));
    }

    public static Analyzer queryAnalyzer() {
        return new ByField(new VietAnalyzer(false, false), new VietAnalyzer(true, false));
    }

    private static final class ByField extends DelegatingAnalyzerWrapper {
        private final Analyzer exact;
        private final Analyzer folded;

        ByField(Analyzer exact, Analyzer folded) {
            super(PER_FIELD_REUSE_STRATEGY);
            this.exact = exact;
            this.folded = folded;
        }

        @Override
        protected Analyzer getWrappedAnalyzer(String fieldName) {
            return fieldName.endsWith(FOLDED_SUFFIX) ? folded : exact;
        }
    }
}
