package vn.solieu.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** Expands FILE|DIR arguments into files, folders recursively and in a stable (sorted) order. */
public final class InputFiles {
    private InputFiles() {}

    public record Input(Path path, String shownName) {}

    /**
     * In a folder, files that are never reports are passed over: hidden files, READMEs and the
     * project's own sidecars (expected records, marks, notes). A file named on the command line
     * is always read.
     */
    public static boolean isReportCandidate(Path p) {
        String name = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.startsWith(".") || name.startsWith("readme")) return false;
        return !(name.endsWith(".md") || name.endsWith(".yaml") || name.endsWith(".yml")
                || name.endsWith(".json") || name.endsWith(".jsonl"));
    }

    public static List<Input> expand(List<Path> args, Consumer<String> failure) {
        List<Input> files = new ArrayList<>();
        for (Path arg : args) {
            if (Files.isDirectory(arg)) {
                try (Stream<Path> walk = Files.walk(arg)) {
                    walk.filter(Files::isRegularFile)
                            .filter(InputFiles::isReportCandidate)
                            .sorted()
                            .forEach(p -> files.add(new Input(p, p.toString())));
                } catch (IOException e) {
                    failure.accept(arg + ": cannot list the folder (" + e.getMessage() + ")");
                }
            } else if (Files.exists(arg)) {
                files.add(new Input(arg, arg.toString()));
            } else {
                failure.accept(arg + ": no such file or folder");
            }
        }
        return files;
    }
}
