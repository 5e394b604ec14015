package vn.solieu.ingest;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * OCR with the Tesseract command and its Vietnamese model ({@code tesseract-ocr-vie}): a page is
 * rendered by PDFBox at 300 dpi in grey, piped to {@code tesseract stdin stdout -l vie --psm 4
 * tsv}, and the TSV's words are joined back into lines.
 *
 * <p>Why the command and not Tika's TesseractOCRParser: the TSV output gives every word's
 * confidence and every line's box, which the record needs (a confidence per page) and the
 * layout rules use (page numbers and running heads are recognised by position); Tika's parser
 * gives text only and goes through temporary files as well. {@code --psm 4} (one column of
 * lines of varying size) keeps a table row on one line, where the default segmentation splits
 * columns into blocks. One Tesseract process per page, limited to one thread
 * ({@code OMP_THREAD_LIMIT=1}): bulk imports already run files in parallel.
 *
 * <p>Stateless and thread-safe.
 */
public final class TesseractOcr implements PageOcr {
    public static final int DPI = 300;
    private static final long TIMEOUT_SECONDS = 120;
    private static final float POINTS_PER_PIXEL = 72f / DPI;

    private final String command;
    private final String language;

    /** Availability, found once per process: running {@code tesseract --list-langs} costs ~50 ms. */
    private static volatile Availability availability;

    /** Whether the engine and its Vietnamese model can be run here, and if not, why. */
    public record Availability(boolean available, String reason) {}

    public TesseractOcr() {
        this("tesseract", "vie");
    }

    public TesseractOcr(String command, String language) {
        this.command = command;
        this.language = language;
    }

    /** Is {@code tesseract} on the PATH with the {@code vie} model? Checked once, then remembered. */
    public static Availability availability() {
        Availability a = availability;
        if (a == null) {
            a = check("tesseract", "vie");
            availability = a;
        }
        return a;
    }

    /**
     * A PageOcr that runs Tesseract if it is available and otherwise fails with
     * {@link OcrUnavailableException} saying why; availability is looked up on first use.
     */
    public static PageOcr whenAvailable() {
        TesseractOcr engine = new TesseractOcr();
        return (document, pageIndex) -> {
            Availability a = availability();
            if (!a.available()) throw new OcrUnavailableException(a.reason());
            return engine.read(document, pageIndex);
        };
    }

    static Availability check(String command, String language) {
        try {
            Process p = new ProcessBuilder(command, "--list-langs").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Availability(false, command + " --list-langs did not answer");
            }
            for (String line : out.split("\\R")) if (line.strip().equals(language)) return new Availability(true, null);
            return new Availability(false, "the Tesseract model '" + language + "' is not installed (Debian: apt-get install tesseract-ocr-" + language + ")");
        } catch (IOException e) {
            return new Availability(false, "Tesseract is not installed (Debian: apt-get install tesseract-ocr tesseract-ocr-vie)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Availability(false, "interrupted while looking for Tesseract");
        }
    }

    @Override
    public Result read(PDDocument document, int pageIndex) throws IOException {
        BufferedImage image = new PDFRenderer(document).renderImageWithDPI(pageIndex, DPI, ImageType.GRAY);
        List<Result> pages = run(pgm(image));
        return pages.isEmpty() ? new Result("", 0, List.of()) : pages.get(0);
    }

    /** Reads an image file (PNG, JPEG, TIFF …; a multi-page TIFF gives one result a page). */
    public List<Result> readImage(byte[] imageBytes) throws IOException {
        return run(imageBytes);
    }

