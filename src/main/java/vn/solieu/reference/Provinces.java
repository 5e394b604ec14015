package vn.solieu.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import vn.solieu.reference.Words.Word;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The provinces and centrally-run cities of {@code provinces.yaml}: the 63 units until 30 June
 * 2025 and the 34 from 1 July 2025, their spellings, and which unit took over which. Finds a unit
 * by a name as written ({@link #find}) and the reporting unit of a report text ({@link #detect}).
 * Immutable after loading.
 */
public final class Provinces {
    public static final String FILE = "provinces.yaml";

    private static final List<List<String>> PREFIXES = List.of(
            List.of("tỉnh"), List.of("thành", "phố"), List.of("tp"), List.of("thủ", "đô"));

    // Words that, shortly before "tỉnh X", mark X as the reporting unit rather than one mentioned.
    private static final List<List<String>> CUES = List.of(
            List.of("trên", "địa", "bàn"), List.of("ubnd"), List.of("ủy", "ban", "nhân", "dân"),
            List.of("chủ", "tịch"), List.of("tổ", "công", "tác"), List.of("hđnd"),
            List.of("hội", "đồng", "nhân", "dân"), List.of("tm"), List.of("kt"));

    private static final Pattern NUMERIC_DATE = Pattern.compile("(?<!\\d)(\\d{1,2})/(\\d{1,2})/((?:19|20)\\d{2})(?!\\d)");
    private static final Pattern WORDED_DATE = Pattern.compile(
            "ngày\\s+(\\d{1,2})\\s+tháng\\s+(\\d{1,2})\\s+năm\\s+((?:19|20)\\d{2})", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private final List<Province> all;
    private final Map<String, Province> byId = new LinkedHashMap<>();
    private final Map<String, List<Province>> exact = new HashMap<>();
    private final Map<String, List<Province>> folded = new HashMap<>();
    /** {@code exact} and {@code folded} as a report is read against them. */
    private final NameIndex exactNames;
    private final NameIndex foldedNames;
    private final int longestName;

    private Provinces(List<Province> all) {
        this.all = List.copyOf(all);
        int longest = 1;
        Map<Province, java.util.Set<String>> exactKeysOf = new HashMap<>();
        for (Province p : all) {
            if (byId.put(p.id(), p) != null) throw new IllegalArgumentException(FILE + ": duplicate id " + p.id());
            List<String> names = new ArrayList<>();
            names.add(p.name());
            names.addAll(p.aliases());
            for (String n : names) {
                List<Word> words = stripPrefix(Words.exact(n));
                add(exact, Words.key(words), p);
                String foldedKey = Words.key(stripPrefix(Words.folded(n)));
                add(folded, foldedKey, p);
                exactKeysOf.computeIfAbsent(p, k -> new java.util.HashSet<>()).add(Words.key(words));
                longest = Math.max(longest, words.size());
            }
        }
        for (Province p : all) {
            if (p.mergedInto() != null && !byId.containsKey(p.mergedInto())) {
                throw new IllegalArgumentException(FILE + ": " + p.id() + " is merged into unknown id " + p.mergedInto());
            }
        }
        Comparator<Province> earliestFirst = Comparator.comparing(p -> p.validFrom() == null ? LocalDate.MIN : p.validFrom());
        exact.values().forEach(l -> l.sort(earliestFirst));
        folded.values().forEach(l -> l.sort(earliestFirst));
        // A folded key shared by units that have no spelling in common would be a guess: drop it.
        folded.values().removeIf(l -> l.stream().anyMatch(p -> l.stream().anyMatch(
                q -> java.util.Collections.disjoint(exactKeysOf.get(p), exactKeysOf.get(q)))));
        this.exactNames = NameIndex.of(exact);
        this.foldedNames = NameIndex.of(folded);
        this.longestName = longest;
    }

    /**
     * Names (space-joined words) with what a report's words are first checked against: the names'
     * first words (most words of a report start none) and every run of their leading words (a
     * longer name is only looked for while the words read so far begin one).
     */
    private record NameIndex(Map<String, List<Province>> names, Words.WordSet firstWords, java.util.Set<String> prefixes) {
        static NameIndex of(Map<String, List<Province>> names) {
            java.util.Set<String> first = new java.util.HashSet<>();
            java.util.Set<String> prefixes = new java.util.HashSet<>();
            for (String key : names.keySet()) {
                int space = key.indexOf(' ');
                first.add(space < 0 ? key : key.substring(0, space));
                for (int at = key.indexOf(' '); at >= 0; at = key.indexOf(' ', at + 1)) prefixes.add(key.substring(0, at));
                prefixes.add(key);
            }
            return new NameIndex(names, new Words.WordSet(first), java.util.Set.copyOf(prefixes));
        }
    }

    private static void add(Map<String, List<Province>> index, String key, Province p) {
        if (key.isEmpty()) return;
        List<Province> l = index.computeIfAbsent(key, k -> new ArrayList<>());
        if (!l.contains(p)) l.add(p);
    }

    /** Reads {@code provinces.yaml} from a rules folder. */
    public static Provinces load(Path rulesDir) {
        Path file = rulesDir.resolve(FILE);
        try (InputStream in = Files.newInputStream(file)) {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
            List<Province> list = new ArrayList<>();
            for (JsonNode n : root.path("provinces")) {
                List<String> aliases = new ArrayList<>();
                n.path("aliases").forEach(a -> aliases.add(a.asText()));
                list.add(new Province(text(n, "id"), text(n, "name"), text(n, "type"), List.copyOf(aliases),
                        date(n, "validFrom"), date(n, "validTo"), text(n, "mergedInto")));
            }
            if (list.isEmpty()) throw new IllegalArgumentException(file + ": no provinces");
            return new Provinces(list);
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException(file + ": cannot read (" + e.getMessage() + ")", e));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(file + ": bad date (" + e.getMessage() + ")", e);
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static LocalDate date(JsonNode n, String field) {
        String s = text(n, field);
        return s == null ? null : LocalDate.parse(s);
    }

    public List<Province> all() {
        return all;
    }

    /** The units in existence on {@code date} (63 before 1 July 2025, 34 after). */
    public List<Province> validOn(LocalDate date) {
        return all.stream().filter(p -> p.validOn(date)).toList();
    }

    public Optional<Province> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The unit a name refers to ("TP.HCM", "tỉnh Bắc Cạn", "Dak Lak"); the earliest when several share it. */
    public Optional<Province> find(String name) {
        return find(name, null);
    }

    /** As {@link #find(String)}, preferring the unit that existed on {@code date} ("Tuyên Quang" in 2024 vs 2025). */
    public Optional<Province> find(String name, LocalDate date) {
        return Optional.ofNullable(pick(candidates(name), date));
    }

    private static Province pick(List<Province> candidates, LocalDate date) {
        if (candidates == null || candidates.isEmpty()) return null;
        if (date != null) {
            for (Province p : candidates) if (p.validOn(date)) return p;
        }
        return candidates.get(0);
    }

    /** Every unit called {@code name}: an old unit and the merged unit that kept its name are both. */
    public List<Province> named(String name) {
        List<Province> candidates = candidates(name);
        return candidates == null ? List.of() : List.copyOf(candidates);
    }

    /** The units a name refers to, spelled as written, else diacritics-folded; null when none (or no name). */
    private List<Province> candidates(String name) {
        if (name == null) return null;
        List<Province> candidates = exact.get(Words.key(stripPrefix(Words.exact(name))));
        return candidates != null ? candidates : folded.get(Words.key(stripPrefix(Words.folded(name))));
    }

    /** The unit {@code p} was merged into, if any. */
    public Optional<Province> mergedInto(Province p) {
        return p.mergedInto() == null ? Optional.empty() : byId(p.mergedInto());
    }

    /** The units that were merged into {@code p} (Thái Nguyên 2025: the old Thái Nguyên and Bắc Kạn). */
    public List<Province> mergedFrom(Province p) {
        return all.stream().filter(q -> p.id().equals(q.mergedInto())).toList();
    }

    /**
     * The land of the units called {@code name}, followed across the 2025 merger: those units, the
     * units merged into them, and the units they were merged into. "Thái Nguyên": the old province,
     * Bắc Kạn and the merged province; "Bắc Kạn": Bắc Kạn and the merged Thái Nguyên, but not the
     * old Thái Nguyên, whose land Bắc Kạn never was. Empty for an unknown name.
     */
    public List<Province> territory(String name) {
        java.util.LinkedHashSet<Province> land = new java.util.LinkedHashSet<>();
        for (Province p : named(name)) {
            land.add(p);
            addMergedFrom(p, land);
            for (Province next = mergedInto(p).orElse(null); next != null; next = mergedInto(next).orElse(null)) {
                if (!land.add(next)) break;
            }
        }
        return List.copyOf(land);
    }

    private void addMergedFrom(Province p, java.util.Set<Province> land) {
        for (Province q : mergedFrom(p)) if (land.add(q)) addMergedFrom(q, land);
    }

    /** The unit that covers {@code p}'s territory on {@code date}: {@code p} itself, or its successor after a merger. */
    public Province successor(Province p, LocalDate date) {
        Province cur = p;
        for (int guard = 0; guard < 5 && cur.validTo() != null && date.isAfter(cur.validTo()) && cur.mergedInto() != null; guard++) {
            cur = byId.get(cur.mergedInto());
        }
        return cur;
    }

    /** The reporting unit of a report text, dated by the dates the text writes. */
    public Optional<Province> detect(String reportText) {
        return detect(reportText, null);
    }

    /**
     * The unit a report is about: every mention of a unit is scored (named as "tỉnh X"/"thành phố
     * X": 1, in passing as "Agribank Bắc Kạn": 0.3; +2 after a cue such as "trên địa bàn", "UBND",
     * "Chủ tịch", "Tổ Công tác", or as the place of a "X, ngày …" line; +1.5 in the title block)
     * and the best total wins, ties to the earliest. Needs at least one named or cued mention.
     * {@code reportDate} (or, when null, the median date written in the text) picks between an old
     * unit and a merged unit of the same name.
     */
    public Optional<Province> detect(String reportText, LocalDate reportDate) {
        if (reportText == null || reportText.isBlank()) return Optional.empty();
        Words.WordList words = Words.exact(reportText);
        Words.WordList foldedWords = mostlyWithoutDiacritics(reportText) ? Words.folded(reportText) : null;
        Map<List<Province>, double[]> score = new LinkedHashMap<>(); // value: {total, first strong position}
        for (int i = 0; i < words.size(); i++) {
            Match m = matchAt(words, i, exactNames);
            if (m == null && foldedWords != null) m = matchAt(foldedWords, i, foldedNames);
            if (m == null) continue;
            int prefix = prefixLength(words, i);
            double s = prefix > 0 ? 1.0 : 0.3;
            if (hasCue(words, i - prefix) || isPlaceDateLine(reportText, words, i + m.length)) s += 2;
            if (words.get(i).start() < 400) s += 1.5;
            double[] acc = score.computeIfAbsent(m.candidates, k -> new double[]{0, Double.MAX_VALUE});
            acc[0] += s;
            if (s >= 1.0) acc[1] = Math.min(acc[1], i);
            i += m.length - 1;
        }
        List<Province> best = null;
        double[] bestScore = null;
        for (Map.Entry<List<Province>, double[]> e : score.entrySet()) {
            double[] v = e.getValue();
            if (v[1] == Double.MAX_VALUE) continue;
            if (best == null || v[0] > bestScore[0] || v[0] == bestScore[0] && v[1] < bestScore[1]) {
                best = e.getKey();
                bestScore = v;
            }
        }
        if (best == null) return Optional.empty();
        LocalDate date = reportDate != null ? reportDate : medianDate(reportText);
        return Optional.of(pick(best, date));
    }

    private record Match(List<Province> candidates, int length) {}

    /** The longest name starting at word {@code i}, or null. */
    private Match matchAt(Words.WordList words, int i, NameIndex index) {
        if (!words.isIn(i, index.firstWords())) return null;
        StringBuilder key = new StringBuilder();
        Match found = null;
        for (int len = 1; len <= longestName && i + len <= words.size(); len++) {
            if (len > 1) key.append(' ');
            key.append(words.get(i + len - 1).text());
            String k = key.toString();
            if (!index.prefixes().contains(k)) break;
            List<Province> c = index.names().get(k);
            if (c != null) found = new Match(c, len);
        }
        return found;
    }

    private static int prefixLength(List<Word> words, int i) {
        for (List<String> p : PREFIXES) {
            if (endsWith(words, i, p)) return p.size();
        }
        return 0;
    }

    private static boolean hasCue(List<Word> words, int before) {
        for (int end = before; end >= Math.max(0, before - 8); end--) {
            for (List<String> cue : CUES) if (endsWith(words, end, cue)) return true;
        }
        return false;
    }

    /** "Lâm Đồng, ngày 05 tháng 9 năm 2025": the place line above a signature. */
    private static boolean isPlaceDateLine(String text, List<Word> words, int next) {
        if (next >= words.size() || !words.get(next).text().equals("ngày")) return false;
        String between = text.substring(words.get(next - 1).end(), words.get(next).start());
        return between.strip().equals(",");
    }

    /** True when words[end - p.size() .. end) equal p. */
    private static boolean endsWith(List<Word> words, int end, List<String> p) {
        int start = end - p.size();
        if (start < 0) return false;
        for (int k = 0; k < p.size(); k++) if (!words.get(start + k).text().equals(p.get(k))) return false;
        return true;
    }

    private static List<Word> stripPrefix(List<Word> words) {
        for (List<String> p : PREFIXES) {
            if (words.size() > p.size() && endsWith(words, p.size(), p)) return words.subList(p.size(), words.size());
            List<String> foldedPrefix = p.stream().map(vn.solieu.text.VietText::fold).toList();
            if (words.size() > p.size() && endsWith(words, p.size(), foldedPrefix)) return words.subList(p.size(), words.size());
        }
        return words;
    }

    private static boolean mostlyWithoutDiacritics(String text) {
        int letters = 0, marked = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isLetter(c)) continue;
            letters++;
            // There are never more letters than characters: past this, the answer is no.
            if (c > 0x7F && ++marked * 50 >= text.length()) return false;
        }
        return letters > 0 && marked * 50 < letters;
    }

    /** The median of the full dates a text writes: a report's own date sits among them, deadlines far ahead do not move it. */
    static LocalDate medianDate(String text) {
        List<LocalDate> dates = new ArrayList<>();
        for (Pattern p : List.of(NUMERIC_DATE, WORDED_DATE)) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                try {
                    dates.add(LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1))));
                } catch (java.time.DateTimeException ignored) {
                    // "31/02/2024" is a typo, not a date.
                }
            }
        }
        if (dates.isEmpty()) return null;
        Collections.sort(dates);
        return dates.get(dates.size() / 2);
    }
}
