package vn.solieu.tables;

/** What a table column holds, from its header (extraction-rules/tables.yaml). */
public enum ColumnRole {
    /** Row numbers (STT): never figures. */
    INDEX,
    /** The row's labels: the indicator of every figure in the row. */
    LABEL,
    /** The whole a share is taken of (Tổng số hồ sơ). */
    DENOMINATOR,
    /** The part (Trực tuyến, Đã giải quyết). */
    NUMERATOR,
    /** The stated percentage (Tỷ lệ (%)). */
    PERCENT,
    /** Any other figure column: a count. */
    OTHER
}
