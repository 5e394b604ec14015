package vn.solieu.ingest;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * PDFBox's test for a glyph drawn twice at almost the same place (fake bold, shadowed text),
 * {@code PDFTextStripper}'s "suppress duplicate overlapping text", giving the same answers
 * without its cost: PDFBox keeps a TreeMap of boxed x positions to TreeSets of boxed y
 * positions per character and builds sub-map views and iterators for every glyph, which took a
 * quarter of a PDF's read time. Here the glyphs seen on the page are kept per text in flat
 * arrays, indexed by horizontal bands of y and, within a band, sorted by x.
 *
 * <p>The rule, as PDFBox has it: a glyph is a duplicate when an earlier glyph of the page with
 * the same text has x in [x − t, x + t) and y in [y − t, y + t), t being a third of the glyph's
 * width per character, the bounds compared as {@link Float#compare} orders them (as the TreeMap
 * did); a glyph that is not a duplicate is remembered. A negative t fails as the TreeMap's
 * sub-map did ("fromKey > toKey"). One instance per text walk; {@link #clear} at each page.
 */
final class OverlappingGlyphs {
    /** Band height in points: a line of text falls in one or two bands. */
    private static final double BAND = 8;
    /** A query spanning more bands than this (a huge glyph) scans all glyphs of its text. */
    private static final int MAX_BANDS = 16;

    private final Map<String, Glyphs> byText = new HashMap<>();

    void clear() {
        byText.clear();
    }

    /** True when {@code text} at (x, y) repeats an earlier glyph of the page; otherwise it is remembered and false returned. */
    boolean isDuplicate(String text, float x, float y, float width) {
        Glyphs glyphs = byText.computeIfAbsent(text, k -> new Glyphs());
        float tolerance = width / text.length() / 3.0f;
        float loX = x - tolerance, hiX = x + tolerance, loY = y - tolerance, hiY = y + tolerance;
        if (Float.compare(loX, hiX) > 0) throw new IllegalArgumentException("fromKey > toKey");
        if (glyphs.anyWithin(loX, hiX, loY, hiY)) return true;
        glyphs.add(x, y);
        return false;
    }

    /** The glyphs of one text: positions in flat arrays, indexed by band of y (odd positions apart). */
    private static final class Glyphs {
        /** Bands indexed directly: y from 0 to 8192 points, any page. */
        private static final int MAX_INDEXED_BAND = 1024;

        private float[] xs = new float[8], ys = new float[8];
        private int size;
        /**
         * Band b (0 ≤ b < MAX_INDEXED_BAND) → [count, index, index, ...] of the glyphs whose y lies
         * in it, in {@link Float#compare} order of x, so that a query finds its x range by bisection.
         */
        private int[][] byBand = new int[0][];
        /** [count, index, ...] of the glyphs with y outside those bands (negative, far off, NaN): always checked. */
        private int[] others = {0};

        void add(float x, float y) {
            if (size == xs.length) {
                xs = Arrays.copyOf(xs, size * 2);
                ys = Arrays.copyOf(ys, size * 2);
            }
            xs[size] = x;
            ys[size] = y;
            if (indexed(y)) {
                int band = band(y);
                if (band >= byBand.length) byBand = Arrays.copyOf(byBand, Math.min(MAX_INDEXED_BAND, Math.max(band + 1, byBand.length * 2)));
                byBand[band] = insert(byBand[band], size);
            } else {
                others = insert(others, size);
            }
            size++;
        }

        boolean anyWithin(float loX, float hiX, float loY, float hiY) {
            if (Float.compare(loY, hiY) > 0) {
                // PDFBox built a y sub-set for each glyph matching x: an inverted range failed there.
                for (int i = 0; i < size; i++) if (inRange(xs[i], loX, hiX)) throw new IllegalArgumentException("fromKey > toKey");
                return false;
            }
            if (!Float.isFinite(loY) || !Float.isFinite(hiY) || (double) hiY - loY >= MAX_BANDS * BAND) {
                for (int i = 0; i < size; i++) if (matches(i, loX, hiX, loY, hiY)) return true;
                return false;
            }
            // An indexed glyph with loY ≤ y ≤ hiY lies in one of these bands; the others are all checked.
            int first = (int) Math.max(0, Math.floor(loY / BAND));
            int last = (int) Math.min(byBand.length - 1, Math.floor(hiY / BAND));
            for (int b = first; b <= last; b++) {
                int[] list = byBand[b];
                if (list != null && anyIn(list, loX, hiX, loY, hiY)) return true;
            }
            return anyIn(others, loX, hiX, loY, hiY);
        }

        /** Whether a glyph of {@code list} (sorted by x) lies in the ranges: bisect to loX, walk up to hiX. */
        private boolean anyIn(int[] list, float loX, float hiX, float loY, float hiY) {
            int low = 1, high = list[0] + 1;
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (Float.compare(xs[list[mid]], loX) < 0) low = mid + 1; else high = mid;
            }
            for (int k = low; k <= list[0] && Float.compare(xs[list[k]], hiX) < 0; k++) {
                if (inRange(ys[list[k]], loY, hiY)) return true;
            }
            return false;
        }

        private boolean matches(int i, float loX, float hiX, float loY, float hiY) {
            return inRange(xs[i], loX, hiX) && inRange(ys[i], loY, hiY);
        }

        /** Adds glyph {@code index} to {@code list} in its x order (glyphs mostly come left to right: from the end). */
        private int[] insert(int[] list, int index) {
            if (list == null) return new int[] {1, index, 0, 0};
            int count = list[0] + 1;
            if (count == list.length) list = Arrays.copyOf(list, list.length * 2);
            int k = count;
            while (k > 1 && Float.compare(xs[list[k - 1]], xs[index]) > 0) {
                list[k] = list[k - 1];
                k--;
            }
            list[k] = index;
            list[0] = count;
            return list;
        }

        private static boolean indexed(float y) {
            return y >= 0 && y < MAX_INDEXED_BAND * BAND;
        }

        private static int band(float y) {
            return (int) (y / BAND);
        }

        /** lo ≤ v < hi in {@link Float#compare} order: a TreeMap sub-map's bounds. */
        private static boolean inRange(float v, float lo, float hi) {
            return Float.compare(v, lo) >= 0 && Float.compare(v, hi) < 0;
        }
    }
}
