package vn.solieu.structure;

import vn.solieu.ingest.Span;
import vn.solieu.rules.MatchStarts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Regroups physical lines into blocks and tracks the heading path. A new block starts at a
 * heading or list marker ("II.", "2.2.1.", "a)", "-", "+"), after a line that stops well short
 * of the text width (the end of a paragraph), or after a sentence end followed by a capital.
 */
final class Grouping {
    private Grouping() {}

    private record Marker(String text, int level, Block.Kind kind) {}

    private static final MatchStarts ROMAN = MatchStarts.of(Pattern.compile("^((?:X{0,3})(?:IX|IV|V?I{1,3}|V|X))\\.\\s+(?=\\p{Lu})"));
    private static final MatchStarts NUM3 = MatchStarts.of(Pattern.compile("^(\\d{1,2}\\.\\d{1,2}\\.\\d{1,2}\\.?)\\s+(?=\\p{Lu})"));
    private static final MatchStarts NUM2 = MatchStarts.of(Pattern.compile("^(\\d{1,2}\\.\\d{1,2}\\.?)\\s+(?=\\p{Lu})"));
    private static final MatchStarts NUM1 = MatchStarts.of(Pattern.compile("^(\\d{1,2}\\.)\\s+(?=\\p{Lu})"));
    private static final MatchStarts LETTER = MatchStarts.of(Pattern.compile("^([a-zđ]\\))\\s+"));
    private static final MatchStarts DASH = MatchStarts.of(Pattern.compile("^([-–—•*])\\s*(?=[\\p{Lu}(“\"])"));
    private static final MatchStarts PLUS = MatchStarts.of(Pattern.compile("^(\\+)\\s*(?=[\\p{L}(“\"\\d])"));
    // A line ending in a preposition or article runs on into the next one whatever its case.
    private static final Pattern CONTINUES = Pattern.compile("(?:^|\\s)(?:theo|của|và|về|tại|cho|với|các|số|ngày|trong|đến|từ|trên|tỉnh|thành phố)$");
    private static final Pattern FOOTNOTE_NUMBER = Pattern.compile("^(\\d{1,2})(?=\\s)");
    private static final Pattern GLUED_HYPHEN = Pattern.compile("[\\p{Lu}\\d]-$");
    private static final Pattern TRAILING_COLON = Pattern.compile("\\s*:\\s*$");
    private static final Pattern HAS_DIGIT = Pattern.compile(".*\\d.*");

    static Marker marker(String line) {
        Matcher m;
        if ((m = atStart(ROMAN, line)) != null) return new Marker(m.group(1) + ".", 1, Block.Kind.HEADING);
        if ((m = atStart(NUM3, line)) != null) return new Marker(m.group(1), 4, Block.Kind.HEADING);
        if ((m = atStart(NUM2, line)) != null) return new Marker(m.group(1), 3, Block.Kind.HEADING);
        if ((m = atStart(NUM1, line)) != null) return new Marker(m.group(1), 2, Block.Kind.HEADING);
        if ((m = atStart(LETTER, line)) != null) return new Marker(m.group(1), 5, Block.Kind.HEADING);
        if ((m = atStart(DASH, line)) != null) return new Marker(m.group(1), 6, Block.Kind.BULLET);
        if ((m = atStart(PLUS, line)) != null) return new Marker(m.group(1), 7, Block.Kind.BULLET);
        return null;
    }

    /** The match of a "^…" marker pattern at the start of the line, or null; most lines are turned away by their first character. */
    private static Matcher atStart(MatchStarts marker, String line) {
        if (!marker.mayStartAt(line, 0)) return null;
        Matcher m = marker.pattern().matcher(line);
        return m.lookingAt() ? m : null;
    }

    /** Mutable block under construction. */
    private static final class Builder {
        final Marker marker;
        final StringBuilder text = new StringBuilder();
        int[] offsets = new int[128];
        final int footnote;
        /** GLUED_HYPHEN over this block's text, asked at every line. */
        private final Matcher glued = GLUED_HYPHEN.matcher(text);

        Builder(Marker marker, int footnote) {
            this.marker = marker;
            this.footnote = footnote;
        }

