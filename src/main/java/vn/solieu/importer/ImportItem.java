package vn.solieu.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One file to import: a file on disk, or an entry of a zip archive ("archive.zip!/inside/a.pdf").
 *
 * @param shownName the name recorded as provenance and used to replace a changed file's facts
 * @param nameHint  a path whose file name hints at the type (the entry's own name for zip entries)
 */
record ImportItem(String shownName, Path nameHint, Path onDisk, byte[] inMemory) {
    static ImportItem file(Path path) {
        return new ImportItem(path.toString(), path, path, null);
    }

    static ImportItem entry(String shownName, Path nameHint, byte[] bytes) {
        return new ImportItem(shownName, nameHint, null, bytes);
    }

    /** The bytes; files are read only when a worker takes them, so memory holds the files in flight only. */
    byte[] bytes() throws IOException {
        return inMemory != null ? inMemory : Files.readAllBytes(onDisk);
    }
}
