package vn.solieu.index;

import java.io.IOException;
import java.nio.file.Path;

/** Another process (an import still running) holds the index's write lock. */
public final class IndexLockedException extends IOException {
    public IndexLockedException(Path indexDir, Throwable cause) {
        super("another import is writing to " + indexDir + " (its write.lock is held); wait for it to finish or stop it, then run again", cause);
    }
}
