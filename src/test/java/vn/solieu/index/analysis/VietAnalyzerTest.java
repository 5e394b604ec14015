package vn.solieu.index.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Input text → tokens, one step of the chain at a time and then the whole chain. */
class VietAnalyzerTest {
    private static final Analyzer EXACT_INDEX = new VietAnalyzer(false, true);
    private static final Analyzer FOLDED_INDEX = new VietAnalyzer(true, true);
    private static final Analyzer FOLDED_QUERY = new VietAnalyzer(true, false);

    /** term, or "term@+0" for a token stacked on the previous position. */
    private static List<String> tokens(Analyzer a, String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = a.tokenStream("f", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            while (ts.incrementToken()) out.add(term + (inc.getPositionIncrement() == 0 ? "@+0" : ""));
            ts.end();
        }
        return out;
    }

    /** The text each token's offsets point at in the original input. */
    private static List<String> covered(Analyzer a, String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = a.tokenStream("f", text)) {
            OffsetAttribute off = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) out.add(text.substring(off.startOffset(), off.endOffset()));
            ts.end();
        }
        return out;
    }

    @Test
    void tokenizerKeepsRatiosAndPercentagesWholeAndStacksTheirParts() throws IOException {
        VietTokenizer t = new VietTokenizer(true);
        t.setReader(new StringReader("tiếp nhận 1.512/1.546 hồ sơ, đạt 42,9 % và 98.9%."));
        List<String> out = new ArrayList<>();
        CharTermAttribute term = t.addAttribute(CharTermAttribute.class);
        PositionIncrementAttribute inc = t.addAttribute(PositionIncrementAttribute.class);
        t.reset();
        while (t.incrementToken()) out.add(term + (inc.getPositionIncrement() == 0 ? "@+0" : ""));
        t.end();
        t.close();
        assertEquals(List.of("tiếp", "nhận", "1.512/1.546", "1.512@+0", "1.546@+0", "hồ", "sơ", "đạt",
                "42,9%", "42,9@+0", "và", "98.9%", "98.9@+0"), out);
    }

    @Test
    void queryTokenizerLeavesThePartsOut() throws IOException {
        assertEquals(List.of("1.512/1.546", "ho", "so"), tokens(FOLDED_QUERY, "1.512/1.546 hồ sơ"));
    }

    @Test
    void sentencePunctuationIsNotPartOfANumber() throws IOException {
        assertEquals(List.of("tổng", "số", "1229", "hồ", "sơ", "năm", "2024"), tokens(EXACT_INDEX, "Tổng số: 1229 hồ sơ. Năm 2024."));
    }

    @Test
    void documentNumbersSplitAtTheLetters() throws IOException {
        assertEquals(List.of("45", "kh", "ubnd"), tokens(EXACT_INDEX, "45/KH-UBND"));
    }

    @Test
    void exactFieldKeepsDiacriticsFoldedFieldDropsThemAndFoldsDStroke() throws IOException {
        assertEquals(List.of("đăng", "ký", "thường", "trú"), tokens(EXACT_INDEX, "Đăng ký thường trú"));
        assertEquals(List.of("dang", "ky", "thuong", "tru"), tokens(FOLDED_INDEX, "Đăng ký thường trú"));
        assertEquals(List.of("bac", "kan"), tokens(FOLDED_INDEX, "BẮC KẠN"));
    }

    @Test
    void decomposedInputGivesTheSameTermsAsComposed() throws IOException {
        String nfc = "Chủ tịch UBND tỉnh Bắc Giang";
        String nfd = Normalizer.normalize(nfc, Normalizer.Form.NFD);
        assertEquals(tokens(EXACT_INDEX, nfc), tokens(EXACT_INDEX, nfd));
        assertEquals(List.of("chu", "tich", "ubnd", "tinh", "bac", "giang"), tokens(FOLDED_INDEX, nfd));
    }

    @Test
    void offsetsOfDecomposedInputPointAtTheOriginalCharacters() throws IOException {
        String nfd = Normalizer.normalize("tỉnh Bắc Giang đạt 42,9%", Normalizer.Form.NFD);
        List<String> nfcCovered = covered(EXACT_INDEX, nfd).stream().map(s -> Normalizer.normalize(s, Normalizer.Form.NFC)).toList();
        assertEquals(List.of("tỉnh", "Bắc", "Giang", "đạt", "42,9%", "42,9"), nfcCovered);
    }

    @Test
    void oldAndNewTonePlacementsMeetInOneTerm() throws IOException {
        assertEquals(tokens(EXACT_INDEX, "Thanh Hóa, Khánh Hòa"), tokens(EXACT_INDEX, "Thanh Hoá, Khánh Hoà"));
    }
}
