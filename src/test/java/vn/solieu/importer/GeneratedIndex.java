package vn.solieu.importer;

import vn.solieu.Pipeline;
import vn.solieu.facts.Fact;
import vn.solieu.generate.CorpusGenerator;
import vn.solieu.index.FactIndexWriter;
import vn.solieu.reference.Provinces;
import vn.solieu.rules.RulesDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Search tests' set-up: generated text reports imported into an index, and the pipeline's own facts of them as the oracle. */
final class GeneratedIndex {
    private GeneratedIndex() {}

    /**
     * Generates TXT reports under {@code tmp/corpus} with the options (formats, injections set
     * here), imports them into {@code index} and returns the facts the pipeline extracts from them,
     * file by file in name order. Fails the test when a file fails or the index holds other counts.
     */
    static List<Fact> build(CorpusGenerator.Options options, Path tmp, Path index) throws Exception {
        Path corpus = tmp.resolve("corpus");
        new CorpusGenerator(options.withFormats(1, 0, 0).withInjectRate(0), Provinces.load(RulesDir.resolve(null))).run(corpus, n -> {});
        Pipeline pipeline = Pipeline.load(null);
        ImportSummary summary;
        try (FactIndexWriter w = FactIndexWriter.open(index)) {
            summary = new Importer(pipeline, w, ImportOptions.defaults(index), null).run(List.of(corpus));
        }
        List<Fact> extracted = new ArrayList<>();
        try (Stream<Path> files = Files.walk(corpus)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                extracted.addAll(pipeline.extract(f, f.toString()).facts());
            }
        }
        assertEquals(0, summary.failed());
        assertEquals(extracted.size(), summary.facts());
        return extracted;
    }
}
