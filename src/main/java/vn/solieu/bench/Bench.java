package vn.solieu.bench;

import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import vn.solieu.Extraction;
import vn.solieu.Pipeline;
import vn.solieu.eval.CorpusScorer;
import vn.solieu.eval.ScoreTables;
import vn.solieu.facts.Fact;
import vn.solieu.facts.ReportInfo;
import vn.solieu.facts.Source;
import vn.solieu.generate.CorpusGenerator;
import vn.solieu.importer.ImportOptions;
import vn.solieu.importer.ImportSummary;
import vn.solieu.importer.Importer;
import vn.solieu.index.FactIndexWriter;
import vn.solieu.index.FactSearcher;
import vn.solieu.index.IndexSchema;
import vn.solieu.index.SearchRequest;
import vn.solieu.ingest.Ingest;
import vn.solieu.ingest.IngestException;
import vn.solieu.ingest.SourceDocument;
import vn.solieu.reference.Provinces;
import vn.solieu.rules.RulesDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The benchmarks of bench/README.md, in one run, written as Markdown:
 * <ol>
 * <li>extraction precision/recall and audit precision/recall per check on a generated corpus;</li>
 * <li>import throughput on 2 threads (pages/s, facts/s) against plain Tika text extraction of the
 *     same files on 2 threads, median of 3 runs;</li>
 * <li>search latency p50/p99 over an index of at least 1 000 000 facts;</li>
 * <li>index bytes per fact;</li>
 * <li>peak memory of an import of ~10 000 files in a child JVM under {@code -Xmx512m}.</li>
 * </ol>
 * Corpora are generated once per seed and size and kept in the work folder.
 */
public final class Bench {
    public record Options(Path out, Path work, boolean quick, long seed, int threads, Consumer<String> log) {}

    /** Sizes of one run: the full benchmark or the seconds-long smoke run. */
    record Sizes(int auditProvinces, YearMonth auditFrom, int auditMonths, int bigProvinces, int bigMonths, int bigCopies,
                 int throughputFiles, int throughputWarmUps, int runs, long searchFacts, int searchWarmUps, int searchRounds) {
        static final Sizes FULL = new Sizes(63, YearMonth.of(2025, 1), 12, 63, 36, 5, 1000, 2, 3, 1_000_000, 30, 5);
        static final Sizes QUICK = new Sizes(8, YearMonth.of(2025, 6), 2, 6, 2, 2, 12, 0, 3, 5_000, 3, 3);
    }

    private static final List<String> QUERIES = List.of(
            "đăng ký thường trú", "dang ky thuong tru", "kích hoạt tài khoản định danh", "CCCD", "hộ chiếu",
            "học phí không dùng tiền mặt", "hoc phi", "Hội Nông dân", "giấy phép lái xe", "liên thông khai sinh",
            "xác thực", "phạt nguội", "Bắc Kạn", "khám chữa bệnh CCCD gắn chip", "đăng ký tạm trú");

    /** Part of the cached search index's folder name: change it when what FactDocuments indexes changes, so the cache is rebuilt. */
    private static final String SEARCH_INDEX_LAYOUT = "v" + IndexSchema.VERSION + "-dense-all-years";

    private final Options o;
    private final Sizes sizes;
    private final StringBuilder md = new StringBuilder();

    public Bench(Options options) {
        this.o = options;
        this.sizes = options.quick() ? Sizes.QUICK : Sizes.FULL;
    }

