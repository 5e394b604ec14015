package vn.solieu.facts;

import vn.solieu.ingest.SourceDocument;
import vn.solieu.rules.MatchStarts;
import vn.solieu.rules.RuleBook;
import vn.solieu.structure.Block;
import vn.solieu.structure.Outline;
import vn.solieu.text.VietText;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what a report says about itself: its title (the blocks above the first heading), its
 * own period (title first, then the sentence that introduces it, then the closing "Trên đây là
 * Báo cáo …"), and the province that files it.
 */
public final class ReportReader {
    private final Periods periods;
    private final RuleBook rules;

    public ReportReader(RuleBook rules) {
        this.rules = rules;
        this.periods = new Periods(rules);
    }

    private static final Pattern PREAMBLE = Pattern.compile("^(Thực hiện|Căn cứ|Theo|Thi hành)", Pattern.CASE_INSENSITIVE);
    private static final Pattern CLOSING = Pattern.compile("^Trên đây là", Pattern.CASE_INSENSITIVE);
    private static final MatchStarts DATE = MatchStarts.of(Pattern.compile("(?<![\\d/])(\\d{1,2})/(\\d{1,2})/((?:19|20)\\d{2})(?![\\d/])"));

    public ReportInfo read(SourceDocument doc, Outline outline) {
        List<String> title = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        String preamble = null, closing = null;
        boolean beforeHeadings = true;
        for (Block b : outline.blocks()) {
            if (b.kind() == Block.Kind.HEADING) beforeHeadings = false;
            if (beforeHeadings && b.kind() != Block.Kind.FOOTNOTE) {
                if (PREAMBLE.matcher(b.text()).find()) {
                    if (preamble == null) preamble = b.text();
                } else if (title.size() < 4) {
                    title.add(b.text());
                }
            }
            if (closing == null && CLOSING.matcher(b.text()).find()) closing = b.text();
        }
        sources.add(String.join(" ", title));
        if (preamble != null) sources.add(lastSentence(preamble));
        if (closing != null) sources.add(closing);
        LocalDate latest = latestDate(doc.text());
        Periods.ReportPeriod rp = periods.reportPeriod(sources, latest);
        LocalDate reportDate = rp != null ? rp.end() : latest;
        String titleText = VietText.foldSpace(String.join(" ", title));
        String province = rules.provinces().detect(doc.text(), reportDate).map(p -> p.name()).orElse(null);
        return new ReportInfo(titleText.isEmpty() ? null : titleText, province, rp == null ? null : rp.label(), reportDate);
    }

    private static String lastSentence(String text) {
        int dot = text.lastIndexOf(". ");
        return dot < 0 ? text : text.substring(dot + 2);
    }

    /** The latest date the text mentions: the report was written on or after it. */
    private static LocalDate latestDate(String text) {
        LocalDate latest = null;
        // Read over the whole report: tried only where a date can start.
        Matcher m = DATE.matcher(text);
        for (int from = 0; DATE.find(m, text, from); from = MatchStarts.next(m)) {
            try {
                LocalDate d = LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
                if (latest == null || d.isAfter(latest)) latest = d;
            } catch (DateTimeException ignored) {
                // a typo such as 31/02 is no date
            }
        }
        return latest;
    }
}
