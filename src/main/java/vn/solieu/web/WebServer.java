package vn.solieu.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The local web application over one index: HTML pages for people, JSON under {@code /api/} for
 * programs. Read-only (GET and HEAD only); binds to loopback unless told otherwise; every answer
 * carries a Content-Security-Policy that allows only the app's own script and style files.
 *
 * <pre>
 *   try (WebServer s = WebServer.start(Path.of("solieu-index"), null, "127.0.0.1", 0)) {
 *       System.out.println(s.uri());
 *   }
 * </pre>
 */
public final class WebServer implements Closeable {
    /** Pages and JSON: scripts and styles only from this app, no plugins, no framing, forms only to itself. */
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "[::1]");

    private final HttpServer server;
    private final ExecutorService workers;
    private final Library library;
    private final boolean loopback;
    private final Router router;

    private WebServer(HttpServer server, ExecutorService workers, Library library, boolean loopback) {
        this.server = server;
        this.workers = workers;
        this.library = library;
        this.loopback = loopback;
        this.router = Routes.of(library);
    }

    /**
     * Opens the index at {@code indexDir} and serves it on {@code host:port} ({@code port} 0: any
     * free port). {@code rulesDir} null: the bundled rules (for indicator names and the audit).
     */
    public static WebServer start(Path indexDir, Path rulesDir, String host, int port) throws IOException {
        Library library = Library.open(indexDir, rulesDir);
        try {
            InetAddress address = InetAddress.getByName(host);
            HttpServer server = HttpServer.create(new InetSocketAddress(address, port), 64);
            AtomicInteger n = new AtomicInteger();
            ExecutorService workers = Executors.newFixedThreadPool(Math.max(4, Runtime.getRuntime().availableProcessors()), r -> {
                Thread t = new Thread(r, "solieu-web-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            server.setExecutor(workers);
            WebServer web = new WebServer(server, workers, library, address.isLoopbackAddress());
            server.createContext("/", web::handle);
            server.start();
            return web;
        } catch (IOException | RuntimeException e) {
            library.close();
            throw e;
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The address to open in a browser. */
    public URI uri() {
        InetAddress a = server.getAddress().getAddress();
        String host = a.isAnyLocalAddress() ? "127.0.0.1" : a.getHostAddress();
        if (host.contains(":")) host = "[" + host + "]";
        return URI.create("http://" + host + ":" + port() + "/");
    }

    private void handle(HttpExchange exchange) {
        try (exchange) {
            Response response;
            boolean api = exchange.getRequestURI().getRawPath().startsWith("/api/");
            String method = exchange.getRequestMethod();
            try {
                if (!method.equals("GET") && !method.equals("HEAD")) {
                    response = error(api, new HttpError(405, "this application is read-only: " + method + " is not allowed (use GET)"))
                            .header("Allow", "GET, HEAD");
                } else if (loopback && !loopbackHost(exchange.getRequestHeaders().getFirst("Host"))) {
                    // A page elsewhere cannot point a browser's DNS name at this local server and read it.
                    response = error(api, new HttpError(421, "this server answers only to localhost addresses"));
                } else {
                    Request request = Request.of(exchange);
                    response = router.dispatch(request)
                            .orElseThrow(() -> HttpError.notFound("no such page: " + request.path()));
                }
            } catch (HttpError e) {
                response = error(api, e);
            } catch (IllegalArgumentException e) {
                response = error(api, HttpError.badRequest(e.getMessage()));
            } catch (IOException | RuntimeException e) {
                System.err.println("solieu serve: " + exchange.getRequestURI() + ": " + e);
                response = error(api, new HttpError(500, "internal error: " + e.getMessage()));
            }
            send(exchange, response, method.equals("HEAD"));
        } catch (IOException e) {
            // The browser went away mid-answer: nothing to tell it.
        }
    }

    private Response error(boolean api, HttpError e) {
        if (api) return Response.json(e.status, Json.obj("error", e.getMessage(), "status", e.status));
        return Response.html(e.status, Pages.error(e.status, e.getMessage()));
    }

    private static boolean loopbackHost(String hostHeader) {
        if (hostHeader == null) return false;
        String h = hostHeader.strip().toLowerCase(Locale.ROOT);
        int colon = h.lastIndexOf(':');
        if (colon > h.lastIndexOf(']')) h = h.substring(0, colon);
        return LOOPBACK_NAMES.contains(h);
    }

    private static void send(HttpExchange exchange, Response r, boolean head) throws IOException {
        var h = exchange.getResponseHeaders();
        h.set("Content-Type", r.contentType());
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Referrer-Policy", "no-referrer");
        h.set("Cache-Control", "no-cache");
        if (!r.headers().containsKey("Content-Security-Policy")) h.set("Content-Security-Policy", CSP);
        for (Map.Entry<String, String> e : r.headers().entrySet()) h.set(e.getKey(), e.getValue());
        if (head) {
            h.set("Content-Length", Integer.toString(r.body().length));
            exchange.sendResponseHeaders(r.status(), -1);
            return;
        }
        exchange.sendResponseHeaders(r.status(), r.body().length == 0 ? -1 : r.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(r.body());
        }
    }

    /** Stops answering, waits briefly for answers in flight, and closes the index. */
    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
        library.close();
    }
}
