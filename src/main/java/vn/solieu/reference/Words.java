package vn.solieu.reference;

import vn.solieu.text.VietText;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Words of a name or label for matching: NFC, one tone placement, lower case, punctuation as
 * spaces. {@link #exact} keeps diacritics ("bắc kạn"); {@link #folded} drops them ("bac kan") for
 * text typed without them ("Dak Lak"). Both keep the character offset of each word so a match
 * can be located in the original text.
 */
public final class Words {
    private Words() {}

    /** The folded words of {@code s}, space-joined: "Liên thông “Đăng ký”;" → "lien thong dang ky". */
    public static String foldedKey(String s) {
        return key(folded(s));
    }

    /** One word and where it starts and ends in the text it was cut from. */
    record Word(String text, int start, int end) {}

    static WordList exact(String s) {
        return new WordList(VietText.canonicalTones(VietText.nfc(s)).toLowerCase(java.util.Locale.ROOT), false);
    }

    static WordList folded(String s) {
        return new WordList(VietText.nfc(s), true);
    }

    /** Space-joined words, the key a name is looked up by. */
    static String key(List<Word> words) {
        StringBuilder sb = new StringBuilder();
        for (Word w : words) {
            if (sb.length() > 0) sb.append(' ');
            sb.append(w.text());
        }
        return sb.toString();
    }

    static boolean isNumber(String w) {
        for (int i = 0; i < w.length(); i++) if (!Character.isDigit(w.charAt(i))) return false;
        return !w.isEmpty();
    }

    /**
     * The words of a text, cut at every character that is not a letter or digit. A whole report is
     * cut this way, and most of its words are only asked whether they are in a {@link WordSet}: a
     * word's text is made when first asked for. NFC keeps one char per letter, so folding char by
     * char keeps offsets aligned with the caller's text.
     */
    static final class WordList extends AbstractList<Word> {
        private final String source;
        private final boolean fold;
        private int[] starts = new int[16];
        private int[] ends = new int[16];
        private final int size;
        private Word[] made;

        private WordList(String source, boolean fold) {
            this.source = source;
            this.fold = fold;
            int count = 0, i = 0, n = source.length();
            while (i < n) {
                while (i < n && !Character.isLetterOrDigit(source.charAt(i))) i++;
                int start = i;
                while (i < n && Character.isLetterOrDigit(source.charAt(i))) i++;
                if (i > start) {
                    if (count == starts.length) {
                        starts = Arrays.copyOf(starts, count * 2);
                        ends = Arrays.copyOf(ends, count * 2);
                    }
                    starts[count] = start;
                    ends[count++] = i;
                }
            }
            this.size = count;
        }

        @Override
        public Word get(int i) {
            if (i < 0 || i >= size) throw new IndexOutOfBoundsException(i);
            if (made == null) made = new Word[size];
            if (made[i] == null) {
                String w = source.substring(starts[i], ends[i]);
                made[i] = new Word(fold ? VietText.fold(w) : w, starts[i], ends[i]);
            }
            return made[i];
        }

        @Override
        public int size() {
            return size;
        }

        /** True when word {@code i} is in {@code words}; an unfolded word is compared in place, without making it. */
        boolean isIn(int i, WordSet words) {
            return fold ? words.contains(get(i).text()) : words.contains(source, starts[i], ends[i]);
        }
    }

    /** A set of words that a span of a text can be looked up in without cutting it out. */
    static final class WordSet {
        /** Words by first character: Vietnamese letters sit below U+2000; others share the last slot. */
        private static final int SLOTS = 0x2000;
        private final Set<String> words;
        private final String[][] byFirstChar = new String[SLOTS + 1][];

        WordSet(Set<String> words) {
            this.words = Set.copyOf(words);
            for (String w : this.words) {
                if (w.isEmpty()) continue;
                int slot = slot(w.charAt(0));
                String[] known = byFirstChar[slot];
                byFirstChar[slot] = known == null ? new String[] {w} : append(known, w);
            }
        }

        private static int slot(char c) {
            return Math.min(c, SLOTS);
        }

        private static String[] append(String[] a, String w) {
            String[] more = Arrays.copyOf(a, a.length + 1);
            more[a.length] = w;
            return more;
        }

        boolean contains(String word) {
            return words.contains(word);
        }

        /** True when {@code text[start, end)} is one of the words. */
        boolean contains(String text, int start, int end) {
            String[] candidates = byFirstChar[slot(text.charAt(start))];
            if (candidates == null) return false;
            int length = end - start;
            int hash = 0;
            boolean hashed = false;
            for (String w : candidates) {
                if (w.length() != length) continue;
                if (!hashed) {
                    // String.hashCode of the span, to compare with the words' own (cached) ones first.
                    for (int k = start; k < end; k++) hash = 31 * hash + text.charAt(k);
                    hashed = true;
                }
                if (w.hashCode() == hash && text.regionMatches(start, w, 0, length)) return true;
            }
            return false;
        }
    }
}
