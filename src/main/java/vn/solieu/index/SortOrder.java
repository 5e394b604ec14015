package vn.solieu.index;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The order of the hits: by relevance (the default), or by a fact's period or one of its numbers,
 * as a researcher follows a series through the months or ranks the provinces.
 *
 * <p>Written {@code KEY} or {@code KEY:asc|desc} ("period", "percent:desc"); ascending unless told.
 * Hits without the key (a count has no percentage) come last either way; equal keys keep the
 * relevance order.
 *
 * @param key        what to order by
 * @param descending highest (latest) first
 */
public record SortOrder(Key key, boolean descending) {
    public static final SortOrder RELEVANCE = new SortOrder(Key.relevance, false);

    public enum Key {
        relevance(null, true),
        /** The period the fact (or report) speaks of: by its first month, then its last ("2024-01", "2024-Q1", "2024"). */
        period(IndexSchema.MONTH_FROM, true),
        /** The percentage the fact speaks of, as --min-percent reads it: stated, else computed x/y. */
        percent(IndexSchema.ANY_PERCENT, false),
        value(IndexSchema.VALUE, false),
        numerator(IndexSchema.NUMERATOR, false),
        denominator(IndexSchema.DENOMINATOR, false);

        /** The index field holding the key (null: the score). */
        final String field;
        /** Report documents carry it too, so passages can be ordered by it. */
        final boolean ofReports;

        Key(String field, boolean ofReports) {
            this.field = field;
            this.ofReports = ofReports;
        }
    }

    /** "period", "percent:desc", "value:asc"; an unknown key or direction is an IllegalArgumentException naming the choices. */
    public static SortOrder parse(String written) {
        if (written == null || written.isBlank()) return RELEVANCE;
        String[] parts = written.trim().toLowerCase(Locale.ROOT).split(":", -1);
        Key key = Arrays.stream(Key.values()).filter(k -> k.name().equalsIgnoreCase(parts[0])).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown sort key \"" + parts[0] + "\": use one of "
                        + Arrays.stream(Key.values()).map(Key::name).collect(Collectors.joining(", ")) + " (optionally :asc or :desc)"));
        if (parts.length > 2 || (parts.length == 2 && !parts[1].equals("asc") && !parts[1].equals("desc"))) {
            throw new IllegalArgumentException("sort direction must be asc or desc, as in \"" + key + ":desc\"; got \"" + written.trim() + "\"");
        }
        return new SortOrder(key, parts.length == 2 && parts[1].equals("desc"));
    }

    public boolean byRelevance() {
        return key == Key.relevance;
    }

    @Override
    public String toString() {
        return byRelevance() ? key.name() : key + (descending ? ":desc" : ":asc");
    }
}
