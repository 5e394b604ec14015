package vn.solieu.importer;

import vn.solieu.Extraction;
import vn.solieu.Pipeline;
import vn.solieu.importer.FileOutcome.Status;
import vn.solieu.index.FactIndexWriter;
import vn.solieu.ingest.Ingest;
import vn.solieu.ingest.IngestException;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Imports files, folders and zip archives into an index, on all cores, streaming:
 * <pre>
 *   walk (lazy) ──bounded queue──▶ workers: read bytes → hash → claim → ingest → extract → add ──▶ commit every N files / T seconds
 * </pre>
 * At most {@code 2 × threads} files are in memory at once whatever the size of the archive.
 * A file whose bytes are indexed already is skipped; a file that fails is logged and the run goes on.
 * The index is committed periodically and at the end; after a crash the next run redoes only the
 * uncommitted files (their report documents are missing) and never duplicates anything.
 */
public final class Importer {
    private final Pipeline pipeline;
    private final FactIndexWriter writer;
    private final ImportOptions options;
    private final ImportListener listener;

    private final AtomicLong imported = new AtomicLong(), replaced = new AtomicLong(), unchanged = new AtomicLong(),
            duplicates = new AtomicLong(), failed = new AtomicLong(), facts = new AtomicLong();
    private final AtomicLong sinceCommit = new AtomicLong();
    private volatile long lastCommitNanos = System.nanoTime();
    private final ReentrantLock commitLock = new ReentrantLock();
    /** An index error (disk full…) ends the run: every later file would fail the same way. */
    private final AtomicReference<IOException> fatal = new AtomicReference<>();
    private FailureLog failures;

    public Importer(Pipeline pipeline, FactIndexWriter writer, ImportOptions options, ImportListener listener) {
        this.pipeline = pipeline;
        this.writer = writer;
        this.options = options;
        this.listener = listener == null ? ImportListener.NONE : listener;
    }

    public ImportSummary run(List<Path> inputs) throws IOException, InterruptedException {
        long started = System.nanoTime();
        failures = options.failuresFile() == null ? null : new FailureLog(options.failuresFile());
        int threads = Math.max(1, options.threads());
        ExecutorService workers = Executors.newFixedThreadPool(threads, daemon("solieu-import"));
        Thread counter = daemon("solieu-count").newThread(() -> listener.total(SourceWalker.count(inputs)));
        counter.start();
        Semaphore inFlight = new Semaphore(threads * 2);
        try {
            SourceWalker.walk(inputs, new SourceWalker.Visitor() {
                @Override
                public boolean item(ImportItem item) throws InterruptedException {
                    if (fatal.get() != null) return false;
                    inFlight.acquire();
                    workers.execute(() -> {
                        try {
                            process(item);
                        } finally {
                            inFlight.release();
                        }
                    });
                    return true;
                }

                @Override
                public void failure(String file, String reason) {
                    fail(file, null, reason);
                }
            });
            workers.shutdown();
            while (!workers.awaitTermination(1, TimeUnit.SECONDS)) {
                // keep waiting: files in flight finish, then the final commit
            }
        } finally {
            workers.shutdownNow();
            counter.interrupt();
            if (failures != null) failures.close();
        }
        if (fatal.get() != null) throw fatal.get();
        commit();
        return new ImportSummary(imported.get(), replaced.get(), unchanged.get(), duplicates.get(), failed.get(),
                facts.get(), Duration.ofNanos(System.nanoTime() - started), options.failuresFile());
    }

    private void process(ImportItem item) {
        String name = item.shownName();
        try {
            delay();
            byte[] bytes;
            try {
                bytes = item.bytes();
            } catch (IOException e) {
                fail(name, null, "cannot read the file (" + SourceWalker.reason(e) + ")");
                return;
            }
            // Before claiming: every empty file has the same hash, and each must be reported.
            if (bytes.length == 0) {
                fail(name, null, "empty file");
                return;
            }
            String sha = Ingest.sha256(bytes);
            FactIndexWriter.Claim claim = writer.claim(name, sha);
            if (!claim.shouldIndex()) {
                boolean same = claim.known() == FactIndexWriter.Known.UNCHANGED;
                (same ? unchanged : duplicates).incrementAndGet();
                listener.fileDone(new FileOutcome(name, same ? Status.UNCHANGED : Status.DUPLICATE, 0,
                        same ? null : "same bytes as " + claim.indexedAs()));
                return;
            }
            boolean added = false;
            try {
                Extraction extraction = pipeline.extract(item.nameHint(), name, bytes);
                int n = writer.add(extraction);
                added = true;
                imported.incrementAndGet();
                if (claim.known() == FactIndexWriter.Known.CHANGED) replaced.incrementAndGet();
                facts.addAndGet(n);
                listener.fileDone(new FileOutcome(name, claim.known() == FactIndexWriter.Known.CHANGED ? Status.REPLACED : Status.IMPORTED, n, null));
            } catch (IngestException e) {
                fail(name, sha, e.getMessage());
            } catch (RuntimeException | StackOverflowError e) {
                // A bug met on one file must not end a bulk run: it is that file's failure.
                fail(name, sha, "extraction failed (" + e + ")");
            } finally {
                if (!added) writer.release(sha);
            }
            maybeCommit();
        } catch (IOException | RuntimeException e) {
            fatal.compareAndSet(null, new IOException("the index at " + writer.dir() + " cannot be written: " + SourceWalker.reason(e), e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void fail(String file, String sha, String reason) {
        failed.incrementAndGet();
        if (failures != null) failures.add(file, reason);
        if (sha != null) {
            try {
                writer.addFailure(file, sha, reason);
            } catch (IOException | RuntimeException e) {
                fatal.compareAndSet(null, new IOException("the index at " + writer.dir() + " cannot be written: " + SourceWalker.reason(e), e));
            }
        }
        listener.fileDone(new FileOutcome(file, Status.FAILED, 0, reason));
    }

    /** Commits when enough files or time have gone by; one thread commits while the others go on. */
    private void maybeCommit() throws IOException {
        long files = sinceCommit.incrementAndGet();
        boolean due = files >= options.commitEvery()
                || System.nanoTime() - lastCommitNanos >= options.commitInterval().toNanos();
        if (due && commitLock.tryLock()) {
            try {
                commit();
            } finally {
                commitLock.unlock();
            }
        }
    }

    private void commit() throws IOException {
        sinceCommit.set(0);
        lastCommitNanos = System.nanoTime();
        writer.commit();
        listener.committed(imported.get() + unchanged.get() + duplicates.get() + failed.get());
    }

    private void delay() throws InterruptedException {
        if (!options.delayPerFile().isZero()) Thread.sleep(options.delayPerFile().toMillis());
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicLong n = new AtomicLong();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
