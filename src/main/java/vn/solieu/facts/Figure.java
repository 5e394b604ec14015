package vn.solieu.facts;

/** A figure found in one block, before it becomes a {@link Fact}: block positions and readings. */
final class Figure {
    final Fact.Kind kind;
    final String rule;
    final int start;
    final int end;
    Double numerator;
    Double denominator;
    Double value;
    String valueText;
    String unit;
    /** ratio: the percentage stated for it. */
    Figure percent;
    /** percent: the ratio it belongs to. */
    Figure attachedTo;
    boolean change;
    boolean dropped;
    boolean approximate;
    String bound;

    Figure(Fact.Kind kind, String rule, int start, int end) {
        this.kind = kind;
        this.rule = rule;
        this.start = start;
        this.end = end;
    }

    /** End of the fact's span: a ratio reaches over the percentage stated for it. */
    int factEnd() {
        return percent != null ? Math.max(end, percent.end) : end;
    }
}
