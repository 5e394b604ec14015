package vn.solieu.generate;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The generator's phrasings and services, read from {@code generate/phrasings.yaml} on the class
 * path: what a report lists and the several ways each figure is written. Immutable.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Phrasings(List<Field> fields, Map<String, List<String>> shapes, Map<String, List<String>> programme,
                        List<CleaningItem> lamSachLabels, Map<String, List<String>> noise) {

    public static final String RESOURCE = "generate/phrasings.yaml";

    /** A group of services under one "Lĩnh vực …" line. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Field(String heading, int part, List<Service> services) {}

    /** An essential service: cases a month per 100 000 inhabitants, the share resolved (null: always all), its labels. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Service(String id, double perMonth, Double rate, List<String> labels) {
        public boolean alwaysComplete() {
            return rate == null;
        }
    }

    /** A data-cleaning figure: records per inhabitant and the share cleaned. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CleaningItem(String id, String label, double rate, double perCapita) {}

    public List<String> shape(String name) {
        List<String> list = shapes.get(name);
        if (list == null || list.isEmpty()) throw new IllegalStateException(RESOURCE + ": no shape " + name);
        return list;
    }

    public List<String> programme(String name) {
        List<String> list = programme.get(name);
        if (list == null || list.isEmpty()) throw new IllegalStateException(RESOURCE + ": no programme phrasing " + name);
        return list;
    }

    public List<String> noise(String name) {
        List<String> list = noise.get(name);
        if (list == null || list.isEmpty()) throw new IllegalStateException(RESOURCE + ": no noise " + name);
        return list;
    }

    public static Phrasings load() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try (InputStream in = Phrasings.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
            return yaml.readValue(in, Phrasings.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }
}
