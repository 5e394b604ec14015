package vn.solieu.ingest;

/** Small whitespace steps the readers run on every line, written out by hand (no regex). */
final class Whitespace {
    private Whitespace() {}

    /** Runs of two or more spaces (U+0020) as one space: {@code replaceAll(" {2,}", " ")}. */
    static String collapseSpaces(CharSequence s) {
        String text = s.toString();
        if (text.indexOf("  ") < 0) return text;
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' && i > 0 && text.charAt(i - 1) == ' ') continue;
            out.append(c);
        }
        return out.toString();
    }
}
