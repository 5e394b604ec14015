package vn.solieu.ingest;

import java.nio.file.Path;
import java.util.Locale;

/** Which files in a folder are worth reading as reports. */
public final class ReportFiles {
    private ReportFiles() {}

    /**
     * In a folder, files that are never reports are passed over: hidden files, READMEs and the
     * project's own sidecars (expected records, marks, notes). A file named on the command line
     * is always read.
     */
    public static boolean isCandidate(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.startsWith(".") || name.startsWith("readme")) return false;
        return !(name.endsWith(".md") || name.endsWith(".yaml") || name.endsWith(".yml")
                || name.endsWith(".json") || name.endsWith(".jsonl"));
    }
}
