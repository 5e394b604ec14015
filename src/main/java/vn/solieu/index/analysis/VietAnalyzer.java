package vn.solieu.index.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;

import java.io.Reader;

/**
 * The Vietnamese analysis chain, in one place:
 * <pre>
 *   VietNormalizeCharFilter (NFC, one tone placement)
 *     → VietTokenizer (words; number shapes kept whole, parts too on the index side)
 *     → LowerCaseFilter
 *     → VietFoldingFilter (ASCIIFoldingFilter's folding, folded fields only: "Đăng ký" → "dang ky")
 * </pre>
 * Text fields are indexed twice, exact (diacritics kept) and folded; a query asks both and boosts
 * the exact one, so "dang ky thuong tru" finds "Đăng ký thường trú" and a query typed with its
 * diacritics ranks the documents that have them first.
 */
public final class VietAnalyzer extends Analyzer {
    private final boolean folded;
    private final boolean emitNumberParts;

    /**
     * @param folded          strip diacritics (and đ → d) after lower-casing
     * @param emitNumberParts index side: also emit "1.512" and "1.546" for "1.512/1.546"
     */
    public VietAnalyzer(boolean folded, boolean emitNumberParts) {
        this.folded = folded;
        this.emitNumberParts = emitNumberParts;
    }

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        return new VietNormalizeCharFilter(reader);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        VietTokenizer tokenizer = new VietTokenizer(emitNumberParts);
        TokenStream stream = new LowerCaseFilter(tokenizer);
        if (folded) stream = new VietFoldingFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        TokenStream stream = new LowerCaseFilter(in);
        return folded ? new VietFoldingFilter(stream) : stream;
    }

    @Override
    protected Reader initReaderForNormalization(String fieldName, Reader reader) {
        return new VietNormalizeCharFilter(reader);
    }
}
