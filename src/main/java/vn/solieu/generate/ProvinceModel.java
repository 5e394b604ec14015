package vn.solieu.generate;

import vn.solieu.reference.Province;
import vn.solieu.reference.Provinces;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * How a province's figures behave over time, as pure functions of (seed, province, month), so
 * that any report can be written alone and two reports of one province agree:
 * <ul>
 * <li>population: log-normal across provinces (≈ 0,3 to 8 million); a unit made by the 2025
 *     merger has the sum of the units it took over;</li>
 * <li>per-service resolution rate: the service's national mean, a fixed provincial offset and a
 *     slow sinusoidal drift;</li>
 * <li>running totals (CCCD dossiers, activated identity accounts, schools paying fees without
 *     cash) that only grow, month after month.</li>
 * </ul>
 * Months are counted from {@link #EPOCH}.
 */
public final class ProvinceModel {
    public static final YearMonth EPOCH = YearMonth.of(2022, 1);

    private final long seed;
    private final Provinces provinces;
    private final Map<String, Long> population = new HashMap<>();

    public ProvinceModel(long seed, Provinces provinces) {
        this.seed = seed;
        this.provinces = provinces;
        for (Province p : provinces.all()) population.put(p.id(), ownPopulation(p));
        // A merged unit: the sum of its predecessors (its own draw is dropped).
        Map<String, Long> merged = new HashMap<>();
        for (Province p : provinces.all()) {
            if (p.mergedInto() != null) merged.merge(p.mergedInto(), population.get(p.id()), Long::sum);
        }
        population.putAll(merged);
    }

    private long ownPopulation(Province p) {
        SplittableRandom r = Seeds.random(seed, "population", p.id());
        double pop = Math.exp(Math.log(1_100_000) + 0.55 * Seeds.gaussian(r));
        if (p.isCity()) pop *= 2.2;
        return Math.round(Math.min(9_000_000, Math.max(300_000, pop)));
    }

    public long population(Province p) {
        return population.get(p.id());
    }

    public static int monthIndex(YearMonth m) {
        return (int) (m.getYear() * 12L + m.getMonthValue() - 1 - (EPOCH.getYear() * 12L + EPOCH.getMonthValue() - 1));
    }

    /** The share of a service's cases resolved, for services that are not always complete. */
    public double serviceRate(Province p, Phrasings.Service s, YearMonth month) {
        SplittableRandom r = Seeds.random(seed, "rate", p.id(), s.id());
        double offset = 0.6 * spread(s.rate()) * Seeds.gaussian(r);
        double phase = Seeds.uniform(r, 0, 2 * Math.PI);
        double drift = 0.4 * spread(s.rate()) * Math.sin(monthIndex(month) / 5.0 + phase);
        return Math.max(0.02, Math.min(0.999, s.rate() + offset + drift));
    }

    /** How far a rate may wander: little near 100 %, more in the middle. */
    private static double spread(double mean) {
        return Math.max(0.004, Math.min(0.05, (1 - mean) * 0.5));
    }

    /** A province's fixed offset for a rate of mean {@code mean} (data cleaning, verification). */
    public double fixedRate(Province p, String key, double mean) {
        SplittableRandom r = Seeds.random(seed, "fixed", p.id(), key);
        return Math.max(0.02, Math.min(0.999, mean + 0.5 * spread(mean) * Seeds.gaussian(r)));
    }

    /** CCCD dossiers received up to the end of {@code month}: a base, then monthly increments that slow down. */
    public long cccdReceived(Province p, YearMonth month) {
        long pop = population(p);
        SplittableRandom base = Seeds.random(seed, "cccd-base", p.id());
        double total = pop * Seeds.uniform(base, 0.62, 0.72);
        int t = monthIndex(month);
        for (int k = 0; k <= t; k++) {
            SplittableRandom r = Seeds.random(seed, "cccd-inc", p.id(), k);
            total += pop * 0.004 * Seeds.uniform(r, 0.3, 1.7) * Math.exp(-k / 30.0);
        }
        return Math.round(total);
    }

    /** Share of CCCD holders with an activated identity account: grows towards ~92 %. */
    public double activationShare(Province p, YearMonth month) {
        SplittableRandom r = Seeds.random(seed, "activation", p.id());
        double a0 = Seeds.uniform(r, 0.25, 0.5), tau = Seeds.uniform(r, 10, 20);
        return a0 + (0.92 - a0) * (1 - Math.exp(-monthIndex(month) / tau));
    }

    public long accountsActivated(Province p, YearMonth month) {
        return (long) Math.floor(cccdReceived(p, month) * activationShare(p, month));
    }

    /** Schools (cơ sở giáo dục) of the province; fixed. */
    public long schools(Province p) {
        return Math.max(60, population(p) / 2600);
    }

    /** Schools paying fees without cash: a share that only grows. */
    public long schoolsCashless(Province p, YearMonth month) {
        SplittableRandom r = Seeds.random(seed, "schools", p.id());
        double r0 = Seeds.uniform(r, 0.15, 0.55), tau = Seeds.uniform(r, 10, 30);
        double share = r0 + (0.97 - r0) * (1 - Math.exp(-monthIndex(month) / tau));
        return (long) Math.floor(schools(p) * share);
    }

    /** Share of health-insurance visits made with the chip ID card, by month. */
    public double chipCardShare(Province p, YearMonth month) {
        SplittableRandom r = Seeds.random(seed, "kcb", p.id());
        double offset = 0.04 * Seeds.gaussian(r), phase = Seeds.uniform(r, 0, 2 * Math.PI);
        double base = 0.30 + 0.5 * (1 - Math.exp(-monthIndex(month) / 18.0));
        return Math.max(0.05, Math.min(0.98, base + offset + 0.02 * Math.sin(monthIndex(month) / 3.0 + phase)));
    }

    public Provinces provinces() {
        return provinces;
    }
}
