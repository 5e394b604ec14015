package vn.solieu.ingest;

import java.nio.file.Path;

/** Word, ODT, RTF and HTML through Tika. */
public final class TikaIngestor implements Ingestor {
    @Override
    public boolean accepts(String mediaType) {
        return false;
    }

    @Override
    public SourceDocument read(Path file, String shownName, byte[] bytes, String sha256, String mediaType) throws IngestException {
        throw new IngestException("not built yet");
    }
}
