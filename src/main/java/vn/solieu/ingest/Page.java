package vn.solieu.ingest;

/** One page of a document: its 1-based number and the span of its text in {@link SourceDocument#text()}. */
public record Page(int number, int start, int end) {
    public boolean contains(int offset) {
        return offset >= start && offset <= end;
    }
}
