package vn.solieu.generate;

import vn.solieu.reference.Province;

import java.time.YearMonth;

/**
 * What one generated report is: who files it, for which month, in which format and with which
 * habits. Drawn by {@link CorpusGenerator} from the report's own random stream.
 *
 * @param copy        0 for the report itself; 1, 2 … for further copies of the same report (same
 *                    figures, other format and wording), as archives hold the same report twice
 * @param file        path of the report relative to the corpus folder ("2024-02/bac-kan-2024-02.txt")
 * @param format      txt, pdf or docx
 * @param layout      TXT only: {@code seed} (a PDF extractor's line-by-line text, a blank line after
 *                    each line, a page starting with a space), {@code paragraphs} (one line per
 *                    paragraph, pages split by form feeds) or {@code flat} (no pages)
 * @param nfd         TXT only: written in decomposed Unicode
 * @param prose       services written as running sentences instead of bullets
 */
public record ReportSpec(int index, Province province, YearMonth month, int copy, String file, String format,
                         String layout, boolean nfd, boolean prose, NumberStyle numbers) {

    public String reportPeriod() {
        return month.toString();
    }
}
