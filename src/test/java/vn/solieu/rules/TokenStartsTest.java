package vn.solieu.rules;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.tokensregex.TokenSequenceMatcher;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link TokenStarts#forEachMatch} must give exactly the matches of CoreNLP's own find loop. */
class TokenStartsTest {
    static final RuleBook RULES = RuleBook.load(Path.of("extraction-rules"));

    static final List<String> SHAPES = List.of(
            "[{tag:A}]? [{tag:B}]",
            "([{tag:A}] | [{lemma:x}]) [{tag:B}]+",
            "(?$g [{tag:A}]{0,2}) [{tag:B}]",
            "(?$g [{tag:A}]{1,2}?) [{lemma:/y|z/}]",
            "[]{0,2} [{tag:A}]",
            "/x/ [{tag:B}]",
            "[{word:/[,(]/}] [{tag:A}] [!{tag:C} & !{lemma:z}]{0,3} [{tag:B}]",
            "(?: [{lemma:y}] | [{lemma:z}] [{tag:C}] )* [{tag:A}]");

    private static List<CoreLabel> randomTokens(Random random) {
        List<CoreLabel> tokens = new ArrayList<>();
        int n = random.nextInt(25);
        for (int i = 0; i < n; i++) {
            String tag = List.of("A", "B", "C", "WORD", "RATIO", "PERCENT").get(random.nextInt(6));
            String word = List.of("x", "y", "z", ",", "(", "xếp", "tăng", "đạt").get(random.nextInt(8));
            CoreLabel t = new CoreLabel();
            t.setWord(word);
            t.setValue(word);
            t.setLemma(word);
            t.setTag(tag);
            tokens.add(t);
        }
        return tokens;
    }

    private static String describe(TokenSequenceMatcher m) {
        StringBuilder b = new StringBuilder();
        for (int g = 0; g <= m.groupCount(); g++) b.append(m.start(g)).append(':').append(m.end(g)).append(' ');
        return b.toString();
    }

    private static void assertSameMatches(TokenStarts starts, List<CoreLabel> tokens) {
        List<String> expected = new ArrayList<>();
        TokenSequenceMatcher m = starts.pattern().getMatcher(tokens);
        while (m.find()) expected.add(describe(m));
        List<String> actual = new ArrayList<>();
        starts.forEachMatch(tokens, found -> actual.add(describe(found)));
        List<String> words = tokens.stream().map(t -> t.word() + "/" + t.tag()).toList();
        assertEquals(expected, actual, starts.pattern().pattern() + " on " + words);
    }

    @Test
    void shapesAndRelationRulesMatchAsCoreNlpDoes() {
        List<TokenStarts> patterns = new ArrayList<>();
        for (String s : SHAPES) patterns.add(TokenStarts.compile(s));
        for (RelationRule r : RULES.relations()) patterns.addAll(r.patterns());
        Random random = new Random(6);
        int matched = 0;
        for (int k = 0; k < 300; k++) {
            List<CoreLabel> tokens = randomTokens(random);
            for (TokenStarts p : patterns) {
                assertSameMatches(p, tokens);
                TokenSequenceMatcher m = p.pattern().getMatcher(tokens);
                while (m.find()) matched++;
            }
        }
        assertTrue(matched > 300, "the random blocks hold matches (" + matched + ")");
    }
}
