package vn.solieu.eval;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import vn.solieu.Extraction;
import vn.solieu.Pipeline;
import vn.solieu.audit.AuditFinding;
import vn.solieu.audit.Auditor;
import vn.solieu.facts.Fact;
import vn.solieu.ingest.IngestException;
import vn.solieu.reference.Indicators;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * Scores the pipeline on a generated corpus (a folder with {@code truth/}): extracts every report
 * (or an even sample of them), matches the facts against {@code truth/facts.jsonl} file by file
 * ({@link FactScorer}), checks each report's province and period, and runs the {@link Auditor}
 * over all produced facts to score its findings against {@code truth/inconsistencies.jsonl}
 * ({@link AuditScore}). The audit needs whole months of provinces to compare, so score the audit
 * on a full corpus, not a sample.
 */
public final class CorpusScorer {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    public record Result(Score extraction, Map<String, Score> byVariant, AuditScore audit, int files, List<String> failures,
                         int provinceRight, int periodRight, long facts, double seconds) {}

    private CorpusScorer() {}

    /**
     * @param sample at most this many reports, evenly spread over the corpus (0: all)
     * @param audit  whether to run and score the audit
     */
    public static Result score(Path corpus, Pipeline pipeline, int sample, int threads, boolean audit) throws IOException {
        long t0 = System.nanoTime();
        List<Map<String, Object>> reports = readLines(corpus.resolve("truth/reports.jsonl"));
        if (sample > 0 && sample < reports.size()) {
            List<Map<String, Object>> picked = new ArrayList<>();
            for (int i = 0; i < sample; i++) picked.add(reports.get((int) ((long) i * reports.size() / sample)));
            reports = picked;
        }
        Set<String> files = new LinkedHashSet<>();
        for (Map<String, Object> r : reports) files.add((String) r.get("file"));
        Map<String, List<Map<String, Object>>> truth = new HashMap<>();
        try (BufferedReader in = Files.newBufferedReader(corpus.resolve("truth/facts.jsonl"), StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) continue;
                Map<String, Object> m = JSON.readValue(line, MAP);
                String file = fileOf(m);
                if (files.contains(file)) truth.computeIfAbsent(file, k -> new ArrayList<>()).add(m);
            }
        }

        List<Map<String, Object>> list = reports;
        Object[] results = new Object[list.size()];
        ForkJoinPool pool = new ForkJoinPool(Math.max(1, threads));
        try {
            pool.submit(() -> IntStream.range(0, list.size()).parallel().forEach(i -> {
                String file = (String) list.get(i).get("file");
                try {
                    results[i] = pipeline.extract(corpus.resolve(file), file);
                } catch (IngestException e) {
                    results[i] = file + ": " + e.getMessage();
                } catch (RuntimeException e) {
                    results[i] = file + ": " + e;
                }
            })).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdown();
        }

        Score total = new Score();
        Map<String, Score> byVariant = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        Auditor auditor = audit ? new Auditor(pipeline.rules().indicators()) : null;
        int provinceRight = 0, periodRight = 0;
        long facts = 0;
        for (int i = 0; i < list.size(); i++) {
            Map<String, Object> report = list.get(i);
            String file = (String) report.get("file");
            List<Fact> produced;
            if (results[i] instanceof Extraction x) {
                produced = x.facts();
                if (Objects.equals(x.report().province(), report.get("province"))) provinceRight++;
                if (Objects.equals(x.report().reportPeriod(), report.get("reportPeriod"))) periodRight++;
            } else {
                failures.add(String.valueOf(results[i]));
                produced = List.of();
            }
            facts += produced.size();
            Score s = FactScorer.score(truth.getOrDefault(file, List.of()), produced, file);
            total.add(s);
            byVariant.computeIfAbsent(variant(report), k -> new Score()).add(s);
            if (auditor != null) for (Fact f : produced) auditor.accept(f);
            results[i] = null;
        }
        AuditScore auditScore = null;
        if (auditor != null) {
            List<AuditFinding> findings = auditor.finish();
            auditScore = AuditScore.score(readLines(corpus.resolve("truth/inconsistencies.jsonl")).stream()
                    .filter(m -> files.contains((String) m.get("file"))).toList(), findings);
        }
        return new Result(total, byVariant, auditScore, list.size(), failures, provinceRight, periodRight, facts,
                (System.nanoTime() - t0) / 1e9);
    }

    /** "txt seed NFD", "pdf", "docx": the ways a report was written, to see where accuracy differs. */
    static String variant(Map<String, Object> report) {
        String v = String.valueOf(report.get("format"));
        if (report.get("layout") != null) v += " " + report.get("layout");
        if ("NFD".equals(report.get("unicode"))) v += " NFD";
        return v;
    }

    @SuppressWarnings("unchecked")
    private static String fileOf(Map<String, Object> m) {
        Object src = m.get("source");
        return src instanceof Map<?, ?> s ? (String) ((Map<String, Object>) s).get("file") : (String) m.get("file");
    }

    public static List<Map<String, Object>> readLines(Path file) throws IOException {
        List<Map<String, Object>> out = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isBlank()) out.add(JSON.readValue(line, MAP));
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return out;
    }

    /** One real report against its hand-checked expected records ({@code corpus/expected/*.jsonl}). */
    public static Score scoreExpected(Path expectedJsonl, Path input, Pipeline pipeline) throws IOException, IngestException {
        List<Map<String, Object>> expected = readLines(expectedJsonl);
        Extraction x = pipeline.extract(input, input.toString());
        return FactScorer.score(expected, x.facts(), input.toString());
    }
}
