package vn.solieu.corpus;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import vn.solieu.text.VietText;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a seed report, text extracted from a real PDF, into a {@link ReportDocument}.
 *
 * <p>The seed layout: every text line is followed by a blank line; a line that starts with a space
 * right after a non-blank line is the first line of a new page; a line of spaces (~59) is the rule
 * above a page's footnotes, each of which starts with its number ("1 Nghị quyết …") and continues
 * on the following lines (also across a page break); a bare number line ("6 ") is a page number;
 * a line of only a space after a blank line is an empty line of the report.
 *
 * <p>Footnote marks are glued to the end of a body token ("Đề án 061" = "Đề án 06" + mark 1) and
 * cannot be told from digits of the text, so their places come from a hand-checked sidecar file
 * {@code <name>.marks.yaml} next to the seed; the reader checks that each listed place occurs
 * exactly once and lies on the page of its footnote.
 *
 * <p>The output keeps the seed's line breaks: one block per seed line, NFC.
 */
public final class SeedTextReader {

    /** Where a footnote mark is: the text right before it on its line ({@code before} + the number occurs once). */
    public record FootnoteMark(int footnote, String before) {}

    private record MarksFile(String seed, List<FootnoteMark> marks) {}

    private enum Kind { BODY, SPACER, NOTE_START, NOTE_MORE }

    private record SeedLine(int lineNo, int page, Kind kind, int note, String text) {}

    private static final int NOTE_RULE_MIN_SPACES = 20;
    private static final int SHORT_LINE = 60;
    private static final Pattern PAGE_NUMBER = Pattern.compile("\\s*\\d{1,3}\\s*");
    private static final Pattern NOTE_START = Pattern.compile("(\\d{1,3}) (\\S.*)", Pattern.DOTALL);
    private static final Pattern NOTE_ITEM = Pattern.compile("\\d+\\.\\s.*");
    private static final Pattern ROMAN_HEADING = Pattern.compile("(?:I|II|III|IV|V|VI|VII|VIII|IX|X)\\.\\s.*");
    private static final Pattern NUMBERED_HEADING = Pattern.compile("(\\d+(?:\\.\\d+)*)\\.\\s.*");

    private SeedTextReader() {}

