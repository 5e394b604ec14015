package vn.solieu.corpus;

import java.io.IOException;

/** A seed text (or its marks file) that cannot be turned into a report; the message says where and why. */
public final class SeedFormatException extends IOException {
    public SeedFormatException(String message) {
        super(message);
    }
}
