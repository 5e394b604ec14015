package vn.solieu.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.solieu.facts.FactJson;
import vn.solieu.index.FactSearcher;
import vn.solieu.index.IndexStats;
import vn.solieu.index.SearchResult.FacetCount;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Prints what the index holds: reports, facts, provinces, periods.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:printed", "1:no index, or it cannot be read", "2:bad usage"})
public final class StatsCommand implements Callable<Integer> {
    @Option(names = "--index", paramLabel = "DIR", defaultValue = ImportCommand.DEFAULT_INDEX, description = "Index folder (default: ${DEFAULT-VALUE} in the current folder)")
    Path index;

    @Option(names = "--format", defaultValue = "table", description = "table or jsonl (one JSON object) (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    @Override
    public Integer call() throws IOException {
        if (format != OutputFormat.table && format != OutputFormat.jsonl) {
            System.err.println("solieu stats: --format must be table or jsonl");
            return 2;
        }
        IndexStats stats;
        try (FactSearcher searcher = FactSearcher.open(index)) {
            stats = searcher.stats();
        } catch (IOException e) {
            System.err.println("solieu stats: " + e.getMessage());
            return 1;
        }
        PrintWriter out = Console.out();
        if (format == OutputFormat.jsonl) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("index", index.toString());
            m.put("reports", stats.reports());
            m.put("failed", stats.failed());
            m.put("facts", stats.facts());
            m.put("reportsBy", asMaps(stats.reportsBy()));
            m.put("factsBy", asMaps(stats.factsBy()));
            out.println(FactJson.MAPPER.writeValueAsString(m));
        } else {
            List<FacetCount> provinces = stats.reportsBy().get("province"), periods = stats.reportsBy().get("reportPeriod");
            out.println("index:      " + index.toAbsolutePath().normalize());
            out.println("reports:    " + stats.reports() + (stats.failed() > 0 ? " (and " + stats.failed() + " files that failed at their last import)" : ""));
            out.println("facts:      " + stats.facts() + list(stats.factsBy().get("kind")));
            out.println("provinces:  " + provinces.size() + list(provinces));
            out.println("periods:    " + periods.size() + list(periods));
            out.println("facts by province: " + orNone(list(stats.factsBy().get("province"))));
            out.println("facts by period:   " + orNone(list(stats.factsBy().get("reportPeriod"))));
        }
        out.flush();
        return 0;
    }

    private static String orNone(String list) {
        return list.isEmpty() ? "none recorded" : list.strip().substring(1, list.strip().length() - 1);
    }

    /** " (Bắc Kạn: 12 · Bắc Giang: 3)", or "" when there is nothing to list. */
    private static String list(List<FacetCount> counts) {
        if (counts == null || counts.isEmpty()) return "";
        return counts.stream().map(c -> c.value() + ": " + c.count()).collect(Collectors.joining(" · ", " (", ")"));
    }

    private static Map<String, Map<String, Long>> asMaps(Map<String, List<FacetCount>> dims) {
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        dims.forEach((dim, counts) -> {
            Map<String, Long> m = new LinkedHashMap<>();
            counts.forEach(c -> m.put(c.value(), c.count()));
            out.put(dim, m);
        });
        return out;
    }
}
