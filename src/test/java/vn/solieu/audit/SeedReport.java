package vn.solieu.audit;

import vn.solieu.facts.Fact;
import vn.solieu.facts.Period;
import vn.solieu.facts.Source;
import vn.solieu.text.VietNumber;
import vn.solieu.text.VietText;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Facts built by hand from a seed report, as the extractor will emit them: the real figures,
 * the sentence quoted with whitespace folded, offsets found with indexOf in the NFC text. Until
 * the lead's FactExtractor lands, the audit tests run on these.
 */
final class SeedReport {
    final String file;
    final String raw;
    final String province;
    final String reportPeriod;
    final List<Fact> facts = new ArrayList<>();

    private SeedReport(String file, String raw, String province, String reportPeriod) {
        this.file = file;
        this.raw = raw;
        this.province = province;
        this.reportPeriod = reportPeriod;
    }

    static SeedReport load(String name, String province, String reportPeriod) throws IOException {
        String raw = VietText.nfc(Files.readString(Path.of("corpus", name), StandardCharsets.UTF_8));
        return new SeedReport(name, raw, province, reportPeriod);
    }

    /** The sentence from the first {@code from} through the end of the next {@code to}; a space in an anchor matches any line break. */
    Sentence sentence(String from, String to) {
        Matcher s = loose(from).matcher(raw);
        if (!s.find()) throw new IllegalArgumentException("not in " + file + ": " + from);
        Matcher e = loose(to).matcher(raw);
        if (!e.find(s.start())) throw new IllegalArgumentException("not in " + file + ": " + to);
        return new Sentence(s.start(), e.end());
    }

    static Pattern loose(String written) {
        StringBuilder p = new StringBuilder();
        for (String part : written.strip().split("\\s+")) {
            if (p.length() > 0) p.append("\\s+");
            p.append(Pattern.quote(part));
        }
        return Pattern.compile(p.toString());
    }

    private static final Pattern RATIO = Pattern.compile("(?<![\\d/.,])(\\d+(?:\\.\\d{3})*(?:,\\d+)?)/(\\d+(?:\\.\\d{3})*(?:,\\d+)?)(?![\\d/\\p{L}])");

    /**
     * Every "Label: x/y" bullet between two anchors, as facts of one section and window (the
     * shape of "+ Đăng ký thường trú: 1229/1229 hồ sơ").
     */
    List<Fact> bulletRatios(String regionStart, String regionEnd, List<String> section, Period period) {
        int s = raw.indexOf(regionStart) + regionStart.length();
        int e = raw.indexOf(regionEnd, s);
        List<Fact> out = new ArrayList<>();
        Matcher m = RATIO.matcher(raw).region(s, e);
        while (m.find()) {
            int bullet = Math.max(raw.lastIndexOf("\n+", m.start()), raw.lastIndexOf("\n-", m.start()));
            bullet = Math.max(bullet, s);
            int next = nextBullet(m.end(), e);
            String text = VietText.foldSpace(raw.substring(bullet, next)).replaceFirst("^[-+]\\s*", "");
            String label = VietText.foldSpace(raw.substring(bullet, m.start())).replaceFirst("^[-+]\\s*", "").replaceFirst(":\\s*$", "");
            Fact f = base(m.start(), m.end(), text, label, section, period);
            f.kind = Fact.Kind.ratio;
            f.numerator = VietNumber.parse(m.group(1), VietNumber.Context.COUNT);
            f.denominator = VietNumber.parse(m.group(2), VietNumber.Context.COUNT);
            Matcher unit = Pattern.compile("^\\s*(hồ sơ)").matcher(raw.substring(m.end(), Math.min(e, m.end() + 20)));
            f.unit = unit.find() ? unit.group(1) : null;
            facts.add(f);
            out.add(f);
        }
        return out;
    }

    private int nextBullet(int from, int limit) {
        int a = raw.indexOf("\n+", from), b = raw.indexOf("\n-", from);
        int n = limit;
        if (a >= 0) n = Math.min(n, a);
        if (b >= 0) n = Math.min(n, b);
        return n;
    }

    private Fact base(int start, int end, String text, String label, List<String> section, Period period) {
        Fact f = new Fact();
        f.indicator = label;
        f.section = new ArrayList<>(section);
        f.province = province;
        f.period = period;
        f.reportPeriod = reportPeriod;
        f.source = new Source(file, "sha-of-" + file, 1 + (int) raw.substring(0, start).chars().filter(c -> c == '\f').count(), start, end);
        f.text = text;
        f.rule = "test.by-hand";
        f.id = file.substring(0, 3) + ":" + start;
        return f;
    }

    static Period window(String from, String to) {
        return Period.window(LocalDate.parse(from), LocalDate.parse(to));
    }

    final class Sentence {
        final int start, end;
        final String text;
        private int cursor;
        List<String> section = List.of();
        Period period;
        String label;

        Sentence(int start, int end) {
            this.start = start;
            this.end = end;
            this.cursor = start;
            this.text = VietText.foldSpace(raw.substring(start, end));
        }

        Sentence in(String... section) {
            this.section = List.of(section);
            return this;
        }

        Sentence period(Period period) {
            this.period = period;
            return this;
        }

        Sentence label(String label) {
            this.label = label;
            return this;
        }

        /** The next "x/y" written as {@code written}, with the percentage the text states for it (or null). */
        Fact ratio(String written, String unit, String percentText) {
            int at = find(written);
            Fact f = base(at, at + written.length(), text, label, section, period);
            // "391.122 hồ sơ/662.918" names its unit on both sides: the figures are the leading numbers.
            String[] xy = written.split("/");
            f.kind = Fact.Kind.ratio;
            f.numerator = VietNumber.parse(xy[0].replaceAll("[^\\d.,]", ""), VietNumber.Context.COUNT);
            f.denominator = VietNumber.parse(xy[1].replaceAll("[^\\d.,]", ""), VietNumber.Context.COUNT);
            f.unit = unit;
            if (percentText != null) {
                f.percentText = percentText;
                f.percent = VietNumber.parse(percentText, VietNumber.Context.PERCENT);
            }
            facts.add(f);
            return f;
        }

        /** The next count written as {@code written} ("708"), followed by its unit. */
        Fact count(String written, String unit) {
            int at = find(written + " " + unit);
            Fact f = base(at, at + written.length() + 1 + unit.length(), text, label, section, period);
            f.kind = Fact.Kind.count;
            f.value = VietNumber.parse(written, VietNumber.Context.COUNT);
            f.unit = unit;
            facts.add(f);
            return f;
        }

        /** The next standalone percentage ("1.1" of "chiếm khoảng 1.1%"). */
        Fact percent(String written) {
            int at = find(written + "%");
            Fact f = base(at, at + written.length() + 1, text, label, section, period);
            f.kind = Fact.Kind.percent;
            f.value = VietNumber.parse(written, VietNumber.Context.PERCENT);
            f.percentText = written;
            f.change = false;
            facts.add(f);
            return f;
        }

        private int find(String written) {
            // Figures in the raw text may be broken over lines: match with any whitespace run.
            Matcher m = loose(written).matcher(raw).region(cursor, end);
            if (!m.find()) throw new IllegalArgumentException("not in the sentence: " + written + " | " + text);
            cursor = m.end();
            return m.start();
        }
    }
}
