package vn.solieu.web;

import vn.solieu.index.FactSearcher;
import vn.solieu.index.StoredReport;
import vn.solieu.reference.Indicators;
import vn.solieu.rules.RulesDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * What the pages and the API read: one point-in-time view of the index (reports imported while
 * the server runs show after a restart), the canonical indicators, the source files, and the
 * {@link Overview} (audit findings and indicator rates), computed once per run in the background
 * right after start; the first page that needs it waits for it.
 */
final class Library implements AutoCloseable {
    final Path indexDir;
    final FactSearcher searcher;
    final Indicators indicators;
    final SourceFiles sources;
    /** Every imported report (without text) by hash, in file-name order; and the hash of each file name. */
    final Map<String, StoredReport> reports = new LinkedHashMap<>();
    final Map<String, String> shaByFile = new HashMap<>();
    private final CompletableFuture<Overview> overview;

    private Library(Path indexDir, FactSearcher searcher, Indicators indicators) throws IOException {
        this.indexDir = indexDir;
        this.searcher = searcher;
        this.indicators = indicators;
        this.sources = new SourceFiles(List.of(Path.of("").toAbsolutePath(), indexDir.toAbsolutePath().getParent() == null
                ? indexDir.toAbsolutePath() : indexDir.toAbsolutePath().getParent()));
        for (StoredReport r : searcher.reports()) {
            reports.put(r.sha256(), r);
            shaByFile.put(r.file(), r.sha256());
        }
        this.overview = CompletableFuture.supplyAsync(() -> {
            try {
                return Overview.build(indexDir, indicators);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    static Library open(Path indexDir, Path rulesDir) throws IOException {
        Indicators indicators;
        try {
            indicators = Indicators.load(RulesDir.resolve(rulesDir));
        } catch (UncheckedIOException | IllegalArgumentException e) {
            throw new IOException("bad rules folder: " + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()), e);
        }
        FactSearcher searcher = FactSearcher.open(indexDir);
        try {
            return new Library(indexDir, searcher, indicators);
        } catch (IOException | RuntimeException e) {
            searcher.close();
            throw e;
        }
    }

    Overview overview() {
        try {
            return overview.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HttpError(503, "interrupted while reading the index");
        } catch (ExecutionException e) {
            throw new UncheckedIOException(new IOException("cannot read the facts of the index: " + e.getCause().getMessage(), e.getCause()));
        }
    }

    /** The imported report with these bytes, with its text; 404 for any other hash. */
    StoredReport report(String sha256) throws IOException {
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) throw HttpError.notFound("no imported report has the hash \"" + sha256 + "\"");
        return searcher.report(sha256).orElseThrow(() -> HttpError.notFound("no imported report has the hash " + sha256));
    }

    String indicatorName(String id) {
        return id == null ? null : indicators.byId(id).map(i -> i.name()).orElse(id);
    }

    @Override
    public void close() {
        overview.cancel(true);
        try {
            searcher.close();
        } catch (IOException e) {
            System.err.println("solieu serve: closing the index: " + e.getMessage());
        }
    }
}
