package vn.solieu.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A set of characters given by atoms, answered from a table for the ranges Vietnamese text is
 * written in (Latin, Latin Extended Additional, general punctuation) and by the atoms
 * themselves elsewhere. Each atom is compiled alone with its own flags, so case folding and
 * classes mean exactly what they mean in the expression.
 */
final class CharTable {
    static final int TABLE_SIZE = 0x250 + 0x100 + 0x70;
    private final long[] table = new long[(TABLE_SIZE + 63) / 64];
    private final List<Pattern> atoms;

    private CharTable(List<Pattern> atoms) {
        this.atoms = atoms;
        for (int index = 0; index < TABLE_SIZE; index++) {
            if (anyAtom(charAt(index))) table[index >>> 6] |= 1L << index;
        }
    }

    /** Where {@code c} sits in the table (Latin to U+024F, U+1E00–U+1EFF, U+2000–U+206F), or -1. */
    static int index(char c) {
        if (c < 0x250) return c;
        if (c >= 0x1E00 && c < 0x1F00) return 0x250 + c - 0x1E00;
        if (c >= 0x2000 && c < 0x2070) return 0x350 + c - 0x2000;
        return -1;
    }

    static char charAt(int index) {
        if (index < 0x250) return (char) index;
        if (index < 0x350) return (char) (0x1E00 + index - 0x250);
        return (char) (0x2000 + index - 0x350);
    }

    static CharTable of(Set<MatchStartReader.Atom> atoms, Map<Set<MatchStartReader.Atom>, CharTable> made) {
        CharTable known = made.get(atoms);
        if (known != null) return known;
        List<Pattern> compiled = new ArrayList<>();
        for (MatchStartReader.Atom a : atoms) compiled.add(Pattern.compile(a.source(), a.flags()));
        CharTable set = new CharTable(List.copyOf(compiled));
        made.put(atoms, set);
        return set;
    }

    private boolean anyAtom(char c) {
        String s = String.valueOf(c);
        for (Pattern p : atoms) if (p.matcher(s).matches()) return true;
        return false;
    }

    boolean test(char c) {
        int index = index(c);
        if (index >= 0) return (table[index >>> 6] & (1L << index)) != 0;
        if (Character.isSurrogate(c)) return true;
        return anyAtom(c);
    }
}
