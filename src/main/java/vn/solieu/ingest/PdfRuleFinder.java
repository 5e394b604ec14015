package vn.solieu.ingest;

import org.apache.pdfbox.contentstream.PDFStreamEngine;
import org.apache.pdfbox.contentstream.operator.OperatorProcessor;
import org.apache.pdfbox.contentstream.operator.graphics.AppendRectangleToPath;
import org.apache.pdfbox.contentstream.operator.graphics.CurveTo;
import org.apache.pdfbox.contentstream.operator.graphics.CurveToReplicateFinalPoint;
import org.apache.pdfbox.contentstream.operator.graphics.CurveToReplicateInitialPoint;
import org.apache.pdfbox.contentstream.operator.graphics.LineTo;
import org.apache.pdfbox.contentstream.operator.graphics.MoveTo;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

import java.awt.geom.Point2D;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the rules on a page: short horizontal ones (the line a word processor draws above the
 * footnotes, a stroke or a thin filled rectangle, a third of the text width or so) and vertical
 * ones (the column borders of ruled tables). Positions are in points from the top of the page,
 * as {@link PdfLine#baseline()} is.
 *
 * <p>It does not walk the page itself: it rides along the text walk of another engine
 * ({@link PdfLineCollector}), which registers {@link #pathOperators()} and so hands it every
 * path segment with that engine's transformation matrix. Reading a page's content stream is most
 * of the cost of a PDF, so the page is read once, not once for text and once for rules.
 */
final class PdfRuleFinder extends PdfGeometryEngine {
    private static final float MIN_LENGTH = 20f;
    private static final float MAX_THICKNESS = 2f;

    private final float pageTop;
    private final float maxLength;
    private final List<Float> rules = new ArrayList<>();
    /** Vertical rules (table cell borders): x, top, bottom, in points, y from the top of the page. */
    private final List<float[]> verticals = new ArrayList<>();
    /** Horizontal segments of any length (table row borders among them): y, left, right, y from the top. */
    private final List<float[]> horizontals = new ArrayList<>();
    /** A vertical border is at least this long: a row of 8 pt text is ~10 pt high. */
    private static final float MIN_VERTICAL = 6f;

    /** The engine walking the page; its graphics state places the path points. */
    private final PDFStreamEngine walker;

    /** A finder for {@code page}, fed by {@code walker}'s walk over it (register {@link #pathOperators()} there). */
    PdfRuleFinder(PDPage page, PDFStreamEngine walker) {
        super(page);
        this.walker = walker;
        PDRectangle box = page.getCropBox();
        this.pageTop = box.getUpperRightY();
        this.maxLength = box.getWidth() * 0.6f;
    }

    /**
     * PDFBox's own path construction operators (m, l, c, v, y, re), reporting to this finder.
     * Painting and clipping operators are not needed: any path segment counts as a rule.
     */
    List<OperatorProcessor> pathOperators() {
        return List.of(new MoveTo(this), new LineTo(this), new CurveTo(this), new CurveToReplicateInitialPoint(this),
                new CurveToReplicateFinalPoint(this), new AppendRectangleToPath(this));
    }

    /** Path points are placed by the walking engine's current transformation matrix, not this engine's own (unused) state. */
    @Override
    public Point2D.Float transformedPoint(float x, float y) {
        return walker.transformedPoint(x, y);
    }

    /** Tops of the short horizontal rules seen so far, in points from the top. */
    List<Float> rules() {
        return rules;
    }

    /**
     * Vertical rules seen so far: the column borders of ruled tables, as {x, top, bottom} with
     * y in points from the top of the page. Strokes, thin filled rectangles and the side edges of
     * cell rectangles all count.
     */
    List<float[]> verticals() {
        return verticals;
    }

    /** Whether vertical rule {@code v} ({x, top, bottom}) runs past a line on {@code baseline} (a point of slack above, two below: descenders). */
    static boolean crosses(float[] v, float baseline) {
        return baseline >= v[1] - 1 && baseline <= v[2] + 2;
    }

    /** Horizontal segments seen so far, as {y, left, right} with y in points from the top of the page: row borders of ruled tables. */
    List<float[]> horizontals() {
        return horizontals;
    }

    private void considerHorizontal(double y, double x0, double x1) {
        horizontals.add(new float[] {(float) (pageTop - y), (float) Math.min(x0, x1), (float) Math.max(x0, x1)});
    }

    private void considerVertical(double x, double y0, double y1) {
        if (Math.abs(y1 - y0) >= MIN_VERTICAL) {
            verticals.add(new float[] {(float) x, (float) (pageTop - Math.max(y0, y1)), (float) (pageTop - Math.min(y0, y1))});
        }
    }

    private void consider(double x0, double y0, double x1, double y1) {
        if (Math.abs(x1 - x0) <= MAX_THICKNESS) considerVertical((x0 + x1) / 2, y0, y1);
        else if (Math.abs(y1 - y0) > MAX_THICKNESS) {
            // A cell drawn as a rectangle: its sides are column borders, its top and bottom row borders.
            considerVertical(x0, y0, y1);
            considerVertical(x1, y0, y1);
            considerHorizontal(y0, x0, x1);
            considerHorizontal(y1, x0, x1);
        } else {
            considerHorizontal((y0 + y1) / 2, x0, x1);
        }
        double length = Math.abs(x1 - x0), thickness = Math.abs(y1 - y0);
        if (length >= MIN_LENGTH && length <= maxLength && thickness <= MAX_THICKNESS) {
            rules.add((float) (pageTop - Math.max(y0, y1)));
        }
    }

    @Override
    public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
        double minX = Math.min(Math.min(p0.getX(), p1.getX()), Math.min(p2.getX(), p3.getX()));
        double maxX = Math.max(Math.max(p0.getX(), p1.getX()), Math.max(p2.getX(), p3.getX()));
        double minY = Math.min(Math.min(p0.getY(), p1.getY()), Math.min(p2.getY(), p3.getY()));
        double maxY = Math.max(Math.max(p0.getY(), p1.getY()), Math.max(p2.getY(), p3.getY()));
        consider(minX, minY, maxX, maxY);
        current = p0;
    }

    @Override
    public void lineTo(float x, float y) {
        consider(current.getX(), current.getY(), x, y);
        current = new Point2D.Float(x, y);
    }
}
