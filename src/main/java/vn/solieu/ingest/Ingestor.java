package vn.solieu.ingest;

import java.nio.file.Path;

/** Reads one family of formats into a {@link SourceDocument}. One implementation per format family. */
public interface Ingestor {
    /** True when this ingestor reads files of the detected {@code mediaType}. */
    boolean accepts(String mediaType);

    /**
     * @param file      the file to read
     * @param shownName the name to record as provenance
     * @param bytes     the file's bytes (already read once for hashing and type detection)
     * @param sha256    their hash
     * @param mediaType the detected type
     */
    SourceDocument read(Path file, String shownName, byte[] bytes, String sha256, String mediaType) throws IngestException;
}
