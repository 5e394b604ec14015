package vn.solieu.eval;

import org.junit.jupiter.api.Test;
import vn.solieu.facts.Fact;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class FactScorerTest {
    static Fact ratio(double n, double d, Double pct, String unit, String label) {
        Fact f = new Fact();
        f.kind = Fact.Kind.ratio;
        f.numerator = n;
        f.denominator = d;
        f.percent = pct;
        f.unit = unit;
        f.indicator = label;
        return f;
    }

    static Map<String, Object> expectRatio(long n, long d, Object pct, String unit, String label) {
        Map<String, Object> m = new HashMap<>();
        m.put("kind", "ratio");
        m.put("numerator", n);
        m.put("denominator", d);
        m.put("percent", pct);
        m.put("unit", unit);
        m.put("indicator", label);
        return m;
    }

    @Test
    void sameKindNumbersAndUnitMatch() {
        Score s = FactScorer.score(List.of(expectRatio(1512, 1546, 97.8, "hồ sơ", "Đăng ký, cấp biển số mô tô, xe gắn máy")),
                List.of(ratio(1512, 1546, 97.8, "Hồ sơ", "cấp biển số mô tô, xe gắn máy")));
        assertEquals(1, s.total().matched);
        assertEquals(1.0, s.precision());
        assertEquals(1.0, s.recall());
        assertEquals(8.0 / 10, s.labelOverlap(), 1e-9, "8 of the 10 folded words of the expected label");
    }

    @Test
    void aMissingPercentOrAnotherUnitIsNoMatchAndSaysWhy() {
        Score s = FactScorer.score(
                List.of(expectRatio(121, 282, 42.9, "cơ sở giáo dục", "thanh toán học phí"), expectRatio(45, 50, null, "xã", "triển khai")),
                List.of(ratio(121, 282, null, "cơ sở giáo dục", "thanh toán học phí"), ratio(45, 50, null, "huyện", "triển khai")));
        assertEquals(0, s.total().matched);
        assertEquals(0.0, s.recall());
        assertEquals(2, s.missCount());
        assertTrue(s.misses().get(0).reason().contains("percent"), s.misses().get(0).reason());
        assertTrue(s.misses().get(1).reason().contains("unit"), s.misses().get(1).reason());
        assertEquals(2, s.extraCount());
    }

    @Test
    void eachProducedFactMatchesOnceAndScoresAddUp() {
        Score a = FactScorer.score(List.of(expectRatio(4, 4, null, "hồ sơ", "Khai báo tạm vắng"), expectRatio(4, 4, null, "hồ sơ", "Thay đổi chủ thể hợp đồng mua bán điện")),
                List.of(ratio(4, 4, null, "hồ sơ", "Thay đổi chủ thể hợp đồng mua bán điện")));
        assertEquals(1, a.total().matched);
        assertEquals(0.5, a.recall());
        assertEquals(1.0, a.labelOverlap(), 1e-9, "the produced fact goes to the record with the same label");
        Score b = FactScorer.score(List.of(expectRatio(1, 2, null, null, "x")), List.of(ratio(1, 2, null, null, "x"), ratio(3, 4, null, null, "y")));
        a.add(b);
        assertEquals(3, a.total().expected);
        assertEquals(3, a.total().produced);
        assertEquals(2, a.total().matched);
    }

    @Test
    void labelOverlapFoldsDiacriticsAndIgnoresNumbers() {
        assertEquals(1.0, FactScorer.labelOverlap("Đăng ký thường trú", "dang ky thuong tru 1.229"), 1e-9);
        assertEquals(0.0, FactScorer.labelOverlap("Hội Nông dân", "trẻ em"), 1e-9);
    }
}
