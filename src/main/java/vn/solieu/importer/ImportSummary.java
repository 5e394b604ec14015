package vn.solieu.importer;

import java.nio.file.Path;
import java.time.Duration;

/** The counts at the end of an import. {@code imported} includes {@code replaced}. */
public record ImportSummary(long imported, long replaced, long unchanged, long duplicates, long failed,
                            long facts, Duration elapsed, Path failuresFile) {
    public long files() {
        return imported + unchanged + duplicates + failed;
    }

    /** "imported 298 (2 replaced), skipped 10 unchanged and 1 duplicate, 2 failed; 1 530 facts in 12.3 s (25 files/s)". */
    public String describe() {
        double seconds = Math.max(elapsed.toMillis(), 1) / 1000.0;
        StringBuilder sb = new StringBuilder();
        sb.append("imported ").append(imported);
        if (replaced > 0) sb.append(" (").append(replaced).append(" replaced)");
        sb.append(", skipped ").append(unchanged).append(" unchanged");
        if (duplicates > 0) sb.append(" and ").append(duplicates).append(duplicates == 1 ? " copy" : " copies").append(" of indexed files");
        sb.append(", ").append(failed).append(" failed; ").append(facts).append(" facts in ")
                .append(String.format(java.util.Locale.ROOT, "%.1f s (%.1f files/s)", seconds, files() / seconds));
        return sb.toString();
    }
}