    public String run() throws Exception {
        Files.createDirectories(o.work());
        String load = loadAverage();
        ZonedDateTime started = ZonedDateTime.now();
        Pipeline pipeline = Pipeline.load(null);
        Provinces provinces = Provinces.load(RulesDir.resolve(null));

        md.append("# solieu benchmark results\n\n");
        md.append("Written by `solieu bench").append(o.quick() ? " --quick" : "").append("` (see bench/README.md for what each figure means and how it is measured).\n\n");
        md.append("## Machine\n\n");
        md.append("| | |\n|---|---|\n");
        md.append("| date | ").append(started.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append(" |\n");
        md.append("| processors | ").append(Runtime.getRuntime().availableProcessors()).append(" |\n");
        md.append("| memory | ").append(memTotal()).append(" |\n");
        md.append("| Java | ").append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.version")).append(" |\n");
        md.append("| OS | ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.arch")).append(" |\n");
        md.append("| load average at start | ").append(load).append(" (the machine is shared: other processes run beside the benchmark) |\n");
        md.append("| threads | ").append(o.threads()).append(" |\n\n");

        // 1. accuracy
        Path auditCorpus = corpus("audit", provinces, CorpusGenerator.Options.defaults().withSeed(o.seed())
                .withProvinces(sizes.auditProvinces()).withMonths(sizes.auditFrom(), sizes.auditMonths()).withInjectRate(0.03));
        o.log().accept("bench: extraction and audit accuracy on " + auditCorpus);
        CorpusScorer.Result acc = CorpusScorer.score(auditCorpus, pipeline, 0, o.threads(), true);
        md.append("## 1. Extraction and audit accuracy\n\n");
        boolean crosses = sizes.auditFrom().isBefore(YearMonth.of(2025, 7)) && !sizes.auditFrom().plusMonths(sizes.auditMonths() - 1).isBefore(YearMonth.of(2025, 7));
        md.append(String.format(Locale.ROOT, "Generated corpus: %d reports (%d provinces, %d months from %s%s), seed %d, "
                        + "3%% of reports per audit check with an injected inconsistency. Report province right in %d of %d, report period in %d; %d failed to read. %.0f s.%n%n",
                acc.files(), sizes.auditProvinces(), sizes.auditMonths(), sizes.auditFrom(), crosses ? ", crossing the July 2025 merger: 34 units after it" : "", o.seed(), acc.provinceRight(), acc.files(),
                acc.periodRight(), acc.failures().size(), acc.seconds()));
        md.append(ScoreTables.extraction(acc.extraction(), acc.byVariant())).append('\n');
        md.append("### Audit against injected inconsistencies\n\n").append(ScoreTables.audit(acc.audit())).append('\n');
        md.append("Extraction misses by reason (").append(acc.extraction().missCount()).append("):\n\n")
                .append(acc.extraction().missCount() == 0 ? "none\n" : ScoreTables.misses(acc.extraction(), 15)).append('\n');

        // 2. throughput
        Path big = corpus("import", provinces, CorpusGenerator.Options.defaults().withSeed(o.seed())
                .withProvinces(sizes.bigProvinces()).withMonths(YearMonth.of(2023, 1), sizes.bigMonths()).withCopies(sizes.bigCopies()));
        List<Path> all = filesOf(big);
        List<Path> sample = all.subList(0, Math.min(sizes.throughputFiles(), all.size()));
        throughput(pipeline, sample);

        // 3 + 4. search latency and index size
        search(pipeline, auditCorpus);

        // 5. memory
        memory(big, all.size());
        md.append("\nTotal benchmark time: ").append(Duration.between(started, ZonedDateTime.now()).toSeconds()).append(" s.\n");
        String text = md.toString();
        if (o.out() != null) {
            if (o.out().toAbsolutePath().getParent() != null) Files.createDirectories(o.out().toAbsolutePath().getParent());
            Files.writeString(o.out(), text, StandardCharsets.UTF_8);
        }
        return text;
    }

    // ---- corpora ----

