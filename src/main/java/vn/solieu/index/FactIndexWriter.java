package vn.solieu.index;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import vn.solieu.Extraction;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static vn.solieu.index.IndexSchema.*;

/**
 * Adds extracted files to the index. Thread-safe: import threads share one writer.
 *
 * <p>A file is identified by the hash of its bytes. All of one file's documents (its facts and its
 * report document, the marker that the file is done) are written in one atomic
 * {@link IndexWriter#updateDocuments} batch that also deletes whatever the same file name held
 * before: a commit holds either the whole file or none of it, and a changed file replaces its
 * old facts. Work after the last {@link #commit()} is lost on a crash and simply redone next run.
 *
 * <pre>
 *   try (FactIndexWriter w = FactIndexWriter.open(dir)) {
 *       for (Extraction e : extractions) w.add(e);
 *       w.commit();
 *   }
 * </pre>
 */
public final class FactIndexWriter implements Closeable {
    /** What the index already knows of a file, and so what to do with it. */
    public enum Known {
        /** Never seen: index it. */
        NEW,
        /** Same name, other bytes: index it, replacing the old version's facts. */
        CHANGED,
        /** These bytes are indexed under this name already: skip. */
        UNCHANGED,
        /** These bytes are indexed under another name (a copy): skip, or the copy's facts would repeat. */
        DUPLICATE
    }

    /** The answer of {@link #claim}: {@code indexedAs} names the file that holds these bytes already, if any. */
    public record Claim(Known known, String indexedAs) {
        public boolean shouldIndex() {
            return known == Known.NEW || known == Known.CHANGED;
        }
    }

    private final Path dir;
    private final FSDirectory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    /** Hashes claimed or added since the searcher was last refreshed, so parallel copies are caught. */
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Object commitLock = new Object();

    private static final class Pending {
        final String file;
        volatile boolean added;

        Pending(String file) {
            this.file = file;
        }
    }

    private FactIndexWriter(Path dir, FSDirectory directory, IndexWriter writer) throws IOException {
        this.dir = dir;
        this.directory = directory;
        this.writer = writer;
        this.searchers = new SearcherManager(writer, null);
    }

    /** Opens (creating if needed) the index at {@code dir}; fails with {@link IndexLockedException} if another import holds it. */
    public static FactIndexWriter open(Path dir) throws IOException {
        Files.createDirectories(dir);
        FSDirectory directory = FSDirectory.open(dir);
        IndexWriterConfig config = new IndexWriterConfig(IndexSchema.indexAnalyzer())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(64)
                .setCommitOnClose(true);
        IndexWriter writer;
        try {
            writer = new IndexWriter(directory, config);
        } catch (LockObtainFailedException e) {
            directory.close();
            throw new IndexLockedException(dir, e);
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
        String version = writer.getLiveCommitData() == null ? null : userData(writer).get(VERSION_KEY);
        if (version != null && !version.equals(VERSION)) {
            writer.rollback();
            directory.close();
            throw new IOException(dir + " holds an index of layout " + version + ", this solieu writes layout " + VERSION
                    + ": import into a new folder (--index DIR), or delete " + dir + " and import again");
        }
        writer.setLiveCommitData(Map.of(VERSION_KEY, VERSION).entrySet());
        return new FactIndexWriter(dir, directory, writer);
    }

    private static Map<String, String> userData(IndexWriter writer) {
        Map<String, String> m = new java.util.HashMap<>();
        for (Map.Entry<String, String> e : writer.getLiveCommitData()) m.put(e.getKey(), e.getValue());
        return m;
    }

    public Path dir() {
        return dir;
    }

    /**
     * Decides whether to index a file and, if so, claims its hash so that a copy met by another
     * thread meanwhile is skipped. A claimed file must end in {@link #add} or {@link #release}.
     */
    public Claim claim(String file, String sha256) throws IOException {
        Pending mine = new Pending(file);
        Pending other = pending.putIfAbsent(sha256, mine);
        if (other != null) return new Claim(other.file.equals(file) ? Known.UNCHANGED : Known.DUPLICATE, other.file);
        IndexSearcher searcher = searchers.acquire();
        try {
            String indexedAs = indexedFile(searcher, new Term(SHA256, sha256));
            if (indexedAs != null) {
                pending.remove(sha256, mine);
                return new Claim(indexedAs.equals(file) ? Known.UNCHANGED : Known.DUPLICATE, indexedAs);
            }
            return new Claim(indexedFile(searcher, new Term(FILE, file)) != null ? Known.CHANGED : Known.NEW, null);
        } finally {
            searchers.release(searcher);
        }
    }

    /** Gives up a claim (the file failed), so that a copy of it may still be tried. */
    public void release(String sha256) {
        pending.computeIfPresent(sha256, (k, p) -> p.added ? p : null);
    }

    /** Indexes one file's facts and report document, replacing any earlier version of that file name. Returns the facts added. */
    public int add(Extraction extraction) throws IOException {
        List<Document> docs = FactDocuments.of(extraction, Instant.now());
        writer.updateDocuments(new Term(FILE, extraction.document().file()), docs);
        Pending p = pending.get(extraction.document().sha256());
        if (p != null) p.added = true;
        return docs.size() - 1;
    }

    /**
     * Records a file that could not be read (replacing what its name held: the file at that name is
     * now unreadable). It is tried again on the next run. {@code sha256} may be null when the bytes
     * could not even be read; then nothing already indexed is touched.
     */
    public void addFailure(String file, String sha256, String reason) throws IOException {
        if (sha256 == null) return;
        writer.updateDocuments(new Term(FILE, file), List.of(FactDocuments.failure(file, sha256, reason, Instant.now())));
        release(sha256);
    }

    /** Makes everything added so far durable; a crash after this loses none of it. */
    public void commit() throws IOException {
        synchronized (commitLock) {
            List<Map.Entry<String, Pending>> done = pending.entrySet().stream().filter(e -> e.getValue().added).toList();
            writer.commit();
            searchers.maybeRefreshBlocking();
            // Now visible to claim() through the searcher: no need to remember them.
            for (Map.Entry<String, Pending> e : done) pending.remove(e.getKey(), e.getValue());
        }
    }

    /** The file name holding an indexed (not failed) report with this term, or null. */
    private static String indexedFile(IndexSearcher searcher, Term term) throws IOException {
        Query q = new BooleanQuery.Builder()
                .add(new TermQuery(term), Occur.FILTER)
                .add(new TermQuery(new Term(TYPE, TYPE_REPORT)), Occur.FILTER)
                .add(new TermQuery(new Term(STATUS, STATUS_INDEXED)), Occur.FILTER)
                .build();
        TopDocs top = searcher.search(q, 1);
        if (top.scoreDocs.length == 0) return null;
        return searcher.storedFields().document(top.scoreDocs[0].doc, java.util.Set.of(FILE)).get(FILE);
    }

    /** Commits and releases the write lock. */
    @Override
    public void close() throws IOException {
        try {
            commit();
        } finally {
            try {
                searchers.close();
                writer.close();
            } finally {
                directory.close();
            }
        }
    }
}
