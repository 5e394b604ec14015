package vn.solieu.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --rules DIR}, shared by every command that reads reports. */
public final class RulesOption {
    @Option(names = "--rules", paramLabel = "DIR", description = "Rules folder to use instead of the bundled extraction-rules/")
    Path dir;

    /** The folder named, or null for the bundled rules. */
    public Path dir() {
        return dir;
    }
}
