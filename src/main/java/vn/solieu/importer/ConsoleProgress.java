package vn.solieu.importer;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Shows an import's progress on stderr: a live bar (files done / total, facts, rate, ETA) on a
 * terminal, a plain line every few seconds otherwise (logs, CI, pipes).
 */
public abstract class ConsoleProgress implements ImportListener, AutoCloseable {
    protected final AtomicLong done = new AtomicLong(), facts = new AtomicLong(), failed = new AtomicLong();
    protected volatile long total = -1;

    /** A bar when {@code terminal}, else plain lines every {@code every}. */
    public static ConsoleProgress on(PrintStream err, boolean terminal, Duration every) {
        return terminal ? new Bar(err) : new Lines(err, every);
    }

    @Override
    public void total(long files) {
        total = files;
    }

    @Override
    public void fileDone(FileOutcome o) {
        done.incrementAndGet();
        facts.addAndGet(o.facts());
        if (o.status() == FileOutcome.Status.FAILED) failed.incrementAndGet();
    }

    @Override
    public abstract void close();

    private static final class Bar extends ConsoleProgress {
        private final ProgressBar bar;

        Bar(PrintStream err) {
            bar = new ProgressBarBuilder()
                    .setTaskName("import")
                    .setInitialMax(-1)
                    .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
                    .setConsumer(new ConsoleProgressBarConsumer(err))
                    .setUpdateIntervalMillis(250)
                    .setUnit(" files", 1)
                    .showSpeed()
                    .build();
        }

        @Override
        public void total(long files) {
            super.total(files);
            bar.maxHint(files);
        }

        @Override
        public void fileDone(FileOutcome o) {
            super.fileDone(o);
            bar.step();
            bar.setExtraMessage(" " + facts.get() + " facts" + (failed.get() > 0 ? ", " + failed.get() + " failed" : ""));
        }

        @Override
        public void close() {
            bar.close();
        }
    }

    private static final class Lines extends ConsoleProgress {
        private final PrintStream err;
        private final ScheduledExecutorService timer;
        private final long started = System.nanoTime();

        Lines(PrintStream err, Duration every) {
            this.err = err;
            this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "solieu-progress");
                t.setDaemon(true);
                return t;
            });
            long ms = Math.max(100, every.toMillis());
            timer.scheduleAtFixedRate(this::print, ms, ms, TimeUnit.MILLISECONDS);
        }

        private void print() {
            long n = done.get();
            double seconds = (System.nanoTime() - started) / 1e9;
            double rate = n / Math.max(seconds, 1e-3);
            StringBuilder sb = new StringBuilder("solieu import: ").append(n);
            if (total >= 0) sb.append('/').append(total);
            sb.append(" files, ").append(facts.get()).append(" facts, ").append(failed.get()).append(" failed, ")
                    .append(String.format(Locale.ROOT, "%.1f files/s", rate));
            if (total >= 0 && rate > 0 && n < total) sb.append(", ETA ").append(eta((long) ((total - n) / rate)));
            err.println(sb);
            err.flush();
        }

        private static String eta(long seconds) {
            if (seconds < 60) return seconds + " s";
            if (seconds < 3600) return seconds / 60 + " min " + seconds % 60 + " s";
            return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
        }

        @Override
        public void close() {
            timer.shutdownNow();
        }
    }
}
