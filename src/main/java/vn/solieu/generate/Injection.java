package vn.solieu.generate;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An inconsistency written into a report on purpose, for one audit check. {@code secondary}
 * marks a finding that follows from another injection (an over-one ratio is also far from the
 * other provinces' rates): it may be found without being a false alarm, but recall counts only
 * primary injections.
 */
public record Injection(String check, String file, String province, String reportPeriod, String indicatorId,
                        String description, Map<String, Object> figures, boolean secondary) {

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("check", check);
        m.put("file", file);
        m.put("province", province);
        m.put("reportPeriod", reportPeriod);
        m.put("indicatorId", indicatorId);
        m.put("description", description);
        m.put("figures", figures);
        m.put("secondary", secondary);
        return m;
    }
}
