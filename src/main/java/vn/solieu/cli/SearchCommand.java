package vn.solieu.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vn.solieu.facts.Fact;
import vn.solieu.facts.FactJson;
import vn.solieu.index.FactSearcher;
import vn.solieu.index.SearchHit;
import vn.solieu.index.SearchRequest;
import vn.solieu.index.SearchResult;
import vn.solieu.index.SearchResult.FacetCount;
import vn.solieu.index.SortOrder;
import vn.solieu.reference.Province;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Searches the imported facts (or, with --passages, the full text of the reports).",
                "Words match with or without diacritics (\"dang ky thuong tru\" finds \"Đăng ký thường trú\"); "
                        + "typed with their diacritics, exact matches rank first. Numbers match as written (\"1.512/1.546\", \"42,9%%\") or by their parts (\"1.546\").",
                "A period in the words (\"tháng 2/2024\", \"quý I/2024\", \"6 tháng đầu năm 2024\", \"năm 2024\", \"2024\", \"2024-02\") filters the hits by period; \"2024\" in quotes is searched as a number.",
                "Lucene query syntax works for the rest: \"quoted phrases\", OR, -excluded, indicator:…, province.f:…",
                "and the numbers: value:[1000 TO *], denominator:>=1.000, numerator:1229, percent:{40 TO 50}, computedPercent:<50 (also anyPercent).",
                "A figure several files state (the same report kept as PDF, Word and text) is one hit that names the other files: \"+3\" and an \"also in\" line in the table, \"copies\" in jsonl; --each-file lists every file's fact.",
                "jsonl prints fact records only (the records contract); table shows figure, indicator, province, period, file:page and the quote with matches marked."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:search ran (with or without hits)", "1:no index, or it cannot be read", "2:bad usage (options, query)"})
public final class SearchCommand implements Callable<Integer> {
    @Option(names = "--index", paramLabel = "DIR", defaultValue = ImportCommand.DEFAULT_INDEX, description = "Index folder (default: ${DEFAULT-VALUE} in the current folder)")
    Path index;

    @Option(names = "--format", defaultValue = "table", description = "table, jsonl or csv (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    @Option(names = "--province", paramLabel = "P", description = "Only this province (diacritics optional: \"bac kan\")")
    String province;

    @Option(names = "--territory", description = "With --province: follow its land across the 2025 merger (\"Thái Nguyên\" also finds Bắc Kạn's reports until June 2025, \"Bắc Kạn\" the merged Thái Nguyên's from July 2025)")
    boolean territory;

    @Option(names = "--period-from", paramLabel = "YYYY-MM", description = "Only periods starting no earlier (also YYYY-Qn, YYYY)")
    String periodFrom;

    @Option(names = "--period-to", paramLabel = "YYYY-MM", description = "Only periods ending no later (also YYYY-Qn, YYYY)")
    String periodTo;

    @Option(names = "--indicator", paramLabel = "I", description = "Only facts whose indicator label holds all these words, or whose indicatorId is I")
    String indicator;

    @Option(names = "--kind", paramLabel = "K", description = "Only ratio, percent or count facts")
    Fact.Kind kind;

    @Option(names = "--min-percent", paramLabel = "X", description = "Only facts whose percentage (stated, else computed x/y) is at least X")
    Double minPercent;

    @Option(names = "--max-percent", paramLabel = "Y", description = "… and at most Y")
    Double maxPercent;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "Hits to show (default: ${DEFAULT-VALUE})")
    int limit;

    @Option(names = "--all", description = "Every matching fact, streamed in index order (or --sort's; not ranked, no --limit): an export of any size with --format jsonl or csv; each figure once (its first file) unless --each-file")
    boolean all;

    @Option(names = "--sort", paramLabel = "KEY[:asc|desc]", description = "Order of the hits: relevance (default), period, percent, value, numerator or denominator; ascending unless :desc (\"percent:desc\": highest first). Hits without the key come last; passages take relevance or period")
    String sort;

    @Option(names = "--each-file", description = "Every file's fact a hit of its own. By default a figure that several files state (the same report as PDF, Word and text) is one hit, which names the other files as copies")
    boolean eachFile;

    @Option(names = "--facets", description = "Print counts by province, period, indicator and kind (always in table format)")
    boolean facets;

    @Option(names = "--passages", description = "Search the reports' full text and show the best passage of each (jsonl: {file, page, title, passage})")
    boolean passages;

