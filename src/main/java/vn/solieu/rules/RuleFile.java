package vn.solieu.rules;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Reads one YAML file of the rules folder as plain maps and lists. */
public final class RuleFile {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private RuleFile() {}

    @SuppressWarnings("unchecked")
    public static Map<String, Object> read(Path dir, String name) {
        Path file = dir.resolve(name);
        if (!Files.exists(file)) return Map.of();
        try (InputStream in = Files.newInputStream(file)) {
            Object o = YAML.readValue(in, Object.class);
            return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException(dir.resolve(name) + ": " + e.getMessage(), e));
        }
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> list(Map<String, Object> yaml, String key) {
        Object o = yaml.get(key);
        return o instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }

    @SuppressWarnings("unchecked")
    public static List<String> strings(Map<String, Object> yaml, String key) {
        Object o = yaml.get(key);
        return o instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
    }

    /** A whole number setting, or {@code otherwise} when the file does not set it. */
    public static int integer(Map<String, Object> yaml, String key, int otherwise) {
        return yaml.get(key) instanceof Number n ? n.intValue() : otherwise;
    }
}