    private Path corpus(String name, Provinces provinces, CorpusGenerator.Options options) throws IOException {
        options = options.withThreads(o.threads());
        Path dir = o.work().resolve(String.format(Locale.ROOT, "%s-s%d-p%d-m%d-%s-c%d", name, options.seed(), options.provinces(),
                options.months(), options.from(), options.copies()));
        // The marker is written last: a generation cut short is redone, not reused.
        Path done = dir.resolveSibling(dir.getFileName() + ".complete");
        if (Files.isRegularFile(done)) return dir;
        deleteTree(dir);
        o.log().accept("bench: generating " + dir);
        CorpusGenerator.Summary s = new CorpusGenerator(options, provinces).run(dir, n -> {});
        Files.writeString(done, s.reports() + " reports\n");
        o.log().accept(String.format(Locale.ROOT, "bench: %d reports in %.1f s", s.reports(), s.seconds()));
        md.append(String.format(Locale.ROOT, "(Generated %s: %d files %s, %.1f MB, in %.1f s on %d threads.)%n%n",
                dir.getFileName(), s.reports(), s.byFormat(), s.bytes() / 1e6, s.seconds(), o.threads()));
        return dir;
    }

    private static List<Path> filesOf(Path corpus) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Map<String, Object> r : CorpusScorer.readLines(corpus.resolve("truth/reports.jsonl"))) out.add(corpus.resolve((String) r.get("file")));
        return out;
    }

    // ---- 2. throughput ----

    private void throughput(Pipeline pipeline, List<Path> files) throws Exception {
        o.log().accept("bench: throughput on " + files.size() + " files");
        Ingest ingest = new Ingest();
        long pages = 0, bytes = 0;
        for (Path f : files) {
            try {
                pages += ingest.read(f).pages().size();
            } catch (IngestException e) {
                // counted as no pages; the import reports it as a failure
            }
            bytes += Files.size(f);
        }
        List<Double> importSeconds = new ArrayList<>(), tikaSeconds = new ArrayList<>();
        long facts = 0;
        java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        long jitMillis = 0;
        // Warm-up runs first (not counted): until the JIT has compiled the hot paths of PDFBox, POI,
        // CoreNLP and Lucene, a run measures the compiler as much as the import.
        for (int run = -sizes.throughputWarmUps(); run < sizes.runs(); run++) {
            Path index = o.work().resolve("throughput-index");
            deleteTree(index);
            long jit0 = jit.getTotalCompilationTime();
            long t0 = System.nanoTime();
            ImportSummary s;
            try (FactIndexWriter writer = FactIndexWriter.open(index)) {
                s = new Importer(pipeline, writer, ImportOptions.defaults(index).withThreads(o.threads()), null).run(files);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            long jitRun = jit.getTotalCompilationTime() - jit0;
            double tikaRun = tika(files);
            deleteTree(index);
            if (run < 0) continue;
            importSeconds.add(seconds);
            jitMillis += jitRun;
            facts = s.facts();
            tikaSeconds.add(tikaRun);
        }
        double imp = median(importSeconds), tk = median(tikaSeconds);
        md.append("## 2. Import throughput\n\n");
        md.append(String.format(Locale.ROOT, "%d generated files (mixed TXT/PDF/DOCX, %.1f MB, %d pages, %d facts), %d threads, median of %d runs after %d warm-up runs of each. "
                        + "solieu import = read, extract, index into a fresh Lucene index, commit. Tika = `AutoDetectParser` into a `BodyContentHandler` "
                        + "(text only) for the same files on a pool of %d threads, in the same run.%n%n",
                files.size(), bytes / 1e6, pages, facts, o.threads(), sizes.runs(), sizes.throughputWarmUps(), o.threads()));
        md.append("| | seconds (median) | runs | files/s | pages/s | facts/s |\n|---|---:|---|---:|---:|---:|\n");
        md.append(String.format(Locale.ROOT, "| solieu import | %.2f | %s | %.1f | %.1f | %.0f |%n", imp, fmt(importSeconds), files.size() / imp, pages / imp, facts / imp));
        md.append(String.format(Locale.ROOT, "| Tika text extraction | %.2f | %s | %.1f | %.1f | – |%n", tk, fmt(tikaSeconds), files.size() / tk, pages / tk));
        double ratio = tk / imp;
        md.append(String.format(Locale.ROOT, "%nRatio solieu / Tika throughput: **%.2f** (target ≥ 1: the full import at least as fast as text extraction alone): %s.%n%n",
                ratio, ratio >= 1 ? "met" : "not met"));
        md.append(String.format(Locale.ROOT, "JIT compilation during the measured import runs: %.1f s per run (time the compiler threads spent compiling, summed over them; they share the cores with the import).%n%n",
                jitMillis / 1e3 / Math.max(1, sizes.runs())));
        stageCosts(pipeline, files);
    }

    /**
     * Where an import's time goes: CPU time of one thread per file for each stage and format, and
     * Tika's on the same files, after the runs above have warmed the JIT. CPU time, not wall time,
     * so that other work on the shared machine does not blur it.
     */
    private void stageCosts(Pipeline pipeline, List<Path> files) throws Exception {
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        Ingest ingest = new Ingest();
        AutoDetectParser tika = new AutoDetectParser();
        Map<String, double[]> byFormat = new java.util.TreeMap<>();   // files, ingest, extract, index, tika (ns)
        Path index = o.work().resolve("stage-index");
        deleteTree(index);
        double commitNs;
        try (FactIndexWriter writer = FactIndexWriter.open(index)) {
            for (Path f : files) {
                byte[] bytes = Files.readAllBytes(f);
                String name = f.getFileName().toString();
                double[] row = byFormat.computeIfAbsent(name.substring(name.lastIndexOf('.') + 1), k -> new double[5]);
                long t0 = cpu.getCurrentThreadCpuTime();
                SourceDocument doc;
                try {
                    doc = ingest.read(f, name, bytes);
                } catch (IngestException e) {
                    continue;
                }
                long t1 = cpu.getCurrentThreadCpuTime();
                Extraction x = pipeline.extract(doc);
                long t2 = cpu.getCurrentThreadCpuTime();
                writer.add(x);
                long t3 = cpu.getCurrentThreadCpuTime();
                try (InputStream in = new java.io.ByteArrayInputStream(bytes)) {
                    tika.parse(in, new BodyContentHandler(-1), new Metadata(), new ParseContext());
                } catch (Exception e) {
                    // counted as what it cost, as in the runs above
                }
                long t4 = cpu.getCurrentThreadCpuTime();
                row[0]++;
                row[1] += t1 - t0;
                row[2] += t2 - t1;
                row[3] += t3 - t2;
                row[4] += t4 - t3;
            }
            long c0 = cpu.getCurrentThreadCpuTime();
            writer.commit();
            commitNs = cpu.getCurrentThreadCpuTime() - c0;
        }
        deleteTree(index);
        double n = byFormat.values().stream().mapToDouble(r -> r[0]).sum();
        double[] all = new double[5];
        for (double[] r : byFormat.values()) for (int i = 0; i < 5; i++) all[i] += r[i];
        md.append("Where the time goes: CPU milliseconds per file of one thread, by stage and format, after the runs above "
                + "(indexing includes a share of the final commit; background merges are not counted).\n\n");
        md.append("| format | files | read (ingest) | extract | index | solieu total | Tika text extraction |\n|---|---:|---:|---:|---:|---:|---:|\n");
        for (Map.Entry<String, double[]> e : byFormat.entrySet()) stageRow(e.getKey(), e.getValue(), commitNs / n);
        stageRow("**all**", all, commitNs / n);
        md.append('\n');
    }

    private void stageRow(String format, double[] r, double commitShareNs) {
        double files = Math.max(1, r[0]);
        double read = r[1] / files / 1e6, extract = r[2] / files / 1e6, index = (r[3] / files + commitShareNs) / 1e6, tikaMs = r[4] / files / 1e6;
        md.append(String.format(Locale.ROOT, "| %s | %.0f | %.2f | %.2f | %.2f | %.2f | %.2f |%n", format, r[0], read, extract, index, read + extract + index, tikaMs));
    }

    private double tika(List<Path> files) throws Exception {
        AutoDetectParser parser = new AutoDetectParser();
        ExecutorService pool = Executors.newFixedThreadPool(o.threads());
        long t0 = System.nanoTime();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Path f : files) {
                futures.add(pool.submit(() -> {
                    try (InputStream in = Files.newInputStream(f)) {
                        parser.parse(in, new BodyContentHandler(-1), new Metadata(), new ParseContext());
                    }
                    return null;
                }));
            }
            for (Future<?> fu : futures) {
                try {
                    fu.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    // a file Tika cannot read costs what it cost; the comparison is of work done on the same files
                }
            }
        } finally {
            pool.shutdown();
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    // ---- 3, 4. search ----

    private void search(Pipeline pipeline, Path corpus) throws Exception {
        Path index = o.work().resolve(String.format(Locale.ROOT, "search-index-%s-s%d-%d", SEARCH_INDEX_LAYOUT, o.seed(), sizes.searchFacts()));
        long facts;
        double buildSeconds = 0;
        List<Path> files = filesOf(corpus);
        if (!Files.isRegularFile(index.resolve("complete"))) {
            deleteTree(index);
            o.log().accept("bench: building the search index " + index);
            long t0 = System.nanoTime();
            List<Extraction> base = new ArrayList<>();
            for (Path f : files) {
                try {
                    base.add(pipeline.extract(f, corpus.relativize(f).toString()));
                } catch (IngestException e) {
                    // skipped
                }
            }
            long perRound = base.stream().mapToLong(x -> x.facts().size()).sum();
            int copies = (int) Math.max(1, (sizes.searchFacts() + perRound - 1) / perRound);
            try (FactIndexWriter writer = FactIndexWriter.open(index)) {
                for (int c = 0; c < copies; c++) {
                    for (Extraction x : base) writer.add(copy(x, c));
                    if (c % 10 == 9) writer.commit();
                }
            }
            Files.writeString(index.resolve("complete"), copies + " copies of " + base.size() + " reports\n");
            buildSeconds = (System.nanoTime() - t0) / 1e9;
        }
        String how = Files.readString(index.resolve("complete")).strip();
        long bytes;
        try (Stream<Path> s = Files.walk(index)) {
            bytes = s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
        // Two modes: the hits alone (top 20, highlighted, exact total), and the hits with facet counts.
        List<Double> p50 = new ArrayList<>(), p99 = new ArrayList<>(), f50 = new ArrayList<>(), f99 = new ArrayList<>();
        try (FactSearcher searcher = FactSearcher.open(index)) {
            facts = searcher.stats().facts();
            for (boolean withFacets : new boolean[] {false, true}) {
                // Warm-up: until the JIT has compiled the search path, the first hundreds of queries are slower.
                for (int i = 0; i < sizes.searchWarmUps(); i++) for (String q : QUERIES) searcher.search(SearchRequest.of(q).withLimit(20).withFacets(withFacets));
                for (int round = 0; round < sizes.searchRounds(); round++) {
                    List<Double> ms = new ArrayList<>();
                    for (int rep = 0; rep < 20; rep++) {
                        for (String q : QUERIES) {
                            long t0 = System.nanoTime();
                            searcher.search(SearchRequest.of(q).withLimit(20).withFacets(withFacets));
                            ms.add((System.nanoTime() - t0) / 1e6);
                        }
                    }
                    ms.sort(Comparator.naturalOrder());
                    (withFacets ? f50 : p50).add(percentile(ms, 50));
                    (withFacets ? f99 : p99).add(percentile(ms, 99));
                }
            }
        }
        double m50 = median(p50), m99 = median(p99);
        md.append("## 3. Search latency\n\n");
        md.append(String.format(Locale.ROOT, "Index of %,d facts built through `FactIndexWriter` from the real extraction of the accuracy corpus (%s, each copy "
                        + "under other file names and its periods 1, 2, … years earlier, as another report of a deep archive: extracting ~10 000 reports on this shared machine takes too long)%s. %d queries a researcher would type "
                        + "(with and without diacritics, e.g. \"dang ky thuong tru\"), top 20 hits with highlights (each figure once, with the other files that state it: the default), the exact numbers of matching facts and of figures, one thread, "
                        + "after a warm-up of %d × %d queries; %d rounds of 20 × %d queries; median over rounds. Then the same with facet counts by province, period, "
                        + "indicator and kind (what the web page and `search --format table` show).%n%n",
                facts, how, buildSeconds > 0 ? String.format(Locale.ROOT, ", built in %.0f s", buildSeconds) : " (cached)", QUERIES.size(),
                sizes.searchWarmUps(), QUERIES.size(), sizes.searchRounds(), QUERIES.size()));
        md.append(String.format(Locale.ROOT, "| search | p50 | p99 | p99 per round |%n|---|---:|---:|---|%n"));
        md.append(String.format(Locale.ROOT, "| top 20 | %.2f ms | %.2f ms | %s |%n", m50, m99, fmt(p99)));
        md.append(String.format(Locale.ROOT, "| top 20 + facet counts | %.2f ms | %.2f ms | %s |%n%n", median(f50), median(f99), fmt(f99)));
        md.append(String.format(Locale.ROOT, "Target p99 < 20 ms over ≥ 1 000 000 facts (top 20): %s.%n%n",
                facts < 1_000_000 ? "not measured at that size (quick run)" : m99 < 20 ? "met" : "not met"));
        md.append("## 4. Index size\n\n");
        md.append(String.format(Locale.ROOT, "%,d bytes on disk for %,d facts (and their report documents): **%.0f bytes per fact**.%n%n",
                bytes, facts, (double) bytes / Math.max(1, facts)));
    }

    /**
     * Another report made from one: new file, hash and fact ids, so that it is indexed again, and
     * its periods {@code c} years earlier, so that it is another report of an archive that spans
     * years, not a copy of the same one (search shows a copy's figures once, which would leave a
     * 1 000 000-fact index of 53 copies with 19 000 figures).
     */
    private static Extraction copy(Extraction x, int c) {
        if (c == 0) return x;
        SourceDocument d = x.document();
        String file = "copy-" + c + "/" + d.file();
        String sha = Integer.toHexString(c) + d.sha256().substring(Integer.toHexString(c).length());
        SourceDocument doc = new SourceDocument(file, sha, d.mediaType(), d.text(), d.pages(), d.footnoteMarks(), d.footnoteAreas(), d.ocr(), d.ocrConfidence());
        List<Fact> facts = new ArrayList<>(x.facts().size());
        for (Fact f : x.facts()) {
            Fact g = Fact.fromMap(f.toMap());
            g.source = new Source(file, sha, f.source.page(), f.source.start(), f.source.end());
            g.id = f.id + "-" + c;
            g.reportPeriod = yearsEarlier(f.reportPeriod, c);
            if (f.period != null) {
                g.period = new vn.solieu.facts.Period(minus(f.period.from(), c), minus(f.period.to(), c), minus(f.period.asOf(), c));
            }
            facts.add(g);
        }
        ReportInfo r = x.report();
        ReportInfo report = r == null ? null : new ReportInfo(r.title(), r.province(), yearsEarlier(r.reportPeriod(), c), minus(r.reportDate(), c));
        return new Extraction(doc, report, facts);
    }

    /** "2025-03" → "2022-03" for 3 years; quarters and years alike. */
    private static String yearsEarlier(String period, int years) {
        if (period == null || period.length() < 4 || !period.substring(0, 4).chars().allMatch(Character::isDigit)) return period;
        return (Integer.parseInt(period.substring(0, 4)) - years) + period.substring(4);
    }

    private static java.time.LocalDate minus(java.time.LocalDate date, int years) {
        return date == null ? null : date.minusYears(years);
    }

    // ---- 5. memory ----

    private void memory(Path corpus, int files) throws Exception {
        Path index = o.work().resolve("memory-index");
        deleteTree(index);
        Path gcLog = o.work().resolve("memory-gc.log");
        Files.deleteIfExists(gcLog);
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-Xlog:gc:file=" + gcLog, "-cp", System.getProperty("java.class.path"), "vn.solieu.cli.Main", "import",
                "--index", index.toString(), "--threads", Integer.toString(o.threads()), corpus.toString());
        o.log().accept("bench: import of " + files + " files under -Xmx512m");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(o.work().resolve("memory-import.log").toFile());
        long t0 = System.nanoTime();
        Process p = pb.start();
        long peakKb = 0;
        Path status = Path.of("/proc", Long.toString(p.pid()), "status");
        while (p.isAlive()) {
            peakKb = Math.max(peakKb, vmHwm(status));
            Thread.sleep(200);
        }
        int exit = p.waitFor();
        double seconds = (System.nanoTime() - t0) / 1e9;
        double heapPeakMb = gcHeapPeak(gcLog);
        String summary = lineWith(o.work().resolve("memory-import.log"), "imported");
        md.append("## 5. Peak memory of a large import\n\n");
        md.append(String.format(Locale.ROOT, "`java -Xmx512m -cp solieu.jar vn.solieu.cli.Main import --threads %d` of %,d generated files "
                        + "(the corpus above: each report also kept in other formats, as archives hold them) into a fresh index, as a child process; "
                        + "exit status %d, %.0f s. Resident set peak from /proc/<pid>/status VmHWM (polled every 200 ms); Java heap peak from the GC log "
                        + "(heap occupancy before each collection).%n%n",
                o.threads(), files, exit, seconds));
        md.append(String.format(Locale.ROOT, "| files | seconds | files/s | peak RSS | peak heap (of 512 MB) |%n|---:|---:|---:|---:|---:|%n| %,d | %.0f | %.1f | %.0f MB | %.0f MB |%n%n",
                files, seconds, files / seconds, peakKb / 1024.0, heapPeakMb));
        md.append("Import's own summary: `").append(summary.replace("`", "'")).append("`\n");
        deleteTree(index);
    }

    private static long vmHwm(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("\\D", ""));
            }
        } catch (IOException | NumberFormatException e) {
            // the process ended between the check and the read
        }
        return 0;
    }

    private static final Pattern GC_LINE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    static double gcHeapPeak(Path gcLog) throws IOException {
        if (!Files.exists(gcLog)) return Double.NaN;
        double peak = 0;
        for (String line : Files.readAllLines(gcLog)) {
            Matcher m = GC_LINE.matcher(line);
            if (m.find()) peak = Math.max(peak, Double.parseDouble(m.group(1)));
        }
        return peak;
    }

    // ---- helpers ----

    /** The last line holding {@code word} (the import's summary among its progress lines). */
    private static String lineWith(Path file, String word) throws IOException {
        if (!Files.exists(file)) return "";
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = lines.size() - 1; i >= 0; i--) {
            String l = lines.get(i).strip();
            int at = l.lastIndexOf("solieu import: " + word);
            if (at >= 0) return l.substring(at);
        }
        return "";
    }

    static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        s.sort(null);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    static double percentile(List<Double> sorted, double p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    private static String fmt(List<Double> xs) {
        List<String> s = new ArrayList<>();
        for (double x : xs) s.add(String.format(Locale.ROOT, "%.2f", x));
        return String.join(", ", s);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return String.format(Locale.ROOT, "%.2f", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static String memTotal() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(Files.newInputStream(Path.of("/proc/meminfo")), StandardCharsets.UTF_8))) {
            String line = r.readLine();
            long kb = Long.parseLong(line.replaceAll("\\D", ""));
            return String.format(Locale.ROOT, "%.1f GiB", kb / 1024.0 / 1024.0);
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
