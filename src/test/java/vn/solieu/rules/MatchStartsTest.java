package vn.solieu.rules;

import org.junit.jupiter.api.Test;
import vn.solieu.text.VietText;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link MatchStarts#find} must find exactly what {@link Matcher#find()} finds, only faster. */
class MatchStartsTest {
    static final RuleBook RULES = RuleBook.load(Path.of("extraction-rules"));

    /** Every match (start, end and named groups) of the plain find loop. */
    static List<String> plain(Pattern p, String text) {
        List<String> out = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) out.add(describe(m));
        return out;
    }

    static List<String> filtered(MatchStarts starts, String text) {
        List<String> out = new ArrayList<>();
        Matcher m = starts.matcher(text);
        int from = 0;
        while (starts.find(m, text, from)) {
            out.add(describe(m));
            from = MatchStarts.next(m);
        }
        return out;
    }

    /** The same loop with the beginnings listed by a group for several expressions at once. */
    static List<String> grouped(MatchStarts starts, int[] beginnings, String text) {
        List<String> out = new ArrayList<>();
        Matcher m = starts.matcher(text);
        int from = 0;
        while (starts.find(m, text, from, beginnings)) {
            out.add(describe(m));
            from = MatchStarts.next(m);
        }
        return out;
    }

    private static String describe(Matcher m) {
        StringBuilder b = new StringBuilder().append(m.start()).append('-').append(m.end());
        for (int g = 1; g <= m.groupCount(); g++) b.append(' ').append(m.start(g)).append(':').append(m.end(g));
        return b.toString();
    }

    static List<String> corpusLines() throws IOException {
        List<String> lines = new ArrayList<>();
        try (var files = Files.list(Path.of("corpus"))) {
            for (Path f : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                for (String line : Files.readAllLines(f)) lines.add(VietText.canonicalTones(VietText.nfc(line)));
            }
        }
        for (RuleExample e : RULES.examples()) lines.add(e.text());
        return lines;
    }

    @Test
    void everyFigureRuleFindsWhatFindFindsInTheSeedReports() throws IOException {
        List<String> lines = corpusLines();
        assertTrue(lines.size() > 200, "seed reports read");
        List<FigureRule> rules = new ArrayList<>(RULES.notFigures());
        rules.addAll(RULES.figures());
        MatchStarts.Group group = new MatchStarts.Group(rules.stream().map(FigureRule::starts).toList());
        int matches = 0;
        for (String line : lines) {
            int[][] beginnings = group.beginnings(line);
            for (int r = 0; r < rules.size(); r++) {
                FigureRule rule = rules.get(r);
                List<String> expected = plain(rule.pattern(), line);
                assertEquals(expected, filtered(rule.starts(), line), rule.id() + " on: " + line);
                assertEquals(expected, grouped(rule.starts(), beginnings[r], line), rule.id() + " (grouped) on: " + line);
                matches += expected.size();
            }
        }
        assertTrue(matches > 500, "the rules match the seed reports (" + matches + ")");
    }

    @Test
    void findFromAPositionIsFindFromThatPosition() {
        MatchStarts starts = MatchStarts.of(Pattern.compile("(?<![\\d/])\\d+/\\d+"));
        String text = "12/34 và 5/6, 7/8";
        Matcher m = starts.matcher(text);
        for (int from = 0; from <= text.length() + 1; from++) {
            Matcher plain = starts.pattern().matcher(text);
            boolean expected = from <= text.length() && plain.find(from);
            assertEquals(expected, starts.find(m, text, from), "from " + from);
            if (expected) assertEquals(plain.start() + "-" + plain.end(), m.start() + "-" + m.end());
        }
    }

    /** Shapes the reader must get right: case folding, optional and repeated parts, look-behind, quoting, flags. */
    static final List<String> SHAPES = List.of(
            "(?i:ngày|từ|đến)\\s+\\d{1,2}[/-]\\d{1,2}",
            "(?iu:ngày|từ|đến)\\s+\\d",
            "(?<![\\p{L}\\p{N}])(?:khoảng\\s)?\\d+(?:[.,]\\d+)?\\s?%",
            "\\s?(?:a|bc)?x",
            "(?:ab){2,3}c",
            "(?:a|)b{0}c",
            "(?:x*)y",
            "a?",
            "(?=b)\\w+",
            "\\Qa.b\\E\\s+\\Qc\\E",
            "(?i)ĐƯỜNG|(?-i)Đ",
            "(?:^|[.;:]\\s+|(?i:trong)\\s+)(?i:năm)\\s+\\d{4}",
            "(a)\\1",
            "\\bx\\w",
            "[a-c&&[^b]]+d",
            "(?<!(?i:tổng)\\s)số\\s+\\d",
            ".b|\\x{61}c|\\u0064",
            "(?>ab|a)c",
            "(?U)\\w\\d",
            "\\p{Lu}{2,}-\\d",
            "(?<=[.,])\\d",
            "(?:(?<!a)b)+c",
            "x(?<!y)z|(?<!x)y",
            "(?<![\\d/])\\d{1,2}/\\d",
            "(?<!\\p{L})\\p{L}++-?\\d+",
            // Runs: a way that opens with one cannot start inside one.
            "\\d+/\\d+",
            "\\p{L}+\\d+|\\p{L}+-\\d+",
            "(?>\\d|\\d+)x",
            "(?>\\d\\d.|\\d+)y",
            "(?:\\d+|a)b",
            "\\d+?x|\\d*y",
            "(?:\\d+x){1,2}",
            "(?:\\d\\d)++x",
            "[a-c]+d|bd",
            "\\d{1,2}\\s+x",
            // What follows a run must come right after it, or where the rule may stop it earlier.
            "\\d+\\s*x",
            "(?:\\d+)?x",
            "(?:\\d+x)+/",
            "[a-c]+[b-d]",
            "\\d{2,}-",
            "(?<=[.,])\\d+y",
            "\\d+(?:/\\d+)*/[a-c]",
            "\\d+-?x|y\\d*",
            "\\d+(?=\\D)");

    @Test
    void trickyShapesFindWhatFindFindsInRandomText() {
        String alphabet = "aAbBcdxy012 /-.%ĐđƯườờngÀàáNGÀYngàytừđếnsốSố\u1EA1\u00A0\n";
        Random random = new Random(6);
        List<MatchStarts> shapeStarts = SHAPES.stream().map(s -> MatchStarts.of(Pattern.compile(s))).toList();
        MatchStarts.Group group = new MatchStarts.Group(shapeStarts);
        for (String shape : SHAPES) {
            for (int flags : new int[] {0, Pattern.UNICODE_CHARACTER_CLASS, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE}) {
                Pattern p = Pattern.compile(shape, flags);
                MatchStarts starts = MatchStarts.of(p);
                for (int k = 0; k < 400; k++) {
                    StringBuilder text = new StringBuilder();
                    int length = random.nextInt(40);
                    for (int c = 0; c < length; c++) {
                        // Runs of words that the shapes look for, so that matches happen.
                        if (random.nextInt(6) == 0) text.append(List.of("ngày ", "NGÀY 1/2", "từ 3-4", "số 5", "Số 6", "tổng số 7", "năm 2024", "ab", "abab", "abc", "ĐƯỜNG", "123", "12/34", "1x", "12yz", "bbd", "12/3/a", "1-x").get(random.nextInt(18)));
                        else text.append(alphabet.charAt(random.nextInt(alphabet.length())));
                    }
                    String t = text.toString();
                    assertEquals(plain(p, t), filtered(starts, t), shape + " (flags " + flags + ") on: " + t);
                    if (flags == 0) {
                        int member = SHAPES.indexOf(shape);
                        assertEquals(plain(p, t), grouped(shapeStarts.get(member), group.beginnings(t)[member], t), shape + " (grouped) on: " + t);
                    }
                    // A search may also start inside a run or a match (FigureFinder retries after a vetoed figure).
                    Matcher m = starts.matcher(t);
                    for (int from = 0; from <= t.length(); from++) {
                        Matcher expected = p.matcher(t);
                        boolean found = expected.find(from);
                        assertEquals(found, starts.find(m, t, from), shape + " from " + from + " on: " + t);
                        if (found) assertEquals(describe(expected), describe(m), shape + " from " + from + " on: " + t);
                    }
                }
            }
        }
    }

    @Test
    void textWithSupplementaryCharactersIsNotJudgedByHalves() {
        Pattern p = Pattern.compile("\\p{L}\\d|x\\d", Pattern.UNICODE_CHARACTER_CLASS);
        String text = "a \uD835\uDC9C1 x2 \uD83D\uDE002";
        assertEquals(plain(p, text), filtered(MatchStarts.of(p), text));
    }

    @Test
    void aFilterIsOnlyAnAnswerAboutStarts() {
        // A rule that can start anywhere (an optional first part that may be empty) is tried everywhere.
        MatchStarts anywhere = MatchStarts.of(Pattern.compile("x?"));
        String text = "abc";
        assertEquals(plain(anywhere.pattern(), text), filtered(anywhere, text));
        assertFalse(filtered(anywhere, text).isEmpty());
    }
}
