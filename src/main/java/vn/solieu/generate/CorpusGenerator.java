package vn.solieu.generate;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import vn.solieu.corpus.Block;
import vn.solieu.corpus.DocxReportWriter;
import vn.solieu.corpus.PdfReportWriter;
import vn.solieu.corpus.ReportDocument;
import vn.solieu.reference.Province;
import vn.solieu.reference.Provinces;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Writes a corpus of monthly reports the way {@code provinces} provinces would have filed them
 * over {@code months} months, with the ground truth beside them:
 * <pre>
 *   OUT/2024-02/bac-kan-2024-02.txt|.pdf|.docx      the reports
 *   OUT/truth/facts.jsonl                           every figure each report contains (record format)
 *   OUT/truth/inconsistencies.jsonl                 every injected inconsistency (check, file, province, reportPeriod, figures)
 *   OUT/truth/reports.jsonl                         one line per report: file, province, period, format, habits, sha256
 * </pre>
 * Provinces are the first N of the 63 units before the 2025 merger (as of the first month); months from July 2025 on are
 * filed by their successors (34 units), with the successors' names. Each report is a pure function
 * of (seed, province, month, copy): reports are made in parallel, in chunks, and the truth is
 * written in report order, so the same seed gives the same bytes whatever the thread count.
 */
public final class CorpusGenerator {
    public static final LocalDate MERGER = LocalDate.of(2025, 7, 1);
    private static final int CHUNK = 128;
    private static final ObjectMapper JSON = new ObjectMapper().disable(JsonGenerator.Feature.ESCAPE_NON_ASCII);

    /**
     * @param copies     each report written this many times (other format and wording, same figures)
     * @param injectRate probability, per report and per audit check, of an injected inconsistency
     * @param formats    relative weights of txt, pdf and docx
     */
    public record Options(long seed, int provinces, YearMonth from, int months, int copies, double injectRate,
                          double txtWeight, double pdfWeight, double docxWeight, int threads) {
        public static Options defaults() {
            return new Options(6, 63, YearMonth.of(2023, 1), 36, 1, 0.02, 0.5, 0.3, 0.2,
                    Runtime.getRuntime().availableProcessors());
        }

        public Options withSeed(long s) { return new Options(s, provinces, from, months, copies, injectRate, txtWeight, pdfWeight, docxWeight, threads); }
        public Options withProvinces(int n) { return new Options(seed, n, from, months, copies, injectRate, txtWeight, pdfWeight, docxWeight, threads); }
        public Options withMonths(YearMonth f, int n) { return new Options(seed, provinces, f, n, copies, injectRate, txtWeight, pdfWeight, docxWeight, threads); }
        public Options withCopies(int n) { return new Options(seed, provinces, from, months, n, injectRate, txtWeight, pdfWeight, docxWeight, threads); }
        public Options withInjectRate(double r) { return new Options(seed, provinces, from, months, copies, r, txtWeight, pdfWeight, docxWeight, threads); }
        public Options withFormats(double txt, double pdf, double docx) { return new Options(seed, provinces, from, months, copies, injectRate, txt, pdf, docx, threads); }
        public Options withThreads(int n) { return new Options(seed, provinces, from, months, copies, injectRate, txtWeight, pdfWeight, docxWeight, n); }
    }

    public record Summary(int reports, Map<String, Integer> byFormat, long facts, Map<String, Integer> injections, long bytes, double seconds) {}

    private final Options options;
    private final Provinces provinces;
    private final ReportComposer composer;
    private final PdfReportWriter pdf = new PdfReportWriter();
    private final DocxReportWriter docx = new DocxReportWriter();

    public CorpusGenerator(Options options, Provinces provinces) {
        if (options.provinces() < 1 || options.months() < 1 || options.copies() < 1) {
            throw new IllegalArgumentException("provinces, months and copies must be at least 1");
        }
        this.options = options;
        this.provinces = provinces;
        this.composer = new ReportComposer(options.seed(), Phrasings.load(), new ProvinceModel(options.seed(), provinces),
                new InjectionPlan(options.seed(), options.injectRate()), options.from());
    }

    /** The reports this corpus holds, in order: month by month, province by province, copy by copy. */
    public List<ReportSpec> plan() {
        // The units of the first month (63 before the merger: Thừa Thiên Huế until 2024, then Huế).
        LocalDate start = options.from().atDay(1);
        List<Province> before = provinces.validOn(start.isBefore(MERGER) ? start : MERGER.minusDays(1));
        List<Province> chosen = before.subList(0, Math.min(options.provinces(), before.size()));
        List<ReportSpec> specs = new ArrayList<>();
        for (int i = 0; i < options.months(); i++) {
            YearMonth m = options.from().plusMonths(i);
            Set<Province> filing = new LinkedHashSet<>();
            for (Province p : chosen) filing.add(provinces.successor(p, m.atDay(1)));
            for (Province p : filing) {
                for (int c = 0; c < options.copies(); c++) specs.add(spec(specs.size(), p, m, c));
            }
        }
        return specs;
    }

