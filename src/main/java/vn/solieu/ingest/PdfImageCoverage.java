package vn.solieu.ingest;

import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.util.Matrix;

import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;

/**
 * How much of a page its images cover, as a share of the page area: a scanned page is one
 * image over the whole page. Images are clipped to the page; overlapping images are counted
 * once each, so the share is capped at 1. Text and paths are not read.
 */
final class PdfImageCoverage extends PdfGeometryEngine {
    private final Rectangle2D pageBox;
    private double area;

    private PdfImageCoverage(PDPage page) {
        super(page);
        PDRectangle box = page.getCropBox();
        pageBox = new Rectangle2D.Float(box.getLowerLeftX(), box.getLowerLeftY(), box.getWidth(), box.getHeight());
    }

    static double of(PDPage page) throws IOException {
        PdfImageCoverage c = new PdfImageCoverage(page);
        c.processPage(page);
        double pageArea = c.pageBox.getWidth() * c.pageBox.getHeight();
        return pageArea <= 0 ? 0 : Math.min(1, c.area / pageArea);
    }

    @Override
    public void drawImage(PDImage pdImage) {
        // An image fills the unit square of its transformation matrix.
        Matrix m = getGraphicsState().getCurrentTransformationMatrix();
        Rectangle2D box = null;
        for (float[] corner : new float[][] {{0, 0}, {1, 0}, {0, 1}, {1, 1}}) {
            Point2D.Float p = m.transformPoint(corner[0], corner[1]);
            if (box == null) box = new Rectangle2D.Double(p.x, p.y, 0, 0);
            else box.add(p);
        }
        Rectangle2D visible = box.createIntersection(pageBox);
        if (visible.getWidth() > 0 && visible.getHeight() > 0) area += visible.getWidth() * visible.getHeight();
    }
}
