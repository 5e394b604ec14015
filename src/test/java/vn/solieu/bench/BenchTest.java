package vn.solieu.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The measuring helpers of the benchmark (the benchmark itself is not a unit test: `solieu bench --quick` smoke-runs it). */
class BenchTest {
    @Test
    void heapPeakIsTheLargestOccupancyBeforeACollection(@TempDir Path tmp) throws IOException {
        Path log = tmp.resolve("gc.log");
        Files.writeString(log, String.join("\n",
                "[0.011s][info][gc] Using G1",
                "[1.204s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 25M->6M(256M) 5.101ms",
                "[9.880s][info][gc] GC(7) Pause Young (Normal) (G1 Evacuation Pause) 301M->122M(512M) 12.3ms",
                "[12.01s][info][gc] GC(8) Pause Young (Concurrent Start) (G1 Humongous Allocation) 140M->130M(512M) 3.0ms"));
        assertEquals(301, Bench.gcHeapPeak(log));
        assertTrue(Double.isNaN(Bench.gcHeapPeak(tmp.resolve("missing.log"))));
    }

    @Test
    void medianAndPercentiles() {
        assertEquals(2.0, Bench.median(List.of(3.0, 1.0, 2.0)));
        assertEquals(2.5, Bench.median(List.of(4.0, 1.0, 2.0, 3.0)));
        List<Double> sorted = new java.util.ArrayList<>();
        for (int i = 1; i <= 100; i++) sorted.add((double) i);
        assertEquals(50.0, Bench.percentile(sorted, 50));
        assertEquals(99.0, Bench.percentile(sorted, 99));
    }
}
