package vn.solieu.importer;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How an import runs.
 *
 * @param threads        files extracted at once (default: one per core)
 * @param commitEvery    commit after this many finished files…
 * @param commitInterval … or this much time, whichever comes first; a crash loses at most that much work
 * @param failuresFile   where the JSON Lines of failures go (file, reason); null for none
 * @param delayPerFile   a pause per file, for tests that must stop an import half-way; zero otherwise
 */
public record ImportOptions(int threads, int commitEvery, Duration commitInterval, Path failuresFile, Duration delayPerFile) {
    public static ImportOptions defaults(Path indexDir) {
        return new ImportOptions(Runtime.getRuntime().availableProcessors(), 500, Duration.ofSeconds(10),
                indexDir.resolve("failures.jsonl"), Duration.ZERO);
    }

    public ImportOptions withThreads(int n) {
        return new ImportOptions(n, commitEvery, commitInterval, failuresFile, delayPerFile);
    }

    public ImportOptions withCommitEvery(int files, Duration interval) {
        return new ImportOptions(threads, files, interval, failuresFile, delayPerFile);
    }

    public ImportOptions withDelayPerFile(Duration d) {
        return new ImportOptions(threads, commitEvery, commitInterval, failuresFile, d);
    }
}
