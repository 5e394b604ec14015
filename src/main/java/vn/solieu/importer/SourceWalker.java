package vn.solieu.importer;

import vn.solieu.ingest.ReportFiles;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * Walks FILE|DIR arguments lazily: folders recursively, .zip archives entry by entry (nested
 * archives too), hidden files skipped. Nothing is listed ahead: each file is handed on as it is met.
 * A folder or archive that cannot be read is reported as a failure and the walk goes on.
 */
final class SourceWalker {
    /** Larger entries are refused rather than read into memory. */
    static final long MAX_ENTRY_BYTES = 512L * 1024 * 1024;
    private static final int MAX_ZIP_DEPTH = 4;

    interface Visitor {
        /** May block (a full work queue); returning false stops the walk. */
        boolean item(ImportItem item) throws InterruptedException;

        void failure(String file, String reason);
    }

    private SourceWalker() {}

    /** Walks every argument; returns false if the visitor stopped it. */
    static boolean walk(Iterable<Path> inputs, Visitor visitor) throws InterruptedException {
        return walk(inputs, visitor, false);
    }

    /** Counts the files a walk would meet, holding only the counter (for the progress bar's total). */
    static long count(Iterable<Path> inputs) {
        long[] n = {0};
        try {
            walk(inputs, new Visitor() {
                @Override
                public boolean item(ImportItem item) {
                    n[0]++;
                    return true;
                }

                @Override
                public void failure(String file, String reason) {}
            }, true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return n[0];
    }

    private static boolean walk(Iterable<Path> inputs, Visitor visitor, boolean countOnly) throws InterruptedException {
        for (Path input : inputs) {
            if (!new Walk(visitor, countOnly).walk(input)) return false;
        }
        return true;
    }

    private static final class Walk {
        final Visitor visitor;
        /** Counting only: zip entries are counted from the archive's directory, not read. */
        final boolean countOnly;
        boolean stopped;
        InterruptedException interrupted;

        Walk(Visitor visitor, boolean countOnly) {
            this.visitor = visitor;
            this.countOnly = countOnly;
        }

        boolean walk(Path input) throws InterruptedException {
            if (Files.isDirectory(input)) {
                try {
                    Files.walkFileTree(input, new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                            return !dir.equals(input) && hidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            if (!attrs.isRegularFile() || !ReportFiles.isCandidate(file)) return FileVisitResult.CONTINUE;
                            try {
                                file(file);
                            } catch (InterruptedException e) {
                                interrupted = e;
                            }
                            return stopped || interrupted != null ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            visitor.failure(file.toString(), "cannot be read (" + reason(e) + ")");
                            return FileVisitResult.CONTINUE;
                        }
                    });
                } catch (IOException e) {
                    visitor.failure(input.toString(), "cannot list the folder (" + reason(e) + ")");
                }
                if (interrupted != null) throw interrupted;
            } else if (Files.exists(input)) {
                file(input);
            } else {
                visitor.failure(input.toString(), "no such file or folder");
            }
            return !stopped;
        }

        void file(Path file) throws InterruptedException {
            if (isZip(file.getFileName().toString())) {
                archive(file);
            } else if (!visitor.item(ImportItem.file(file))) {
                stopped = true;
            }
        }

        void archive(Path zip) throws InterruptedException {
            try {
                archive(zip, new ZipFile(zip.toFile()));
            } catch (ZipException e) {
                visitor.failure(zip.toString(), "not a readable zip archive (" + reason(e) + ")");
            } catch (IllegalArgumentException e) {
                // Entry names not in UTF-8 (old Windows archives): read them as the DOS code page.
                try {
                    archive(zip, new ZipFile(zip.toFile(), Charset.forName("IBM437")));
                } catch (IOException again) {
                    visitor.failure(zip.toString(), "not a readable zip archive (" + reason(again) + ")");
                }
            } catch (IOException e) {
                visitor.failure(zip.toString(), "cannot be read (" + reason(e) + ")");
            }
        }

        private void archive(Path zip, ZipFile zf) throws IOException, InterruptedException {
            try (zf) {
                Enumeration<? extends ZipEntry> entries = zf.entries();
                while (entries.hasMoreElements() && !stopped) {
                    ZipEntry e = entries.nextElement();
                    if (e.isDirectory() || hiddenEntry(e.getName())) continue;
                    String shown = zip + "!/" + e.getName();
                    if (countOnly && !isZip(e.getName())) {
                        stopped = !visitor.item(ImportItem.entry(shown, null, null));
                        continue;
                    }
                    try (InputStream in = zf.getInputStream(e)) {
                        entry(shown, e.getName(), e.getSize(), in, 1);
                    } catch (IOException ex) {
                        visitor.failure(shown, "cannot be read from the archive (" + reason(ex) + ")");
                    }
                }
            }
        }

        /** One entry: a nested archive is read through, anything else handed on with its bytes. */
        private void entry(String shown, String name, long size, InputStream in, int depth) throws IOException, InterruptedException {
            if (size > MAX_ENTRY_BYTES) {
                visitor.failure(shown, "too large to import (" + size / (1024 * 1024) + " MiB in the archive)");
                return;
            }
            byte[] bytes = in.readNBytes((int) MAX_ENTRY_BYTES + 1);
            if (bytes.length > MAX_ENTRY_BYTES) {
                visitor.failure(shown, "too large to import (over " + MAX_ENTRY_BYTES / (1024 * 1024) + " MiB)");
                return;
            }
            if (isZip(name) && depth < MAX_ZIP_DEPTH) {
                nested(shown, bytes, depth + 1);
            } else if (!visitor.item(ImportItem.entry(shown, nameHint(name), bytes))) {
                stopped = true;
            }
        }

        private void nested(String archiveName, byte[] bytes, int depth) throws InterruptedException {
            try (ZipInputStream zin = new ZipInputStream(new ByteArrayInputStream(bytes))) {
                boolean any = false;
                for (ZipEntry e; !stopped && (e = zin.getNextEntry()) != null; ) {
                    any = true;
                    if (e.isDirectory() || hiddenEntry(e.getName())) continue;
                    entry(archiveName + "!/" + e.getName(), e.getName(), e.getSize(), zin, depth);
                }
                if (!any) visitor.failure(archiveName, "not a readable zip archive (no entries)");
            } catch (IOException | IllegalArgumentException e) {
                visitor.failure(archiveName, "not a readable zip archive (" + reason(e) + ")");
            }
        }
    }

    static boolean isZip(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).endsWith(".zip");
    }

    /** Hidden folders (.git, .cache) are not walked; hidden and sidecar files are filtered by {@link ReportFiles#isCandidate}. */
    private static boolean hidden(Path p) {
        Path name = p.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    /** macOS resource forks and dot-files inside archives are not reports. */
    private static boolean hiddenEntry(String name) {
        for (String part : name.split("/")) {
            if (part.startsWith(".") || part.equals("__MACOSX")) return true;
        }
        return false;
    }

    private static Path nameHint(String entryName) {
        String last = entryName.substring(entryName.lastIndexOf('/') + 1).replace('\0', '_');
        return Path.of(last.isEmpty() ? "entry" : last);
    }

    static String reason(Exception e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
