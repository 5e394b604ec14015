package vn.solieu.importer;

import com.fasterxml.jackson.databind.ObjectMapper;
import vn.solieu.facts.FactJson;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The failures of one run as JSON Lines ({"file": …, "reason": …}), flushed per line so a killed run keeps them. */
final class FailureLog implements Closeable {
    private static final ObjectMapper JSON = FactJson.MAPPER;
    private final BufferedWriter out;

    FailureLog(Path file) throws IOException {
        if (file.getParent() != null) Files.createDirectories(file.getParent());
        out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    synchronized void add(String file, String reason) {
        Map<String, String> line = new LinkedHashMap<>();
        line.put("file", file);
        line.put("reason", reason);
        try {
            out.write(JSON.writeValueAsString(line));
            out.newLine();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