    @Parameters(arity = "0..*", paramLabel = "QUERY", description = "Words or Lucene query syntax; none matches everything (filters still apply)")
    List<String> query = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        if (format == OutputFormat.html) {
            System.err.println("solieu search: --format html is for audit findings; use table, jsonl or csv");
            return 2;
        }
        if (limit < 1) {
            System.err.println("solieu search: --limit must be at least 1");
            return 2;
        }
        if (all && (passages || format == OutputFormat.table)) {
            System.err.println("solieu search: --all exports facts: use it with --format jsonl or csv, without --passages");
            return 2;
        }
        if (territory && (province == null || province.isBlank())) {
            System.err.println("solieu search: --territory follows the land of a --province across the 2025 merger; name the province");
            return 2;
        }
        SortOrder order;
        try {
            order = SortOrder.parse(sort);
        } catch (IllegalArgumentException e) {
            System.err.println("solieu search: --sort: " + e.getMessage());
            return 2;
        }
        SearchRequest request = SearchRequest.of(String.join(" ", query))
                .withScope(passages ? SearchRequest.Scope.reports : SearchRequest.Scope.facts)
                .withProvince(province)
                .withTerritory(territory)
                .withPeriod(periodFrom, periodTo)
                .withIndicator(indicator)
                .withKind(kind)
                .withPercent(minPercent, maxPercent)
                .withLimit(limit)
                .withOrder(order)
                .withEachFile(eachFile)
                .withFacets(facets || format == OutputFormat.table);
        String note = territoryNote();
        if (note != null) System.err.println("solieu search: " + note);
        try (FactSearcher searcher = FactSearcher.open(index)) {
            return all ? export(searcher, request) : print(searcher.search(request));
        } catch (IllegalArgumentException e) {
            System.err.println("solieu search: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            System.err.println("solieu search: " + e.getMessage());
            return 1;
        }
    }

    private int print(SearchResult result) throws IOException {
        PrintWriter out = Console.out();
        switch (format) {
            case jsonl -> jsonl(result, out);
            case csv -> csv(result, out);
            default -> table(result, out, System.console() != null);
        }
        if (format != OutputFormat.table && facets) facets(result, out);
        out.flush();
        if (format != OutputFormat.table) System.err.println("solieu search: " + shown(result));
        return 0;
    }

    /** --all: every matching fact straight from the index to the output, one at a time. */
    private int export(FactSearcher searcher, SearchRequest request) throws IOException {
        PrintWriter out = Console.out();
        long[] written = {0};
        try (FactWriter w = FactWriter.of(format, out)) {
            searcher.forEachFact(request, fact -> {
                w.write(fact);
                // A PrintWriter keeps quiet about a closed pipe ("| head"): look now and then, and stop.
                if (++written[0] % 1000 == 0 && Console.closed(out)) throw new OutputClosed();
            });
        } catch (OutputClosed e) {
            return 0;
        }
        out.flush();
        System.err.println("solieu search: " + written[0] + " facts written");
        return 0;
    }

    private static final class OutputClosed extends IOException {
        OutputClosed() {
            super("the output was closed");
        }
    }

    private void jsonl(SearchResult r, PrintWriter out) throws JsonProcessingException {
        for (SearchHit h : r.hits()) {
            out.println(h.fact() != null ? factRecord(h) : FactJson.MAPPER.writeValueAsString(passage(h)));
        }
    }

    private void csv(SearchResult r, PrintWriter out) throws JsonProcessingException {
        if (!passages) {
            try (FactWriter w = FactWriter.of(OutputFormat.csv, out)) {
                r.hits().forEach(h -> w.write(h.fact()));
            }
            return;
        }
        CsvSchema.Builder b = CsvSchema.builder();
        List.of("file", "page", "title", "passage").forEach(b::addColumn);
        CsvMapper mapper = new CsvMapper();
        out.print(mapper.writer(b.build().withHeader()).writeValueAsString(List.of()));
        for (SearchHit h : r.hits()) out.print(mapper.writer(b.build()).writeValueAsString(passage(h)));
    }

    /** The fact record, and when the hit folds copies of its figure, where they are ({@code copies}: file, sha256, page, id). */
    private static String factRecord(SearchHit h) throws JsonProcessingException {
        if (h.copies().isEmpty()) return FactJson.toJson(h.fact());
        Map<String, Object> record = h.fact().toMap();
        List<Map<String, Object>> copies = new ArrayList<>();
        for (SearchHit.Copy c : h.copies()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", c.file());
            m.put("sha256", c.sha256());
            m.put("page", c.page());
            m.put("id", c.id());
            copies.add(m);
        }
        record.put("copies", copies);
        return FactJson.MAPPER.writeValueAsString(record);
    }

