package vn.solieu.index;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.solieu.Extraction;
import vn.solieu.facts.Fact;
import vn.solieu.facts.ReportInfo;
import vn.solieu.ingest.SourceDocument;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Idempotence, replacement of changed files, copies and the write lock. */
class FactIndexWriterTest {
    @TempDir
    Path tmp;

    private static List<String> factIds(Path index) throws IOException {
        List<String> ids = new ArrayList<>();
        IndexedFacts.forEach(index, f -> ids.add(f.id));
        ids.sort(null);
        return ids;
    }

    @Test
    void theSameBytesAreClaimedOnceAndAddingAgainDoesNotDuplicate() throws IOException {
        Path index = tmp.resolve("i");
        Extraction bacKan = SampleReports.bacKan();
        String file = bacKan.document().file(), sha = bacKan.document().sha256();
        try (FactIndexWriter w = FactIndexWriter.open(index)) {
            assertEquals(FactIndexWriter.Known.NEW, w.claim(file, sha).known());
            w.add(bacKan);
            // Not committed yet: a second claim in the same run must still see it.
            assertEquals(FactIndexWriter.Known.UNCHANGED, w.claim(file, sha).known());
            w.commit();
            assertEquals(FactIndexWriter.Known.UNCHANGED, w.claim(file, sha).known());
            FactIndexWriter.Claim copy = w.claim("elsewhere/copy.txt", sha);
            assertEquals(FactIndexWriter.Known.DUPLICATE, copy.known());
            assertEquals(file, copy.indexedAs());
        }
        try (FactIndexWriter w = FactIndexWriter.open(index)) {
            assertFalse(w.claim(file, sha).shouldIndex());
            w.add(bacKan); // forced: replaces, never adds twice
        }
        assertEquals(3, factIds(index).size());
        assertEquals(factIds(index).stream().distinct().count(), factIds(index).size());
        try (FactSearcher s = FactSearcher.open(index)) {
            assertEquals(1, s.stats().reports());
        }
    }

    @Test
    void anIndexOfAnotherLayoutIsRefusedWithWhatToDoAndLeftAsItWas() throws IOException {
        Path index = tmp.resolve("old");
        try (var dir = org.apache.lucene.store.FSDirectory.open(index);
             var w = new org.apache.lucene.index.IndexWriter(dir, new org.apache.lucene.index.IndexWriterConfig())) {
            w.setLiveCommitData(java.util.Map.of(IndexSchema.VERSION_KEY, "2").entrySet());
            w.commit();
        }
        IOException writing = assertThrows(IOException.class, () -> FactIndexWriter.open(index));
        assertTrue(writing.getMessage().contains("layout 2") && writing.getMessage().contains("writes layout " + IndexSchema.VERSION)
                && writing.getMessage().contains("delete " + index), writing.getMessage());
        IOException reading = assertThrows(IOException.class, () -> FactSearcher.open(index));
        assertTrue(reading.getMessage().contains("layout 2") && reading.getMessage().contains("import the reports again"), reading.getMessage());
        try (var dir = org.apache.lucene.store.FSDirectory.open(index);
             var r = org.apache.lucene.index.DirectoryReader.open(dir)) {
            assertEquals("2", r.getIndexCommit().getUserData().get(IndexSchema.VERSION_KEY), "the old index is not touched");
        }
    }

    @Test
    void aChangedFileReplacesItsOldFacts() throws IOException {
        Path index = tmp.resolve("i");
        Extraction old = SampleReports.bacKan();
        try (FactIndexWriter w = FactIndexWriter.open(index)) {
            w.add(old);
        }
        String edited = SampleReports.BAC_KAN_TEXT.replace("1229/1229", "1230/1231");
        SourceDocument doc = SampleReports.document(old.document().file(), edited);
        ReportInfo info = old.report();
        Fact only = SampleReports.ratio(doc, info, "Đăng ký thường trú",
                "Đăng ký thường trú: tiếp nhận 1230/1231 hồ sơ trực tuyến.", 1230, 1231, null, "hồ sơ");
        try (FactIndexWriter w = FactIndexWriter.open(index)) {
            FactIndexWriter.Claim claim = w.claim(doc.file(), doc.sha256());
            assertEquals(FactIndexWriter.Known.CHANGED, claim.known());
            w.add(new Extraction(doc, info, List.of(only)));
        }
        List<Fact> facts = new ArrayList<>();
        IndexedFacts.forEach(index, facts::add);
        assertEquals(1, facts.size());
        assertEquals(1230.0, facts.get(0).numerator);
        try (FactSearcher s = FactSearcher.open(index)) {
            assertEquals(0, s.search(SearchRequest.of("1229/1229")).totalHits());
            assertEquals(0, s.search(SearchRequest.of("1229").withScope(SearchRequest.Scope.reports)).totalHits());
            assertEquals(1, s.stats().reports());
        }
    }

    @Test
    void aFailedFileIsCountedAndRetriedNotSkipped() throws IOException {
        Path index = tmp.resolve("i");
        try (FactIndexWriter w = FactIndexWriter.open(index)) {
            assertTrue(w.claim("broken.pdf", "ab12").shouldIndex());
            w.addFailure("broken.pdf", "ab12", "not a PDF");
            w.commit();
            assertEquals(FactIndexWriter.Known.NEW, w.claim("broken.pdf", "ab12").known());
            w.release("ab12");
        }
        try (FactSearcher s = FactSearcher.open(index)) {
            assertEquals(1, s.stats().failed());
            assertEquals(0, s.stats().reports());
        }
    }

    @Test
    void aSecondWriterIsToldAnotherImportHoldsTheIndex() throws IOException {
        Path index = tmp.resolve("i");
        try (FactIndexWriter first = FactIndexWriter.open(index)) {
            IndexLockedException e = assertThrows(IndexLockedException.class, () -> FactIndexWriter.open(index));
            assertTrue(e.getMessage().contains("another import is writing to " + index), e.getMessage());
        }
        FactIndexWriter.open(index).close(); // released on close
    }
}
