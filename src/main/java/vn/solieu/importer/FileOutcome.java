package vn.solieu.importer;

/** What became of one file in an import. {@code reason} is set for failures and skipped copies. */
public record FileOutcome(String file, Status status, int facts, String reason) {
    public enum Status {
        /** New file, indexed. */
        IMPORTED,
        /** Known name with other bytes: its old facts were replaced. */
        REPLACED,
        /** The same bytes under the same name are indexed already. */
        UNCHANGED,
        /** The same bytes are indexed under another name. */
        DUPLICATE,
        FAILED
    }
}