    private static Map<String, Object> passage(SearchHit h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", h.file());
        m.put("page", h.page());
        m.put("title", h.title());
        m.put("passage", h.snippet().text());
        return m;
    }

    /** Aligned columns for people; the quote comes last, whole, with the matches marked. */
    private void table(SearchResult r, PrintWriter out, boolean terminal) {
        String open = terminal ? "\u001B[1m" : "«", close = terminal ? "\u001B[0m" : "»";
        List<List<String>> rows = new ArrayList<>();
        List<String> quotes = new ArrayList<>();
        for (SearchHit h : r.hits()) {
            String source = h.file() + (h.page() == null ? "" : ":" + h.page()) + (h.copies().isEmpty() ? "" : " +" + h.copies().size());
            if (h.fact() != null) {
                Fact f = h.fact();
                rows.add(List.of(FactWriter.figure(f) + (f.unit == null ? "" : " " + f.unit), nz(f.indicator), nz(f.province),
                        nz(f.reportPeriod), source));
            } else {
                rows.add(List.of(nz(h.title()), source));
            }
            quotes.add(h.snippet().marked(open, close));
        }
        List<String> head = passages ? List.of("title", "file:page") : List.of("figure", "indicator", "province", "period", "file:page");
        int[] width = new int[head.size()];
        int[] max = passages ? new int[]{40, 60} : new int[]{24, 40, 16, 8, 60};
        for (int i = 0; i < head.size(); i++) width[i] = head.get(i).length();
        for (List<String> row : rows) for (int i = 0; i < row.size(); i++) width[i] = Math.max(width[i], Math.min(max[i], len(row.get(i))));
        line(out, head, width, "quote");
        for (int i = 0; i < rows.size(); i++) line(out, rows.get(i), width, quotes.get(i));
        copies(r, out);
        out.println(shown(r));
        facets(r, out);
    }

    private static void line(PrintWriter out, List<String> cells, int[] width, String last) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String v = clip(cells.get(i), width[i]);
            sb.append(v).append(" ".repeat(width[i] - len(v) + 2));
        }
        out.println(sb.append(last).toString().stripTrailing());
    }

    private static void facets(SearchResult r, PrintWriter out) {
        for (Map.Entry<String, List<FacetCount>> dim : r.facets().entrySet()) {
            if (dim.getValue().isEmpty()) continue;
            out.println(dim.getKey() + ": " + dim.getValue().stream()
                    .map(c -> c.value() + " (" + c.count() + ")").collect(Collectors.joining(" · ")));
        }
    }

    /** What the province filter covered across the 2025 merger, or what --territory would add; null when the merger did not touch it. */
    private String territoryNote() {
        if (province == null || province.isBlank()) return null;
        List<Province> others = FactSearcher.otherNamesOfTerritory(province);
        if (others.isEmpty()) return null;
        String name = FactSearcher.territory(province).get(0).name();
        String units = others.stream().map(SearchCommand::withDates).collect(Collectors.joining(", "));
        return territory ? "province " + name + " with its land across the 2025 merger: " + units
                : "the 2025 merger joined " + name + "'s land with " + units + "; add --territory to include those reports";
    }

    private static String withDates(Province p) {
        if (p.validFrom() != null && p.validTo() != null) return p.name() + " (" + p.validFrom() + " to " + p.validTo() + ")";
        if (p.validTo() != null) return p.name() + " (until " + p.validTo() + ")";
        if (p.validFrom() != null) return p.name() + " (from " + p.validFrom() + ")";
        return p.name();
    }

    /** "+N" in the file column: the other files of each such figure, listed under the table. */
    private static void copies(SearchResult r, PrintWriter out) {
        int n = 0;
        for (SearchHit h : r.hits()) {
            n++;
            if (h.copies().isEmpty()) continue;
            out.println("  " + n + ". also in " + h.copies().stream().map(SearchHit.Copy::where).collect(Collectors.joining(", ")));
        }
    }

    private static String shown(SearchResult r) {
        String hits = r.figures() == null ? r.hits().size() + " of " + r.totalHits() + " hits"
                : r.hits().size() + " of " + r.figures() + " figures (" + r.totalHits() + " facts: a figure several files state is shown once; --each-file lists each)";
        return r.queryPeriod() == null ? hits
                : hits + " in period " + r.queryPeriod() + " (read from the query; put a number in quotes to search it as written)";
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static int len(String s) {
        return s.codePointCount(0, s.length());
    }

    private static String clip(String s, int w) {
        if (len(s) <= w) return s;
        return s.substring(0, s.offsetByCodePoints(0, w - 1)) + "…";
    }
}
