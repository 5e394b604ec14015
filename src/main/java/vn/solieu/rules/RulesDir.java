package vn.solieu.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the rules live: a folder the user names with {@code --rules DIR}, or the copy of the
 * project's {@code extraction-rules/} bundled in the jar. Both are read as {@link Path}s.
 */
public final class RulesDir {
    private RulesDir() {}

    /** {@code dir} when given, else the bundled rules. */
    public static Path resolve(Path dir) {
        if (dir != null) {
            if (!Files.isDirectory(dir)) throw new IllegalArgumentException("rules folder not found: " + dir);
            return dir;
        }
        return bundled();
    }

    public static synchronized Path bundled() {
        URL url = RulesDir.class.getResource("/extraction-rules/README.md");
        if (url == null) throw new IllegalStateException("the bundled extraction-rules are missing from the build");
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                return fs.getPath("/extraction-rules");
            }
            return Path.of(uri).getParent();
        } catch (URISyntaxException | IOException e) {
            throw new UncheckedIOException(new IOException("cannot open the bundled rules: " + e.getMessage(), e));
        }
    }
}
