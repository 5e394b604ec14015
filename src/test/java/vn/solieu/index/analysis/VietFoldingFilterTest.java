package vn.solieu.index.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The table-driven folding gives exactly ASCIIFoldingFilter's terms. */
class VietFoldingFilterTest {
    @Test
    void foldsVietnameseAsTheLibraryDoes() throws IOException {
        assertEquals(List.of("Dang", "ky", "thuong", "tru", "Bac", "Kan"), terms(WhitespaceTokenizer::new, VietFoldingFilter::new, "Đăng ký thường trú Bắc Kạn"));
    }

    @Test
    void everyCharacterFoldsAsTheLibraryFoldsIt() throws IOException {
        StringBuilder all = new StringBuilder();
        for (char c = 0x21; c < 0xD800; c++) {
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) continue;
            // one token per char, and the same char inside a longer token
            all.append(c).append(' ').append("ư").append(c).append("đx ");
        }
        String text = all.toString();
        assertEquals(terms(WhitespaceTokenizer::new, ASCIIFoldingFilter::new, text), terms(WhitespaceTokenizer::new, VietFoldingFilter::new, text));
    }

    @Test
    void seedReportsFoldAsTheLibraryFoldsThem() throws IOException {
        for (String name : new String[]{"000_f89939e2e8bd4875.txt", "002_8f33f48acc798cc2.txt"}) {
            String text = Files.readString(Path.of("corpus", name));
            List<String> expected = terms(WhitespaceTokenizer::new, ASCIIFoldingFilter::new, text);
            assertEquals(expected, terms(WhitespaceTokenizer::new, VietFoldingFilter::new, text));
            assertEquals(true, expected.size() > 1000);
        }
        assertEquals(List.of("aesir"), terms(KeywordTokenizer::new, VietFoldingFilter::new, "æsir"));
    }

    private static List<String> terms(Supplier<Tokenizer> tokenizer, Function<TokenStream, TokenStream> filter, String text) throws IOException {
        try (Analyzer a = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer t = tokenizer.get();
                return new TokenStreamComponents(t, filter.apply(t));
            }
        }; TokenStream ts = a.tokenStream("f", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            List<String> out = new ArrayList<>();
            ts.reset();
            while (ts.incrementToken()) out.add(term.toString());
            ts.end();
            return out;
        }
    }
}
