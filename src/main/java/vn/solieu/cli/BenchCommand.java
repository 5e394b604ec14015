package vn.solieu.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.solieu.bench.Bench;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Runs the benchmarks and writes them as Markdown (bench/README.md says what each measures):",
                "extraction and audit accuracy on a generated corpus; import throughput against plain Tika text extraction;",
                "search latency over >= 1 000 000 facts; index bytes per fact; peak memory of a ~10 000-file import under -Xmx512m.",
                "Generated corpora and indexes are kept in --work and reused. The full run takes a long time; --quick takes seconds."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:the results were written", "1:a benchmark failed (the reason on stderr)"})
public final class BenchCommand implements Callable<Integer> {
    @Option(names = "--out", paramLabel = "FILE", defaultValue = "bench/RESULTS.md", description = "Results file (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--work", paramLabel = "DIR", defaultValue = "bench/work", description = "Folder for generated corpora and indexes (default: ${DEFAULT-VALUE})")
    Path work;

    @Option(names = "--quick", description = "Tiny sizes: a smoke run of every benchmark in seconds (figures not meaningful)")
    boolean quick;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "6", description = "Seed of the generated corpora (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "2", description = "Threads for import, Tika and generation (default: ${DEFAULT-VALUE})")
    int threads;

    @Override
    public Integer call() throws Exception {
        String text = new Bench(new Bench.Options(out, work, quick, seed, threads, System.err::println)).run();
        System.err.println("solieu bench: wrote " + out);
        if (quick) Console.out().print(text);
        Console.out().flush();
        return 0;
    }
}
