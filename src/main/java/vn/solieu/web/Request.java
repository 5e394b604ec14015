package vn.solieu.web;

import com.sun.net.httpserver.HttpExchange;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.ArrayList;
import java.util.Map;

/** What a handler needs of a request: its path segments and its query parameters, decoded as UTF-8. */
final class Request {
    private final List<String> segments;
    private final Map<String, List<String>> params;

    Request(List<String> segments, Map<String, List<String>> params) {
        this.segments = List.copyOf(segments);
        this.params = params;
    }

    static Request of(HttpExchange exchange) {
        // Segments are decoded one by one, so an encoded "%2F" stays inside its segment (and matches no route).
        List<String> segs = new ArrayList<>();
        for (String seg : exchange.getRequestURI().getRawPath().split("/")) if (!seg.isEmpty()) segs.add(decode(seg));
        return new Request(segs, parse(exchange.getRequestURI().getRawQuery()));
    }

    static Map<String, List<String>> parse(String rawQuery) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) return m;
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String k = decode(eq < 0 ? pair : pair.substring(0, eq));
            String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
            m.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return m;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest("malformed percent-encoding in the address: " + s);
        }
    }

    String path() {
        return "/" + String.join("/", segments);
    }

    List<String> segments() {
        return segments;
    }

    /** The last value given for {@code name}, stripped; null when absent or blank. */
    String param(String name) {
        List<String> v = params.get(name);
        if (v == null || v.isEmpty()) return null;
        String s = v.get(v.size() - 1).strip();
        return s.isEmpty() ? null : s;
    }

    Map<String, List<String>> params() {
        return params;
    }

    int intParam(String name, int dflt, int min, int max) {
        String s = param(name);
        if (s == null) return dflt;
        int n;
        try {
            n = Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw HttpError.badRequest("parameter '" + name + "' must be a whole number, got \"" + s + "\"");
        }
        if (n < min || n > max) throw HttpError.badRequest("parameter '" + name + "' must be between " + min + " and " + max + ", got " + n);
        return n;
    }

    Double doubleParam(String name) {
        String s = param(name);
        if (s == null) return null;
        try {
            double d = Double.parseDouble(s.replace(',', '.'));
            if (Double.isNaN(d) || Double.isInfinite(d)) throw new NumberFormatException();
            return d;
        } catch (NumberFormatException e) {
            throw HttpError.badRequest("parameter '" + name + "' must be a number, got \"" + s + "\"");
        }
    }

    boolean flag(String name) {
        List<String> v = params.get(name);
        if (v == null) return false;
        String s = v.get(v.size() - 1).strip().toLowerCase(java.util.Locale.ROOT);
        return s.isEmpty() || s.equals("1") || s.equals("true") || s.equals("on") || s.equals("yes");
    }

    /** Refuses parameters the endpoint does not know: a typo ("provnce") should not silently match everything. */
    void allowOnly(Collection<String> known) {
        for (String k : params.keySet()) {
            if (!known.contains(k)) throw HttpError.badRequest("unknown parameter '" + k + "'; this endpoint takes " + String.join(", ", known));
        }
    }
}
