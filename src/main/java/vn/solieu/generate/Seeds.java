package vn.solieu.generate;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/** Derived random streams: one per (seed, key…), so that any report can be made alone, in any order, on any thread. */
final class Seeds {
    private Seeds() {}

    static SplittableRandom random(long seed, Object... keys) {
        long h = seed * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L;
        for (Object k : keys) {
            for (byte b : String.valueOf(k).getBytes(StandardCharsets.UTF_8)) h = mix(h ^ (b & 0xff));
            h = mix(h ^ 0x2F);
        }
        return new SplittableRandom(h);
    }

    /** SplitMix64's finaliser. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static double gaussian(SplittableRandom r) {
        // Box–Muller: SplittableRandom has no nextGaussian on Java 17.
        double u = 1.0 - r.nextDouble(), v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    static double uniform(SplittableRandom r, double lo, double hi) {
        return lo + (hi - lo) * r.nextDouble();
    }

    static <T> T pick(SplittableRandom r, java.util.List<T> list) {
        return list.get(r.nextInt(list.size()));
    }
}
