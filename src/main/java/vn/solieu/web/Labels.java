package vn.solieu.web;

import vn.solieu.audit.AuditFinding;

import java.util.Map;

/** The Vietnamese words the interface shows for the record's codes. */
final class Labels {
    private Labels() {}

    static final Map<String, String> DIMENSIONS = Map.of(
            "province", "Tỉnh", "reportPeriod", "Kỳ báo cáo", "indicator", "Chỉ tiêu", "kind", "Loại");

    static String kind(String kind) {
        return switch (kind) {
            case "ratio" -> "Tỷ lệ x/y";
            case "percent" -> "Phần trăm";
            case "count" -> "Số lượng";
            default -> kind;
        };
    }

    static String severity(String s) {
        return switch (s) {
            case "error" -> "Lỗi";
            case "warning" -> "Cảnh báo";
            case "info" -> "Lưu ý";
            default -> s;
        };
    }

    static String check(String c) {
        return switch (c) {
            case AuditFinding.RATIO_OVER_ONE -> "Tỷ lệ vượt quá 100%";
            case AuditFinding.PERCENT_MISMATCH -> "Phần trăm không khớp với x/y";
            case AuditFinding.PARTS_VS_TOTAL -> "Các phần không khớp với tổng";
            case AuditFinding.CONFLICTING_DUPLICATE -> "Cùng số liệu, giá trị khác nhau";
            case AuditFinding.CUMULATIVE_DECREASE -> "Số lũy kế giảm";
            case AuditFinding.CROSS_PROVINCE_OUTLIER -> "Khác thường so với các tỉnh";
            case AuditFinding.PERIOD_ANOMALY -> "Thời kỳ bất thường";
            default -> c;
        };
    }

    static String value(String dim, String value) {
        return dim.equals("kind") ? kind(value) : value;
    }
}
