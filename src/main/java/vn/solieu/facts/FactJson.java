package vn.solieu.facts;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** JSON Lines form of facts: UTF-8, letters unescaped, one object per line. */
public final class FactJson {
    private FactJson() {}

    public static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.ESCAPE_NON_ASCII);

    public static String toJson(Fact f) {
        try {
            return MAPPER.writeValueAsString(f.toMap());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Fact fromJson(String line) {
        try {
            return Fact.fromMap(MAPPER.readValue(line, new TypeReference<Map<String, Object>>() {}));
        } catch (IOException e) {
            throw new UncheckedIOException("not a fact record: " + line, e);
        }
    }
}
