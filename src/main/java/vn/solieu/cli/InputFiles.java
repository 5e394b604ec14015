package vn.solieu.cli;

import vn.solieu.ingest.ReportFiles;

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


    public static List<Input> expand(List<Path> args, Consumer<String> failure) {
        List<Input> files = new ArrayList<>();
        for (Path arg : args) {
            if (Files.isDirectory(arg)) {
                try (Stream<Path> walk = Files.walk(arg)) {
                    walk.filter(Files::isRegularFile)
                            .filter(ReportFiles::isCandidate)
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
