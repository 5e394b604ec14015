package vn.solieu.ingest;

import vn.solieu.text.VietText;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * A scanned page as an image file (PNG, JPEG, TIFF, BMP, GIF): read by OCR, one page per image
 * (a multi-page TIFF gives one page per frame). Page numbers, running heads and the figure
 * repairs are those of OCR pages in PDFs ({@link PdfIngestor}). Every fact from an image is an
 * OCR fact: {@link SourceDocument#ocrPages()} lists each page with the engine's confidence.
 */
public final class ImageIngestor implements Ingestor {
    static final Set<String> TYPES = Set.of("image/png", "image/jpeg", "image/tiff", "image/bmp", "image/x-ms-bmp", "image/gif");

    private final TesseractOcr engine;

    public ImageIngestor() {
        this(new TesseractOcr());
    }

    public ImageIngestor(TesseractOcr engine) {
        this.engine = engine;
    }

    @Override
    public boolean accepts(String mediaType) {
        return TYPES.contains(mediaType);
    }

    @Override
    public SourceDocument read(Path file, String shownName, byte[] bytes, String sha256, String mediaType) throws IngestException {
        checkReadable(bytes, mediaType);
        TesseractOcr.Availability available = TesseractOcr.availability();
        if (!available.available()) throw new IngestException("an image needs OCR, but " + available.reason());
        List<PageOcr.Result> results;
        try {
            results = engine.readImage(bytes);
        } catch (IOException e) {
            throw new IngestException("OCR failed: " + e.getMessage(), e);
        }
        StringBuilder evidence = new StringBuilder();
        for (PageOcr.Result r : results) evidence.append(r.text()).append('\n');
        boolean dotThousands = OcrNumbers.dotThousands(evidence);
        List<List<PdfLine>> pages = new ArrayList<>();
        for (PageOcr.Result r : results) pages.add(PdfIngestor.ocrLines(r, dotThousands));
        pages = PdfLayout.withoutFurniture(pages);

        StringBuilder text = new StringBuilder();
        List<Page> pageSpans = new ArrayList<>();
        List<SourceDocument.OcrPage> ocrPages = new ArrayList<>();
        double sum = 0;
        for (int p = 0; p < pages.size(); p++) {
            if (p > 0) text.append('\f');
            int start = text.length();
            boolean first = true;
            for (PdfLine line : pages.get(p)) {
                if (!first) text.append('\n');
                first = false;
                text.append(line.text());
            }
            pageSpans.add(new Page(p + 1, start, text.length()));
            ocrPages.add(new SourceDocument.OcrPage(p + 1, results.get(p).confidence()));
            sum += results.get(p).confidence();
        }
        if (pageSpans.isEmpty()) throw new IngestException("OCR found no page in the image");
        return new SourceDocument(shownName, sha256, mediaType, VietText.nfc(text.toString()), pageSpans, List.of(), List.of(),
                true, sum / pageSpans.size(), ocrPages, List.of());
    }

    /** A broken image fails here with a plain reason, before an OCR engine is asked. */
    private static void checkReadable(byte[] bytes, String mediaType) throws IngestException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) throw new IngestException("damaged or unreadable image (" + mediaType + ")");
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                int w = reader.getWidth(0), h = reader.getHeight(0);
                if (w <= 0 || h <= 0) throw new IngestException("damaged or unreadable image: no pixels");
                reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new IngestException("damaged or unreadable image (" + mediaType + "): " + e.getMessage(), e);
        }
    }
}
