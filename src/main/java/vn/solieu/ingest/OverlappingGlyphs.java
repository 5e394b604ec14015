package vn.solieu.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * PDFBox's test for a glyph drawn twice at almost the same place (fake bold, shadowed text),
 * {@code PDFTextStripper}'s "suppress duplicate overlapping text", giving the same answers
 * without its cost: PDFBox keeps a TreeMap of boxed x positions to TreeSets of boxed y
 * positions per character and builds sub-map views and iterators for every glyph, which took a
 * quarter of a PDF's read time. Here the glyphs seen on the page are kept per text in flat
 * arrays, found through a grid of horizontal bands.
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
        private float[] xs = new float[8], ys = new float[8];
        private int size;
        /** Band → [count, index, index, ...] of the glyphs whose y lies in it. */
        private final Map<Integer, int[]> bands = new HashMap<>();
        /** Glyphs whose y is not {@link #bandable} (NaN, infinite, absurdly far): always checked. */
        private final List<Integer> unbanded = new ArrayList<>();

        void add(float x, float y) {
            if (size == xs.length) {
                xs = Arrays.copyOf(xs, size * 2);
                ys = Arrays.copyOf(ys, size * 2);
            }
            xs[size] = x;
            ys[size] = y;
            if (bandable(y)) {
                int band = band(y);
                int[] list = bands.get(band);
                bands.put(band, list == null ? new int[] {1, size, 0, 0} : append(list, size));
            } else {
                unbanded.add(size);
            }
            size++;
        }

        boolean anyWithin(float loX, float hiX, float loY, float hiY) {
            if (Float.compare(loY, hiY) > 0) {
                // PDFBox built a y sub-set for each glyph matching x: an inverted range failed there.
                for (int i = 0; i < size; i++) if (inRange(xs[i], loX, hiX)) throw new IllegalArgumentException("fromKey > toKey");
                return false;
            }
            if (!bandable(loY) || !bandable(hiY) || band(hiY) - band(loY) >= MAX_BANDS) {
                for (int i = 0; i < size; i++) if (matches(i, loX, hiX, loY, hiY)) return true;
                return false;
            }
            // Numerically loY ≤ y ≤ hiY puts y in one of these bands.
            for (int b = band(loY); b <= band(hiY); b++) {
                int[] list = bands.get(b);
                if (list == null) continue;
                for (int k = 1; k <= list[0]; k++) if (matches(list[k], loX, hiX, loY, hiY)) return true;
            }
            for (int i : unbanded) if (matches(i, loX, hiX, loY, hiY)) return true;
            return false;
        }

        private boolean matches(int i, float loX, float hiX, float loY, float hiY) {
            return inRange(xs[i], loX, hiX) && inRange(ys[i], loY, hiY);
        }

        private static int[] append(int[] list, int index) {
            int count = list[0] + 1;
            if (count == list.length) list = Arrays.copyOf(list, list.length * 2);
            list[count] = index;
            list[0] = count;
            return list;
        }

        private static boolean bandable(float y) {
            return Float.isFinite(y) && Math.abs(y) < 1e7f;
        }

        private static int band(float y) {
            return (int) Math.floor(y / BAND);
        }

        /** lo ≤ v < hi in {@link Float#compare} order: a TreeMap sub-map's bounds. */
        private static boolean inRange(float v, float lo, float hi) {
            return Float.compare(v, lo) >= 0 && Float.compare(v, hi) < 0;
        }
    }
}
