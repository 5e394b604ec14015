package vn.solieu.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import vn.solieu.reference.Words.Word;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The canonical indicators of {@code indicators.yaml} and the matcher that gives a fact's label
 * its {@code indicatorId}. Matching is on whole folded words (diacritics, tone placement, case and
 * punctuation ignored; bare numbers dropped); the alias with the most words wins, so a more
 * specific phrase beats a general one it contains. Immutable after loading; thread-safe.
 */
public final class Indicators {
    public static final String FILE = "indicators.yaml";

    private record Alias(Indicator indicator, List<String> words) {}

    private final List<Indicator> all;
    private final Map<String, Indicator> byId = new LinkedHashMap<>();
    /** Aliases by their first word, so a label is scanned once per word rather than once per alias. */
    private final Map<String, List<Alias>> byFirstWord = new HashMap<>();
    private final Map<String, List<List<String>>> excludes = new HashMap<>();

    private Indicators(List<Indicator> all) {
        this.all = List.copyOf(all);
        for (Indicator ind : all) {
            if (byId.put(ind.id(), ind) != null) throw new IllegalArgumentException(FILE + ": duplicate id " + ind.id());
            for (String a : ind.aliases()) {
                List<String> w = words(a);
                if (w.isEmpty()) throw new IllegalArgumentException(FILE + ": empty alias in " + ind.id());
                byFirstWord.computeIfAbsent(w.get(0), k -> new ArrayList<>()).add(new Alias(ind, w));
            }
            List<List<String>> ex = new ArrayList<>();
            for (String e : ind.exclude()) ex.add(words(e));
            excludes.put(ind.id(), ex);
        }
    }

    /** Reads {@code indicators.yaml} from a rules folder. */
    public static Indicators load(Path rulesDir) {
        Path file = rulesDir.resolve(FILE);
        try (InputStream in = Files.newInputStream(file)) {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
            List<Indicator> list = new ArrayList<>();
            for (JsonNode n : root.path("indicators")) {
                String id = n.path("id").asText(null);
                if (id == null) throw new IllegalArgumentException(file + ": an indicator has no id");
                list.add(new Indicator(id, n.path("name").asText(id), n.path("source").asText(null),
                        n.path("cumulative").asBoolean(false), strings(n.path("aliases")), strings(n.path("exclude"))));
            }
            if (list.isEmpty()) throw new IllegalArgumentException(file + ": no indicators");
            return new Indicators(list);
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException(file + ": cannot read (" + e.getMessage() + ")", e));
        }
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.forEach(v -> out.add(v.asText()));
        return List.copyOf(out);
    }

    public List<Indicator> all() {
        return all;
    }

    public Optional<Indicator> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The indicator a label names, or empty. */
    public Optional<Indicator> match(String label) {
        return match(label, List.of());
    }

    /**
     * The indicator a fact's label names; when the label names none, the section headings are
     * tried from the innermost outwards ("Cấp mới" under "Lĩnh vực cấp hộ chiếu").
     */
    public Optional<Indicator> match(String label, List<String> sectionPath) {
        Indicator found = label == null ? null : best(words(label));
        if (found == null && sectionPath != null) {
            for (int i = sectionPath.size() - 1; i >= 0 && found == null; i--) {
                found = best(words(sectionPath.get(i)));
            }
        }
        return Optional.ofNullable(found);
    }

    private Indicator best(List<String> text) {
        Indicator best = null;
        int bestLength = 0;
        for (int i = 0; i < text.size(); i++) {
            List<Alias> candidates = byFirstWord.get(text.get(i));
            if (candidates == null) continue;
            for (Alias a : candidates) {
                if (a.words().size() > bestLength && startsAt(text, i, a.words()) && !excluded(a.indicator(), text)) {
                    best = a.indicator();
                    bestLength = a.words().size();
                }
            }
        }
        return best;
    }

    private boolean excluded(Indicator ind, List<String> text) {
        for (List<String> ex : excludes.get(ind.id())) {
            for (int i = 0; i + ex.size() <= text.size(); i++) if (startsAt(text, i, ex)) return true;
        }
        return false;
    }

    private static boolean startsAt(List<String> text, int i, List<String> phrase) {
        if (i + phrase.size() > text.size()) return false;
        for (int k = 0; k < phrase.size(); k++) if (!text.get(i + k).equals(phrase.get(k))) return false;
        return true;
    }

    /** Folded words without bare numbers: figures inside a label are not part of what it names. */
    static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        for (Word w : Words.folded(s)) if (!Words.isNumber(w.text())) out.add(w.text());
        return out;
    }
}
