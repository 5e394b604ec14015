package vn.solieu.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Maps GET paths to handlers; a "*" segment in a pattern matches any one segment and is handed to the handler. */
final class Router {
    interface Handler {
        Response handle(Request request, List<String> args) throws IOException;
    }

    private record Route(List<String> pattern, Handler handler) {}

    private final List<Route> routes = new ArrayList<>();

    Router get(String pattern, Handler handler) {
        List<String> segs = new ArrayList<>();
        for (String s : pattern.split("/")) if (!s.isEmpty()) segs.add(s);
        routes.add(new Route(List.copyOf(segs), handler));
        return this;
    }

    Optional<Response> dispatch(Request request) throws IOException {
        List<String> path = request.segments();
        for (Route r : routes) {
            if (r.pattern.size() != path.size()) continue;
            List<String> args = new ArrayList<>();
            boolean match = true;
            for (int i = 0; i < path.size() && match; i++) {
                String p = r.pattern.get(i);
                if (p.equals("*")) args.add(path.get(i));
                else match = p.equals(path.get(i));
            }
            if (match) return Optional.of(r.handler.handle(request, args));
        }
        return Optional.empty();
    }
}
