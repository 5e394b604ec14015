package vn.solieu.ingest;

/**
 * A file that cannot be read. The message is the reason as a person should read it
 * ("encrypted PDF, no password given"), never a class name: the caller prints
 * "FILE: message" and goes on with the other inputs.
 */
public class IngestException extends Exception {
    public IngestException(String reason) {
        super(reason);
    }

    public IngestException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
