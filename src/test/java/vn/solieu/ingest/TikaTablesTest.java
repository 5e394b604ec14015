package vn.solieu.ingest;

import org.junit.jupiter.api.Test;
import vn.solieu.Pipeline;
import vn.solieu.facts.Fact;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tables of Word and OpenDocument files come out as {@link Table}s whose cells point into the text. */
class TikaTablesTest {
    private final Ingest ingest = new Ingest();

    @Test
    void odtTableCellsPointIntoTheText() throws Exception {
        SourceDocument doc = ingest.read(Path.of("bao-cao.odt"), "bao-cao.odt", TestOdt.report());
        assertEquals(1, doc.tables().size());
        Table t = doc.tables().get(0);
        assertEquals(1, t.rows().size());
        for (Table.Cell c : t.rows().get(0)) assertEquals(c.text(), doc.text().substring(c.start(), c.end()));
        assertEquals(List.of("Ba Bể", "300.307"), t.rows().get(0).stream().map(Table.Cell::text).toList());
        assertTrue(t.caption().startsWith("Số hồ sơ trực tuyến năm 2023"), t.caption());
    }

    @Test
    void docxTableGivesOneFactPerFigureCell() throws Exception {
        SourceDocument doc = ingest.read(Path.of("bao-cao.docx"), "bao-cao.docx", TestDocx.report());
        assertEquals(1, doc.tables().size());
        List<Fact> facts = Pipeline.load(Path.of("extraction-rules")).extract(doc).facts();
        List<Fact> fromTable = facts.stream().filter(f -> f.rule.startsWith("tables.")).toList();
        assertEquals(2, fromTable.size(), facts.toString());
        Fact count = fromTable.get(0), percent = fromTable.get(1);
        assertEquals(Fact.Kind.count, count.kind);
        assertEquals(300307, count.value);
        assertEquals("hồ sơ", count.unit);
        assertEquals("Ba Bể", count.indicator);
        assertEquals("300.307", doc.text().substring(count.source.start(), count.source.end()));
        assertEquals(Fact.Kind.percent, percent.kind);
        assertEquals(42.9, percent.value, 1e-9);
        assertEquals("Ba Bể", percent.indicator);
        // The ratio in the paragraph above and the count below are still read from the text.
        assertTrue(facts.stream().anyMatch(f -> f.kind == Fact.Kind.ratio && f.numerator == 1512), facts.toString());
    }
}
