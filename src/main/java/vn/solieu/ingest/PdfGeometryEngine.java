package vn.solieu.ingest;

import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;

import java.awt.geom.Point2D;

/**
 * A page walker for geometry only (rules, image areas): every drawing operation does nothing
 * unless a subclass wants it; the current point is tracked; text is skipped, so fonts are not
 * loaded a second time.
 */
abstract class PdfGeometryEngine extends PDFGraphicsStreamEngine {
    protected Point2D current = new Point2D.Float();

    protected PdfGeometryEngine(PDPage page) {
        super(page);
    }

    @Override public void drawImage(PDImage pdImage) {}
    @Override public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) { current = p0; }
    @Override public void clip(int windingRule) {}
    @Override public void moveTo(float x, float y) { current = new Point2D.Float(x, y); }
    @Override public void lineTo(float x, float y) { current = new Point2D.Float(x, y); }
    @Override public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) { current = new Point2D.Float(x3, y3); }
    @Override public Point2D getCurrentPoint() { return current; }
    @Override public void closePath() {}
    @Override public void endPath() {}
    @Override public void strokePath() {}
    @Override public void fillPath(int windingRule) {}
    @Override public void fillAndStrokePath(int windingRule) {}
    @Override public void shadingFill(COSName shadingName) {}

    @Override
    protected void showText(byte[] string) {}
}
