package vn.solieu.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Source → text with pages. Detects the type from the bytes (not the name alone), hands the
 * file to the one {@link Ingestor} that reads that type, and turns every failure into an
 * {@link IngestException} whose message names the reason.
 */
public final class Ingest {
    private final FileTypeDetector types = new FileTypeDetector();
    private final List<Ingestor> ingestors;

    /**
     * Text, PDF (pages without a text layer read by Tesseract when it is installed), Word and
     * the like, and scanned images (Tesseract).
     */
    public Ingest() {
        this(List.of(new TextIngestor(), PdfIngestor.withDefaultOcr(), new TikaIngestor(), new ImageIngestor()));
    }

    public Ingest(List<Ingestor> ingestors) {
        this.ingestors = List.copyOf(ingestors);
    }

    public SourceDocument read(Path file) throws IngestException {
        return read(file, file.toString());
    }

    public SourceDocument read(Path file, String shownName) throws IngestException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IngestException("no such file");
        } catch (IOException e) {
            throw new IngestException("cannot read the file: " + e.getMessage(), e);
        }
        return read(file, shownName, bytes);
    }

    public SourceDocument read(Path file, String shownName, byte[] bytes) throws IngestException {
        if (bytes.length == 0) throw new IngestException("empty file");
        String mediaType = detect(file, bytes);
        for (Ingestor ingestor : ingestors) {
            if (ingestor.accepts(mediaType)) {
                try {
                    return ingestor.read(file, shownName, bytes, sha256(bytes), mediaType);
                } catch (IngestException e) {
                    throw e;
                } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
                    // A parser bug on one file must not end a bulk run: report it as this file's failure.
                    throw new IngestException("could not be read as " + mediaType + " (" + e + ")", e);
                }
            }
        }
        throw new IngestException("unsupported file type " + mediaType);
    }

    /**
     * The media type from the bytes, the name only as a tie-breaker (Tika's order, with
     * {@link FileTypeDetector}'s shortcuts). Tika has no rule for BOM-less UTF-16 or for
     * Windows-1258 text without a telling name and calls them octet streams; {@link TextCharset}
     * recognises both.
     */
    String detect(Path file, byte[] bytes) {
        String mediaType = types.detect(bytes, file.getFileName() == null ? null : file.getFileName().toString());
        if (mediaType.equals("application/octet-stream")
                && (TextCharset.utf16ByNulPattern(bytes) != null || TextCharset.looksVietnameseIn1258(bytes))) {
            return "text/plain";
        }
        return mediaType;
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
