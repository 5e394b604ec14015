package vn.solieu.rules;

import java.util.List;
import java.util.Map;

/**
 * An example a rule carries: a text and every record it must give (only the fields named are
 * compared; an empty list means the text must give no record at all).
 */
public record RuleExample(String file, String ruleId, String text, List<Map<String, Object>> expect) {
    @Override
    public String toString() {
        return ruleId + ": " + text;
    }
}
