package vn.solieu.web;

import vn.solieu.ingest.Ingest;
import vn.solieu.index.StoredReport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * The bytes of imported files, found only through the index: a report is looked up by the hash
 * of its bytes, never by a path from the request; the name recorded at import is then resolved
 * (relative names against the given folders) and the bytes are served only if they still have
 * that hash. So no link can reach a file that was not imported, or one changed since.
 * Entries of zip archives ("a.zip!/b.pdf") are read from their archive.
 */
final class SourceFiles {
    /** Larger files are not served (the importer refuses larger archive entries too). */
    static final long MAX_BYTES = 256L * 1024 * 1024;

    private final List<Path> bases;

    SourceFiles(List<Path> bases) {
        this.bases = List.copyOf(bases);
    }

    /** The file's bytes if it can be found and still has the hash the index recorded. */
    Optional<byte[]> read(StoredReport report) {
        String[] parts = report.file().split("!/");
        for (Path candidate : candidates(parts[0])) {
            try {
                byte[] bytes = parts.length == 1 ? readFile(candidate) : readEntry(candidate, parts);
                if (bytes != null && Ingest.sha256(bytes).equals(report.sha256())) return Optional.of(bytes);
            } catch (IOException | RuntimeException e) {
                // Moved, unreadable or no longer an archive: try the next place, then give up.
            }
        }
        return Optional.empty();
    }

    private List<Path> candidates(String name) {
        Path p = Path.of(name);
        if (p.isAbsolute()) return List.of(p);
        return bases.stream().map(b -> b.resolve(p).normalize()).distinct().toList();
    }

    private static byte[] readFile(Path p) throws IOException {
        if (!Files.isRegularFile(p) || Files.size(p) > MAX_BYTES) return null;
        return Files.readAllBytes(p);
    }

    /** parts[0] is the archive on disk, each later part an entry of the archive before it. */
    private static byte[] readEntry(Path archive, String[] parts) throws IOException {
        if (!Files.isRegularFile(archive)) return null;
        byte[] bytes;
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            ZipEntry e = zip.getEntry(parts[1]);
            if (e == null || e.isDirectory()) return null;
            try (InputStream in = zip.getInputStream(e)) {
                bytes = capped(in);
            }
        }
        for (int i = 2; i < parts.length && bytes != null; i++) bytes = nestedEntry(bytes, parts[i]);
        return bytes;
    }

    private static byte[] nestedEntry(byte[] archive, String name) throws IOException {
        try (ZipInputStream zin = new ZipInputStream(new ByteArrayInputStream(archive))) {
            for (ZipEntry e; (e = zin.getNextEntry()) != null; ) {
                if (!e.isDirectory() && e.getName().equals(name)) return capped(zin);
            }
        }
        return null;
    }

    private static byte[] capped(InputStream in) throws IOException {
        byte[] b = in.readNBytes((int) MAX_BYTES + 1);
        return b.length > MAX_BYTES ? null : b;
    }
}
