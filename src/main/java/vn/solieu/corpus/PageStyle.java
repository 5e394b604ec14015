package vn.solieu.corpus;

/**
 * Page geometry and type sizes shared by the writers, in PDF points (1/72 inch).
 *
 * <p>{@link #DEFAULT}: A4; margins 2 cm top and bottom, 3 cm left, 1.5 cm right (the ranges of
 * Vietnam's rules for administrative documents, Nghị định 30/2020/NĐ-CP); body 12 pt. The seeds'
 * lines were set in Times New Roman; in the DejaVu Serif Condensed the PDF embeds, 12 pt on this
 * width keeps all but a handful of seed lines whole (13 pt would wrap about a quarter of them).
 */
public record PageStyle(
        float pageWidth, float pageHeight,
        float marginTop, float marginBottom, float marginLeft, float marginRight,
        float bodySize, float footnoteSize, float markSize, float footerSize,
        float lineSpacing) {

    public static final float POINTS_PER_CM = 72f / 2.54f;

    public static final PageStyle DEFAULT = new PageStyle(
            595.2756f, 841.8898f,
            2f * POINTS_PER_CM, 2f * POINTS_PER_CM, 3f * POINTS_PER_CM, 1.5f * POINTS_PER_CM,
            12f, 10f, 8f, 11f,
            1.2f);

    public PageStyle {
        if (pageWidth <= marginLeft + marginRight) throw new IllegalArgumentException("margins wider than the page");
        if (pageHeight <= marginTop + marginBottom) throw new IllegalArgumentException("margins taller than the page");
        if (markSize >= bodySize) throw new IllegalArgumentException("a superscript mark must be smaller than the body text");
    }

    public float textWidth() {
        return pageWidth - marginLeft - marginRight;
    }

    public float textHeight() {
        return pageHeight - marginTop - marginBottom;
    }

    /** The same style with another body size (marks keep two thirds of it). */
    public PageStyle withBodySize(float size) {
        return new PageStyle(pageWidth, pageHeight, marginTop, marginBottom, marginLeft, marginRight,
                size, footnoteSize, Math.round(size * 2f / 3f), footerSize, lineSpacing);
    }
}
