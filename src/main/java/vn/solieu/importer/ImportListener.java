package vn.solieu.importer;

/** Follows an import as it runs (progress displays). Called from worker threads. */
public interface ImportListener {
    /** The number of files the inputs hold, once counted (counting runs beside the import). */
    default void total(long files) {}

    default void fileDone(FileOutcome outcome) {}

    /** A commit made the work so far durable. */
    default void committed(long filesDone) {}

    ImportListener NONE = new ImportListener() {};
}