    private List<Result> run(byte[] image) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command, "stdin", "stdout", "-l", language, "--psm", "4", "--dpi", String.valueOf(DPI), "tsv");
        pb.environment().put("OMP_THREAD_LIMIT", "1");
        Process p = pb.start();
        // Read stderr and stdout while writing stdin: a full pipe would block both sides.
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread errReader = drain(p.getErrorStream(), err);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread outReader = drain(p.getInputStream(), out);
        try (OutputStream in = p.getOutputStream()) {
            in.write(image);
        } catch (IOException e) {
            // Tesseract closes its input when it cannot read the image; its message says why.
        }
        try {
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("Tesseract took longer than " + TIMEOUT_SECONDS + " s on one page");
            }
            outReader.join();
            errReader.join();
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted during OCR", e);
        }
        if (p.exitValue() != 0) {
            String message = err.toString(StandardCharsets.UTF_8).strip().replaceAll("\\s+", " ");
            throw new IOException("Tesseract failed: " + (message.isEmpty() ? "exit " + p.exitValue() : message));
        }
        return parseTsv(out.toString(StandardCharsets.UTF_8));
    }

    private static Thread drain(InputStream in, ByteArrayOutputStream sink) {
        Thread t = new Thread(() -> {
            try (in) {
                in.transferTo(sink);
            } catch (IOException ignored) {
                // the process ended; what was read is kept
            }
        }, "tesseract-output");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /**
     * Tesseract's TSV: one row per page, block, paragraph, line and word (level 1..5), with
     * the box in pixels and, for words, a confidence 0..100. Words join into lines by their
     * (page, block, paragraph, line) numbers; the page's confidence is the mean over its words
     * weighted by their length, so a stray "." does not weigh as much as "1.512".
     */
    static List<Result> parseTsv(String tsv) {
        List<Result> pages = new ArrayList<>();
        PageBuilder page = null;
        String lineKey = null;
        for (String row : tsv.split("\n")) {
            String[] f = row.split("\t", -1);
            if (f.length < 12 || !f[0].equals("5")) continue;
            int pageNum = Integer.parseInt(f[1]);
            String text = f[11].strip();
            if (text.isEmpty()) continue;
            double conf = Double.parseDouble(f[10]);
            if (page == null || page.number != pageNum) {
                if (page != null) pages.add(page.build());
                page = new PageBuilder(pageNum);
                lineKey = null;
            }
            String key = f[2] + "/" + f[3] + "/" + f[4];
            int left = Integer.parseInt(f[6]), top = Integer.parseInt(f[7]), height = Integer.parseInt(f[9]);
            if (!key.equals(lineKey)) {
                page.newLine();
                lineKey = key;
            }
            page.word(text, conf, left, top, top + height);
        }
        if (page != null) pages.add(page.build());
        return pages;
    }

    private static final class PageBuilder {
        final int number;
        final List<Line> lines = new ArrayList<>();
        StringBuilder text;
        int top, bottom;
        double weighted, weight, lineWeighted, lineWeight;

        PageBuilder(int number) {
            this.number = number;
        }

        void newLine() {
            flush();
            text = new StringBuilder();
            top = Integer.MAX_VALUE;
            bottom = 0;
            lineWeighted = lineWeight = 0;
        }

        void word(String w, double conf, int left, int wordTop, int wordBottom) {
            if (text.length() > 0) text.append(' ');
            text.append(w);
            top = Math.min(top, wordTop);
            bottom = Math.max(bottom, wordBottom);
            if (conf >= 0) {
                lineWeighted += conf / 100.0 * w.length();
                lineWeight += w.length();
            }
        }

        void flush() {
            if (text == null || text.length() == 0) return;
            lines.add(new Line(text.toString(), top * POINTS_PER_PIXEL, bottom * POINTS_PER_PIXEL,
                    lineWeight == 0 ? 0 : lineWeighted / lineWeight));
            weighted += lineWeighted;
            weight += lineWeight;
            text = null;
        }

        Result build() {
            flush();
            StringBuilder all = new StringBuilder();
            for (Line l : lines) {
                if (all.length() > 0) all.append('\n');
                all.append(l.text());
            }
            return new Result(all.toString(), weight == 0 ? 0 : weighted / weight, lines);
        }
    }

    /** A binary greyscale PNM: Tesseract reads it without decompressing, Java writes it without compressing. */
    static byte[] pgm(BufferedImage image) {
        BufferedImage grey = image;
        if (image.getType() != BufferedImage.TYPE_BYTE_GRAY) {
            grey = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
            grey.getGraphics().drawImage(image, 0, 0, null);
        }
        byte[] pixels = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
        byte[] header = ("P5\n" + grey.getWidth() + " " + grey.getHeight() + "\n255\n").getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[header.length + pixels.length];
        System.arraycopy(header, 0, out, 0, header.length);
        System.arraycopy(pixels, 0, out, header.length, pixels.length);
        return out;
    }
}
