package vn.solieu.ingest;

import java.nio.file.Path;

/** PDF through PDFBox: pages kept, running headers and footers dropped, superscript marks recognised. */
public final class PdfIngestor implements Ingestor {
    @Override
    public boolean accepts(String mediaType) {
        return mediaType.equals("application/pdf");
    }

    @Override
    public SourceDocument read(Path file, String shownName, byte[] bytes, String sha256, String mediaType) throws IngestException {
        throw new IngestException("PDF reading is not built yet");
    }
}
