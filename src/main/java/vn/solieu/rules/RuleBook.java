package vn.solieu.rules;

import java.nio.file.Path;

/** All rules and reference data of one rules folder, loaded once. (Being built.) */
public final class RuleBook {
    private final Path dir;

    private RuleBook(Path dir) {
        this.dir = dir;
    }

    public static RuleBook load(Path dir) {
        return new RuleBook(dir);
    }

    public Path dir() {
        return dir;
    }
}