    private ReportSpec spec(int index, Province p, YearMonth m, int copy) {
        SplittableRandom r = Seeds.random(options.seed(), "spec", p.id(), m, copy);
        double total = options.txtWeight() + options.pdfWeight() + options.docxWeight();
        double x = r.nextDouble() * total;
        String format = x < options.txtWeight() ? "txt" : x < options.txtWeight() + options.pdfWeight() ? "pdf" : "docx";
        double y = r.nextDouble();
        String layout = format.equals("txt") ? (y < 0.45 ? "seed" : y < 0.8 ? "paragraphs" : "flat") : null;
        boolean nfd = format.equals("txt") && r.nextDouble() < 0.3;
        boolean prose = r.nextDouble() < 0.3;
        NumberStyle numbers = NumberStyle.draw(r);
        String file = m + "/" + p.id() + "-" + m + (copy == 0 ? "" : "-" + copy) + "." + format;
        return new ReportSpec(index, p, m, copy, file, format, layout, nfd, prose, numbers);
    }

    /** One report, written: its bytes, its composed content. */
    public record Written(ReportComposer.Composed composed, byte[] bytes) {}

    public Written write(ReportSpec spec) {
        ReportComposer.Composed c = composer.compose(spec);
        byte[] bytes = switch (spec.format()) {
            case "txt" -> TextReportWriter.write(c);
            case "pdf" -> render(out -> pdf.write(document(c), out));
            case "docx" -> render(out -> docx.write(document(c), out));
            default -> throw new IllegalStateException("unknown format " + spec.format());
        };
        return new Written(c, bytes);
    }

    private static ReportDocument document(ReportComposer.Composed c) {
        ReportDocument.Builder b = ReportDocument.builder().title(c.title())
                .date(c.spec().month().atDay(20).atStartOfDay().toInstant(ZoneOffset.UTC));
        for (Block block : c.blocks()) b.add(block);
        for (var f : c.footnotes()) b.footnote(f.number(), f.paragraphs().toArray(String[]::new));
        return b.build();
    }

    private interface Render {
        void to(ByteArrayOutputStream out) throws IOException;
    }

    private static byte[] render(Render r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            r.to(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Writes every report and the truth files under {@code out}; {@code progress} gets the count of reports written. */
    public Summary run(Path out, IntConsumer progress) throws IOException {
        long t0 = System.nanoTime();
        List<ReportSpec> specs = plan();
        Path truth = out.resolve("truth");
        Files.createDirectories(truth);
        Map<String, Integer> byFormat = new TreeMap<>();
        Map<String, Integer> injections = new TreeMap<>();
        long facts = 0, bytes = 0;
        ForkJoinPool pool = new ForkJoinPool(Math.max(1, options.threads()));
        try (BufferedWriter factsOut = Files.newBufferedWriter(truth.resolve("facts.jsonl"), StandardCharsets.UTF_8);
             BufferedWriter injOut = Files.newBufferedWriter(truth.resolve("inconsistencies.jsonl"), StandardCharsets.UTF_8);
             BufferedWriter reportsOut = Files.newBufferedWriter(truth.resolve("reports.jsonl"), StandardCharsets.UTF_8)) {
            for (int start = 0; start < specs.size(); start += CHUNK) {
                List<ReportSpec> chunk = specs.subList(start, Math.min(specs.size(), start + CHUNK));
                Written[] written = new Written[chunk.size()];
                try {
                    pool.submit(() -> IntStream.range(0, chunk.size()).parallel().forEach(i -> {
                        Written w = write(chunk.get(i));
                        Path file = out.resolve(chunk.get(i).file());
                        try {
                            Files.createDirectories(file.getParent());
                            Files.write(file, w.bytes());
                        } catch (IOException e) {
                            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
                        }
                        written[i] = w;
                    })).get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof UncheckedIOException u) throw u.getCause();
                    throw new IllegalStateException(cause);
                }
                for (Written w : written) {
                    ReportComposer.Composed c = w.composed();
                    for (Map<String, Object> f : c.facts()) factsOut.write(JSON.writeValueAsString(f) + "\n");
                    for (Injection inj : c.injections()) {
                        injOut.write(JSON.writeValueAsString(inj.toMap()) + "\n");
                        if (!inj.secondary()) injections.merge(inj.check(), 1, Integer::sum);
                    }
                    reportsOut.write(JSON.writeValueAsString(reportLine(c, w.bytes())) + "\n");
                    byFormat.merge(c.spec().format(), 1, Integer::sum);
                    facts += c.facts().size();
                    bytes += w.bytes().length;
                }
                progress.accept(start + chunk.size());
            }
        } finally {
            pool.shutdown();
        }
        return new Summary(specs.size(), byFormat, facts, injections, bytes, (System.nanoTime() - t0) / 1e9);
    }

    private static Map<String, Object> reportLine(ReportComposer.Composed c, byte[] bytes) {
        ReportSpec s = c.spec();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", s.file());
        m.put("province", s.province().name());
        m.put("reportPeriod", s.reportPeriod());
        m.put("format", s.format());
        m.put("layout", s.layout());
        m.put("unicode", s.nfd() ? "NFD" : "NFC");
        m.put("style", s.prose() ? "prose" : "bullets");
        m.put("thousands", s.numbers().groupThousands() ? "." : "");
        m.put("decimal", String.valueOf(s.numbers().decimalMark()));
        m.put("facts", c.facts().size());
        m.put("sha256", sha256(bytes));
        return m;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
