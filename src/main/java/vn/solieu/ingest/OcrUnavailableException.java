package vn.solieu.ingest;

import java.io.IOException;

/** OCR was needed but cannot run here; the message says why and how to install it. */
public final class OcrUnavailableException extends IOException {
    public OcrUnavailableException(String reason) {
        super(reason);
    }
}
