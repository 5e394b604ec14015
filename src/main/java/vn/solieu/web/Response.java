package vn.solieu.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A complete answer: status, type, headers and body bytes. */
record Response(int status, String contentType, byte[] body, Map<String, String> headers) {
    static final String HTML = "text/html; charset=utf-8";
    static final String JSON = "application/json; charset=utf-8";

    static Response html(int status, String page) {
        return new Response(status, HTML, page.getBytes(StandardCharsets.UTF_8), new LinkedHashMap<>());
    }

    static Response json(int status, Object value) {
        return new Response(status, JSON, Json.bytes(value), new LinkedHashMap<>());
    }

    static Response bytes(String contentType, byte[] body) {
        return new Response(200, contentType, body, new LinkedHashMap<>());
    }

    static Response redirect(String location) {
        Response r = new Response(303, "text/plain; charset=utf-8", new byte[0], new LinkedHashMap<>());
        r.headers.put("Location", location);
        return r;
    }

    Response header(String name, String value) {
        headers.put(name, value);
        return this;
    }
}