        void append(char c, int offset) {
            if (text.length() == offsets.length) offsets = Arrays.copyOf(offsets, offsets.length * 2);
            offsets[text.length()] = offset;
            text.append(c);
        }

        void appendLine(String docText, Outline.Line line, boolean[] marked) {
            String t = line.text();
            int from = 0, to = t.length();
            while (from < to && Character.isWhitespace(t.charAt(from))) from++;
            while (to > from && Character.isWhitespace(t.charAt(to - 1))) to--;
            if (from == to) return;
            if (text.length() > 0 && !endsGlued()) append(' ', line.start() + from - 1);
            for (int i = from; i < to; i++) {
                int at = line.start() + i;
                if (marked != null && marked[at]) continue;
                char c = t.charAt(i);
                // Runs of spaces inside a line fold to one, so quotes read as people write them.
                if (Character.isWhitespace(c)) {
                    if (text.length() > 0 && text.charAt(text.length() - 1) == ' ') continue;
                    c = ' ';
                }
                append(c, at);
            }
        }

        /** A text ending in "UBND-" or "2-" runs on without a space. Only the last characters can match, so only they are read. */
        boolean endsGlued() {
            // Letter or digit, hyphen, and at most a final line break ("\r\n") before the end.
            glued.region(Math.max(0, text.length() - 4), text.length());
            return glued.find();
        }

        Block build(List<String> section) {
            String s = text.toString();
            int end = s.length();
            while (end > 0 && s.charAt(end - 1) == ' ') end--;
            Block.Kind kind = footnote > 0 ? Block.Kind.FOOTNOTE : marker == null ? Block.Kind.PARAGRAPH : marker.kind;
            return new Block(kind, marker == null ? "" : marker.text, marker == null ? 0 : marker.level,
                    s.substring(0, end), Arrays.copyOf(offsets, end), section, footnote);
        }
    }

    /** The document positions inside footnote marks (null when there are none): asked for every character appended. */
    private static boolean[] markedPositions(int length, List<Span> marks) {
        if (marks.isEmpty()) return null;
        int size = length;
        for (Span m : marks) size = Math.max(size, m.end());
        boolean[] marked = new boolean[size + 1];
        for (Span m : marks) Arrays.fill(marked, Math.max(0, m.start()), m.end(), true);
        return marked;
    }

    private record Heading(int level, String title) {}

    static List<Block> group(String docText, List<Outline.Line> lines, List<Span> marks) {
        int typical = typicalLength(lines);
        boolean[] marked = markedPositions(docText.length(), marks);
        List<Block> blocks = new ArrayList<>();
        List<Heading> path = new ArrayList<>();
        Builder current = null;
        Outline.Line previous = null;
        // Body first, in document order; footnotes after, so they never join a body sentence.
        for (Outline.Line line : lines) {
            if (line.footnoteArea()) continue;
            String t = line.trimmed();
            Marker marker = marker(t);
            boolean glued = current != null && current.endsGlued();
            boolean startsNew = current == null || marker != null
                    || previous.trimmed().length() < typical * 0.72
                    || endsSentence(previous.trimmed()) && startsCapital(t)
                    // A page break after a full stop ends the paragraph; after a colon, a line opening
                    // with a figure or in lower case is the rest of the lead ("+ … đăng ký thuế:" / "138/138 hồ sơ").
                    || line.page() != previous.page() && endsSentence(previous.trimmed())
                        && !(previous.trimmed().endsWith(":") && (startsLowerCase(t) || startsDigit(t)))
                    // A heading line without a colon is followed by its wrapped rest (lower case) or by body text.
                    || current.marker != null && current.marker.kind == Block.Kind.HEADING && startsCapitalWord(t)
                        && previous.trimmed().length() < typical * 0.9 && !previous.trimmed().endsWith(",")
                        && !CONTINUES.matcher(previous.trimmed()).find();
            if (glued) startsNew = marker != null && marker.kind == Block.Kind.HEADING;
            // A heading cut short by its line ("… của Bộ Công" / "an (từ 16/04/2025 đến 15/05/2025)")
            // goes on into a line that opens in lower case, however short its first line: body text
            // under a heading opens with a capital or a bullet.
            if (startsNew && marker == null && current != null && current.marker != null && current.marker.kind == Block.Kind.HEADING
                    && startsLowerCase(t) && !endsSentence(previous.trimmed()) && line.page() == previous.page()) startsNew = false;
            if (startsNew) {
                if (current != null) emit(current, blocks, path);
                current = new Builder(marker, 0);
            }
            current.appendLine(docText, line, marked);
            previous = line;
        }
        if (current != null) emit(current, blocks, path);

        current = null;
        int note = 0;
        for (Outline.Line line : lines) {
            if (!line.footnoteArea()) continue;
            if (current == null || line.footnoteNumber() != note) {
                if (current != null) blocks.add(current.build(List.of("Chú thích " + note)));
                note = line.footnoteNumber();
                java.util.regex.Matcher num = FOOTNOTE_NUMBER.matcher(line.trimmed());
                current = new Builder(num.find() ? new Marker(num.group(1), 0, Block.Kind.FOOTNOTE) : null, Math.max(note, 1));
            }
            current.appendLine(docText, line, marked);
        }
        if (current != null) blocks.add(current.build(List.of("Chú thích " + note)));
        return blocks;
    }

