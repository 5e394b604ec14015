package vn.solieu.cli;

import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** UTF-8 standard output and error whatever the platform's default: Vietnamese letters must stay letters. */
final class Console {
    private Console() {}

    static PrintWriter out() {
        return new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), false);
    }

    /** Whether what {@code out} writes can no longer be delivered (the reader of a pipe went away); flushes it. */
    static boolean closed(PrintWriter out) {
        // System.out is a PrintStream: it swallows the error, so the writer on top never sees one.
        return out.checkError() || System.out.checkError();
    }

    /** Java 17 writes System.out/err in the platform charset (ASCII on a bare CI shell): make both UTF-8. */
    static void useUtf8() {
        System.setOut(new java.io.PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8));
        System.setErr(new java.io.PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
    }
}
