package vn.solieu.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** App-relative links with their query parameters encoded; built immutably so a page can derive many from one. */
final class Url {
    private final String path;
    private final Map<String, String> params;

    private Url(String path, Map<String, String> params) {
        this.path = path;
        this.params = params;
    }

    static Url of(String path) {
        return new Url(path, new LinkedHashMap<>());
    }

    /** The same path with the given parameters (first value of each) of a request. */
    static Url of(String path, Request r, List<String> keep) {
        Url u = of(path);
        for (String k : keep) if (r.param(k) != null) u.params.put(k, r.param(k));
        return u;
    }

    /** A copy with {@code name} set to {@code value}, or removed when value is null. */
    Url with(String name, Object value) {
        Map<String, String> m = new LinkedHashMap<>(params);
        if (value == null) m.remove(name);
        else m.put(name, value.toString());
        return new Url(path, m);
    }

    String param(String name) {
        return params.get(name);
    }

    static String segment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(path);
        char sep = '?';
        for (Map.Entry<String, String> e : params.entrySet()) {
            b.append(sep).append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8))
                    .append('=').append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
            sep = '&';
        }
        return b.toString();
    }
}