    /** Adds the block with the current path, then updates the path if the block is a heading or a group label. */
    private static void emit(Builder b, List<Block> blocks, List<Heading> path) {
        Block block = b.build(List.of());
        int level = block.level() == 0 ? 6 : block.level();
        path.removeIf(h -> h.level >= level);
        List<String> section = path.stream().map(Heading::title).toList();
        blocks.add(new Block(block.kind(), block.marker(), block.level(), block.text(), block.offsets(), section, 0));
        if (block.kind() == Block.Kind.HEADING) {
            path.add(new Heading(level, headingTitle(block.text())));
        } else if (isGroupLabel(block.text())) {
            path.add(new Heading(level, TRAILING_COLON.matcher(stripMarker(block)).replaceAll("")));
        }
    }

    /** "- Lĩnh vực cấp hộ chiếu:" groups the bullets under it: no figure, ends with a colon. */
    private static boolean isGroupLabel(String text) {
        return text.endsWith(":") && text.length() < 160 && !HAS_DIGIT.matcher(text).matches();
    }

    private static String stripMarker(Block b) {
        String t = b.text();
        if (!b.marker().isEmpty() && t.startsWith(b.marker())) t = t.substring(b.marker().length());
        return t.strip();
    }

    /** A heading that runs on into its first sentence ("1. Nhiệm vụ …: Trong tháng, …") is titled by the part before the colon. */
    private static String headingTitle(String text) {
        int colon = text.indexOf(": ");
        if (text.length() > 160 && colon > 0) return text.substring(0, colon).strip();
        return TRAILING_COLON.matcher(text).replaceAll("").strip();
    }

    private static boolean endsSentence(String s) {
        return s.endsWith(".") || s.endsWith(":") || s.endsWith(";") || s.endsWith("./.");
    }

    /** "Thực hiện …" (a capitalised word), not "CCCD, …" (an acronym that may continue a heading). */
    private static boolean startsCapitalWord(String s) {
        return s.length() > 1 && Character.isUpperCase(s.codePointAt(0)) && Character.isLowerCase(s.codePointAt(s.offsetByCodePoints(0, 1)));
    }

    private static boolean startsLowerCase(String s) {
        return !s.isEmpty() && Character.isLowerCase(s.codePointAt(0));
    }

    private static boolean startsDigit(String s) {
        return !s.isEmpty() && Character.isDigit(s.charAt(0));
    }

    private static boolean startsCapital(String s) {
        return !s.isEmpty() && Character.isUpperCase(s.codePointAt(0));
    }

    /** The length of a full line: lines well short of it end a paragraph. */
    private static int typicalLength(List<Outline.Line> lines) {
        int[] lengths = lines.stream().filter(l -> !l.footnoteArea()).mapToInt(l -> l.trimmed().length()).sorted().toArray();
        if (lengths.length == 0) return 0;
        return lengths[(int) Math.floor((lengths.length - 1) * 0.8)];
    }
}
