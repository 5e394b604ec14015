package vn.solieu.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.solieu.web.WebServer;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Starts a local web application on the index: search, indicators across provinces and periods, audit findings and reports, "
                + "in Vietnamese, in the browser; and a JSON API under /api/ (see the README).",
                "Read-only. Listens on 127.0.0.1 only unless --host says otherwise. Reports imported while it runs show after a restart."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:stopped (Ctrl+C)", "1:no index, or the port cannot be opened", "2:bad usage"})
public final class ServeCommand implements Callable<Integer> {
    @Option(names = "--index", paramLabel = "DIR", defaultValue = ImportCommand.DEFAULT_INDEX, description = "Index folder (default: ${DEFAULT-VALUE} in the current folder)")
    Path index;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080", description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--host", paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this computer only); 0.0.0.0 opens it to the network")
    String host;

    @Option(names = "--rules", paramLabel = "DIR", description = "Rules folder to use instead of the bundled extraction-rules/ (indicator names, audit)")
    Path rules;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) {
            System.err.println("solieu serve: --port must be between 0 and 65535");
            return 2;
        }
        WebServer server;
        try {
            server = WebServer.start(index, rules, host, port);
        } catch (IOException e) {
            System.err.println("solieu serve: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "solieu-serve-stop"));
        try {
            if (!InetAddress.getByName(host).isLoopbackAddress()) {
                System.err.println("solieu serve: listening on " + host + ": anyone who can reach this computer can read the index");
            }
        } catch (IOException e) {
            // already bound, so the name resolved; nothing to warn about
        }
        System.err.println("solieu serve: " + server.uri() + " (index " + index + "); Ctrl+C to stop");
        stopped.await();
        return 0;
    }
}
