package vn.solieu.web;

import java.util.List;

/**
 * A tiny HTML writer that escapes every value it is given. Markup comes only from the tag and
 * attribute names written in this package's code; text and attribute values always go through
 * {@link #escape}, so a report containing {@code <script>} shows it as text.
 *
 * <pre>
 *   Html h = new Html();
 *   h.open("a", "href", url, "class", "src").text(file).close("a");
 * </pre>
 */
final class Html {
    private final StringBuilder out = new StringBuilder(4096);

    /** Escapes text for both element content and quoted attribute values. */
    static String escape(String s) {
        if (s == null) return "";
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String rep = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                case '\0' -> "\uFFFD";
                default -> null;
            };
            if (rep == null) {
                if (b != null) b.append(c);
                continue;
            }
            if (b == null) b = new StringBuilder(s.length() + 16).append(s, 0, i);
            b.append(rep);
        }
        return b == null ? s : b.toString();
    }

    /** {@code <name attr="value" …>}: attribute names are literals of this package, values are escaped; a null value drops the attribute. */
    Html open(String name, String... attrs) {
        out.append('<').append(name);
        for (int i = 0; i + 1 < attrs.length; i += 2) {
            if (attrs[i + 1] == null) continue;
            out.append(' ').append(attrs[i]).append("=\"").append(escape(attrs[i + 1])).append('"');
        }
        out.append('>');
        return this;
    }

    Html close(String name) {
        out.append("</").append(name).append('>');
        return this;
    }

    /** An element holding only text. */
    Html el(String name, String text, String... attrs) {
        return open(name, attrs).text(text).close(name);
    }

    Html text(String s) {
        out.append(escape(s));
        return this;
    }

    /** Text with the given [start, end) ranges wrapped in {@code <mark>}; overlapping or out-of-range ranges are skipped. */
    Html marked(String s, List<int[]> ranges) {
        if (s == null) return this;
        int at = 0;
        for (int[] r : ranges) {
            if (r[0] < at || r[1] > s.length() || r[1] <= r[0]) continue;
            text(s.substring(at, r[0])).open("mark").text(s.substring(r[0], r[1])).close("mark");
            at = r[1];
        }
        return text(s.substring(at));
    }

    /** Trusted markup written by this package (a literal or another {@link Html}), never user data. */
    Html raw(String markup) {
        out.append(markup);
        return this;
    }

    Html append(Html other) {
        out.append(other.out);
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
