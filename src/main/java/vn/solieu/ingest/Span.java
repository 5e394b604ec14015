package vn.solieu.ingest;

/** A half-open character range [start, end) in a document's text. */
public record Span(int start, int end) {
    public Span {
        if (end < start) throw new IllegalArgumentException("end " + end + " before start " + start);
    }

    public boolean overlaps(int from, int to) {
        return start < to && from < end;
    }

    public boolean contains(int offset) {
        return offset >= start && offset < end;
    }
}