    /** The sidecar marks file of a seed: {@code corpus/002_x.txt} → {@code corpus/002_x.marks.yaml}. */
    public static Path marksFileFor(Path seed) {
        String name = seed.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return seed.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".marks.yaml");
    }

    /** Reads a seed (UTF-8) and, when present, its marks file. */
    public static ReportDocument read(Path seed) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(seed, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new SeedFormatException("not UTF-8 text");
        } catch (NoSuchFileException e) {
            throw new SeedFormatException("no such file");
        }
        Path marksFile = marksFileFor(seed);
        List<FootnoteMark> marks = Files.exists(marksFile) ? readMarks(marksFile) : List.of();
        return read(lines, marks, ReportDocument.DEFAULT_DATE);
    }

    /** Reads a marks file: {@code marks: [{footnote: 1, before: "quan đến Đề án 06"}, …]}. */
    public static List<FootnoteMark> readMarks(Path marksFile) throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        MarksFile parsed;
        try {
            parsed = yaml.readValue(marksFile.toFile(), MarksFile.class);
        } catch (IOException e) {
            throw new SeedFormatException(marksFile.getFileName() + ": not a marks file (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        if (parsed == null || parsed.marks() == null) return List.of();
        for (FootnoteMark m : parsed.marks()) {
            if (m.before() == null || m.before().isEmpty()) throw new SeedFormatException(marksFile.getFileName() + ": mark of footnote " + m.footnote() + " has no 'before' text");
        }
        return parsed.marks();
    }

    /** Reads seed lines; {@code marks} places the footnote marks (needed when the seed has footnotes). */
    public static ReportDocument read(List<String> lines, List<FootnoteMark> marks, Instant date) throws SeedFormatException {
        List<SeedLine> seedLines = classify(lines);
        List<SeedLine> body = seedLines.stream().filter(l -> l.kind() == Kind.BODY || l.kind() == Kind.SPACER).toList();
        List<Footnote> footnotes = footnotes(seedLines);
        List<List<Inline>> inlines = placeMarks(body, seedLines, footnotes, marks);

        ReportDocument.Builder doc = ReportDocument.builder().date(date);
        int titleEnd = titleEnd(body);
        List<String> titleParts = new ArrayList<>();
        int page = body.isEmpty() ? 1 : body.get(0).page();
        for (int i = 0; i < body.size(); i++) {
            SeedLine line = body.get(i);
            if (line.page() != page) {
                doc.pageBreak();
                page = line.page();
            }
            if (line.kind() == Kind.SPACER) {
                if (i > 0) doc.blank(); // the seed's leading spacer is page furniture, not an empty line
                continue;
            }
            if (i < titleEnd) {
                doc.add(new Block.Title(inlines.get(i)));
                if (line.text().codePoints().anyMatch(Character::isLetter)) titleParts.add(line.text()); // not the "–––" rule
            } else {
                doc.add(block(line.text(), inlines.get(i)));
            }
        }
        doc.title(String.join(" ", titleParts).replaceAll("\\s+", " ").strip());
        for (Footnote f : footnotes) doc.footnote(f.number(), f.paragraphs().toArray(String[]::new));
        try {
            return doc.build();
        } catch (IllegalArgumentException e) {
            throw new SeedFormatException(e.getMessage());
        }
    }

    private static Block block(String text, List<Inline> inlines) {
        if (ROMAN_HEADING.matcher(text).matches()) return new Block.Heading(1, inlines);
        Matcher numbered = NUMBERED_HEADING.matcher(text);
        if (numbered.matches() && text.length() < SHORT_LINE) {
            return new Block.Heading(1 + numbered.group(1).split("\\.").length, inlines);
        }
        return new Block.Paragraph(inlines);
    }

    /** The title block: the first run of lines on page 1 after any leading spacer, up to the next spacer. */
    private static int titleEnd(List<SeedLine> body) {
        int i = 0;
        while (i < body.size() && body.get(i).kind() == Kind.SPACER) i++;
        int start = i;
        while (i < body.size() && body.get(i).kind() == Kind.BODY && body.get(i).page() == 1) i++;
        boolean endsAtSpacer = i < body.size() && body.get(i).kind() == Kind.SPACER;
        return endsAtSpacer && i - start <= 10 ? i : 0;
    }

    private static List<SeedLine> classify(List<String> lines) throws SeedFormatException {
        List<SeedLine> out = new ArrayList<>();
        int page = 1;
        boolean pageHasContent = false;
        boolean previousNonBlank = false;
        boolean inNotes = false;
        int nextNote = 1;
        int currentNote = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = VietText.nfc(stripBomAndCr(lines.get(i), i));
            int lineNo = i + 1;
            if (line.isEmpty()) {
                previousNonBlank = false;
                continue;
            }
            boolean pageStart = line.startsWith(" ") && previousNonBlank;
            previousNonBlank = true;
            if (line.isBlank() && line.length() >= NOTE_RULE_MIN_SPACES) {
                inNotes = true;
                continue;
            }
            if (PAGE_NUMBER.matcher(line).matches() || pageStart) {
                if (pageHasContent) {
                    page++;
                    pageHasContent = false;
                }
                inNotes = false;
                if (!pageStart || line.isBlank()) continue;
            }
            if (line.isBlank()) {
                if (!inNotes) out.add(new SeedLine(lineNo, page, Kind.SPACER, 0, ""));
                continue;
            }
            pageHasContent = true;
            if (inNotes) {
                Matcher m = NOTE_START.matcher(line);
                if (m.matches() && Integer.parseInt(m.group(1)) == nextNote) {
                    currentNote = nextNote++;
                    out.add(new SeedLine(lineNo, page, Kind.NOTE_START, currentNote, m.group(2)));
                } else if (currentNote == 0) {
                    throw new SeedFormatException("line " + lineNo + ": text under the footnote rule does not start with footnote number " + nextNote);
                } else {
                    out.add(new SeedLine(lineNo, page, Kind.NOTE_MORE, currentNote, line));
                }
                continue;
            }
            out.add(new SeedLine(lineNo, page, Kind.BODY, 0, line.strip()));
        }
        return out;
    }

    private static String stripBomAndCr(String line, int index) {
        if (index == 0 && line.startsWith("\uFEFF")) line = line.substring(1);
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    /** Footnote text: continuation lines joined (the seed's lines end with the space between words); "1. …" items start a paragraph. */
    private static List<Footnote> footnotes(List<SeedLine> lines) {
        List<Footnote> out = new ArrayList<>();
        List<String> paragraphs = null;
        StringBuilder current = null;
        int number = 0;
        for (SeedLine line : lines) {
            if (line.kind() == Kind.NOTE_START) {
                if (paragraphs != null) out.add(finish(number, paragraphs, current));
                number = line.note();
                paragraphs = new ArrayList<>();
                current = new StringBuilder(line.text());
            } else if (line.kind() == Kind.NOTE_MORE && current != null) {
                if (NOTE_ITEM.matcher(line.text()).matches()) {
                    paragraphs.add(current.toString().strip());
                    current = new StringBuilder(line.text());
                } else {
                    boolean glued = current.isEmpty() || Character.isWhitespace(current.charAt(current.length() - 1))
                            || current.charAt(current.length() - 1) == '-';
                    if (!glued) current.append(' ');
                    current.append(line.text());
                }
            }
        }
        if (paragraphs != null) out.add(finish(number, paragraphs, current));
        return out;
    }

    private static Footnote finish(int number, List<String> paragraphs, StringBuilder current) {
        paragraphs.add(current.toString().strip());
        return new Footnote(number, paragraphs);
    }

    /** The inlines of each body line, with the marks split out where the marks file puts them. */
    private static List<List<Inline>> placeMarks(List<SeedLine> body, List<SeedLine> all, List<Footnote> footnotes,
                                                 List<FootnoteMark> marks) throws SeedFormatException {
        record Place(int line, int offset, int length, int footnote) {}
        List<Place> places = new ArrayList<>();
        for (FootnoteMark mark : marks) {
            if (footnotes.stream().noneMatch(f -> f.number() == mark.footnote())) {
                throw new SeedFormatException("the marks file places footnote " + mark.footnote() + ", which the seed does not have");
            }
            String before = VietText.nfc(mark.before());
            String needle = before + mark.footnote();
            List<Place> found = new ArrayList<>();
            for (int i = 0; i < body.size(); i++) {
                String text = body.get(i).text();
                for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
                    int end = at + needle.length();
                    boolean tokenEnds = end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
                    if (tokenEnds) found.add(new Place(i, at + before.length(), String.valueOf(mark.footnote()).length(), mark.footnote()));
                }
            }
            if (found.size() != 1) {
                throw new SeedFormatException("mark of footnote " + mark.footnote() + " (\"" + needle + "\") occurs "
                        + found.size() + " times in the body text; it must occur exactly once");
            }
            Place place = found.get(0);
            int markPage = body.get(place.line()).page();
            int notePage = all.stream().filter(l -> l.kind() == Kind.NOTE_START && l.note() == mark.footnote())
                    .findFirst().orElseThrow().page();
            if (markPage != notePage) {
                throw new SeedFormatException("mark of footnote " + mark.footnote() + " is on page " + markPage
                        + " (line " + body.get(place.line()).lineNo() + ") but the footnote is on page " + notePage);
            }
            places.add(place);
        }
        for (Footnote f : footnotes) {
            if (marks.stream().noneMatch(m -> m.footnote() == f.number())) {
                throw new SeedFormatException("footnote " + f.number() + " has no mark: list it in the marks file");
            }
        }
        places.sort(Comparator.comparingInt(Place::line).thenComparingInt(Place::offset));

        List<List<Inline>> out = new ArrayList<>(body.size());
        int p = 0;
        for (int i = 0; i < body.size(); i++) {
            String text = body.get(i).text();
            List<Inline> inlines = new ArrayList<>();
            int from = 0;
            while (p < places.size() && places.get(p).line() == i) {
                Place place = places.get(p++);
                inlines.add(Inline.text(text.substring(from, place.offset())));
                inlines.add(Inline.ref(place.footnote()));
                from = place.offset() + place.length();
            }
            if (from < text.length() || inlines.isEmpty()) inlines.add(Inline.text(text.substring(from)));
            out.add(inlines);
        }
        return out;
    }
}
