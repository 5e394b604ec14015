package vn.solieu.ingest;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import vn.solieu.Pipeline;
import vn.solieu.facts.Fact;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Makes a "scan" of a text PDF the way a copier would: each page rendered at 300 dpi in grey,
 * turned by a small angle, speckled with noise, saved as JPEG and put into an image-only PDF
 * (no text layer). And compares the figures extracted from the scan with the text version's.
 */
final class Scans {
    static final int DPI = 300;

    private Scans() {}

    /** Pages {@code from..to} (1-based, inclusive) of {@code pdf} as an image-only PDF. */
    static byte[] scan(Path pdf, int from, int to, long seed) throws IOException {
        Random random = new Random(seed);
        try (PDDocument source = Loader.loadPDF(pdf.toFile()); PDDocument scan = new PDDocument()) {
            PDFRenderer renderer = new PDFRenderer(source);
            int last = Math.min(to, source.getNumberOfPages());
            for (int i = from - 1; i < last; i++) {
                BufferedImage page = renderer.renderImageWithDPI(i, DPI, ImageType.GRAY);
                // 0.5°..1°, either way: the copier's feeder is never straight.
                double degrees = (0.5 + random.nextDouble() * 0.5) * (random.nextBoolean() ? 1 : -1);
                BufferedImage noisy = noise(rotate(page, degrees), random);
                PDRectangle box = source.getPage(i).getMediaBox();
                PDPage out = new PDPage(new PDRectangle(box.getWidth(), box.getHeight()));
                scan.addPage(out);
                PDImageXObject image = JPEGFactory.createFromImage(scan, noisy, 0.8f);
                try (PDPageContentStream cs = new PDPageContentStream(scan, out)) {
                    cs.drawImage(image, 0, 0, box.getWidth(), box.getHeight());
                }
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            scan.save(bytes);
            return bytes.toByteArray();
        }
    }

    static BufferedImage rotate(BufferedImage image, double degrees) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.rotate(Math.toRadians(degrees), image.getWidth() / 2.0, image.getHeight() / 2.0);
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return out;
    }

    /** Grey grain over the whole page (±25 levels) and dark specks (1 pixel in 2 000), as a copier leaves. */
    static BufferedImage noise(BufferedImage image, Random random) {
        byte[] px = ((java.awt.image.DataBufferByte) image.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < px.length; i++) {
            int v = (px[i] & 0xFF) + (int) (random.nextGaussian() * 12);
            if (random.nextInt(2000) == 0) v = random.nextInt(80);
            px[i] = (byte) Math.max(0, Math.min(255, v));
        }
        return image;
    }

    /** What a fact says in figures: kind and numbers. */
    static String figure(Fact f) {
        return switch (f.kind) {
            case ratio -> "ratio " + f.numerator + "/" + f.denominator + " " + f.percent;
            case percent -> "percent " + f.value + (Boolean.TRUE.equals(f.change) ? " change" : "");
            case count -> "count " + f.value;
        };
    }

    /** The text version's figures on pages {@code from..to} and how many of them the scan gave. */
    record Comparison(int expected, int found, List<String> missing, List<Fact> scanFacts) {
        double share() {
            return expected == 0 ? 1 : (double) found / expected;
        }
    }

    static Comparison compare(Pipeline pipeline, Path pdf, int from, int to, byte[] scan) throws Exception {
        List<Fact> text = pipeline.extract(pdf, pdf.toString()).facts();
        Path tmp = Files.createTempFile("scan", ".pdf");
        try {
            Files.write(tmp, scan);
            List<Fact> ocr = pipeline.extract(tmp, "scan.pdf").facts();
            Map<String, Integer> available = new HashMap<>();
            for (Fact f : ocr) available.merge(figure(f), 1, Integer::sum);
            int expected = 0, found = 0;
            List<String> missing = new ArrayList<>();
            for (Fact f : text) {
                if (f.source.page() == null || f.source.page() < from || f.source.page() > to) continue;
                expected++;
                String key = figure(f);
                if (available.getOrDefault(key, 0) > 0) {
                    available.merge(key, -1, Integer::sum);
                    found++;
                } else {
                    missing.add("p" + f.source.page() + " " + key + " ← " + f.text);
                }
            }
            return new Comparison(expected, found, missing, ocr);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * The full-seed measure (every page of both seeds), too slow for the unit tests. Run it with
     * {@code mvn -q -o test -Dtest=ScanOcrTest -Dsolieu.slow=true}, or directly:
     * {@code mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt} then
     * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) vn.solieu.ingest.Scans}.
     */
    public static void main(String[] args) throws Exception {
        Pipeline pipeline = Pipeline.load(Path.of("extraction-rules"));
        for (String seed : new String[] {"corpus/000_f89939e2e8bd4875.pdf", "corpus/002_8f33f48acc798cc2.pdf"}) {
            Path pdf = Path.of(seed);
            long t0 = System.nanoTime();
            byte[] scan = scan(pdf, 1, 999, 42);
            long t1 = System.nanoTime();
            Comparison c = compare(pipeline, pdf, 1, 999, scan);
            long t2 = System.nanoTime();
            System.out.printf("%s: %d of %d text-version figures found on the 300 dpi noisy scan (%.1f%%); scan made in %.1f s, extracted in %.1f s%n",
                    pdf.getFileName(), c.found(), c.expected(), 100 * c.share(), (t1 - t0) / 1e9, (t2 - t1) / 1e9);
            for (String m : c.missing()) System.out.println("  missing " + m);
        }
    }
}
