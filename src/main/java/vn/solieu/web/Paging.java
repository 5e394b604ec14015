package vn.solieu.web;

/** Which slice of a long result to show: {@code page} (from 1) of {@code size} items, both capped. */
record Paging(int page, int size) {
    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 100;
    /** Deeper than this, narrow the search instead: each page costs the hits before it. */
    static final int MAX_DEPTH = 10_000;

    static Paging of(Request r) {
        int size = r.intParam("size", DEFAULT_SIZE, 1, MAX_SIZE);
        int page = r.intParam("page", 1, 1, MAX_DEPTH);
        if ((long) (page - 1) * size >= MAX_DEPTH) {
            throw HttpError.badRequest("page " + page + " is too deep (at most the first " + MAX_DEPTH + " results are paged); narrow the search with filters");
        }
        return new Paging(page, size);
    }

    int offset() {
        return (page - 1) * size;
    }

    long pages(long total) {
        return Math.max(1, (total + size - 1) / size);
    }

    /** The part of an in-memory list this page shows. */
    <T> java.util.List<T> slice(java.util.List<T> all) {
        int from = Math.min(all.size(), offset());
        return all.subList(from, Math.min(all.size(), from + size));
    }
}
