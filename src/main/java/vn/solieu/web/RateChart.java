package vn.solieu.web;

import java.util.List;
import java.util.Locale;

/**
 * The rate of one indicator by report period, one line per province, drawn as inline SVG on the
 * server (no script, no chart library). Colours come from the stylesheet's classes s0…s9;
 * beyond ten provinces the lines are also dashed (d1, d2) so that each stays distinguishable.
 */
final class RateChart {
    private RateChart() {}

    static final int WIDTH = 760, HEIGHT = 320;
    private static final int LEFT = 52, RIGHT = 20, TOP = 16, BOTTOM = 44;

    static String seriesClass(int i) {
        return "s" + (i % 10) + " d" + (i / 10 % 3);
    }

    static Html svg(IndicatorTable t) {
        List<String> periods = t.knownPeriods();
        double max = 100;
        for (String prov : t.provinces) for (String p : periods) {
            IndicatorTable.Cell c = t.cell(prov, p);
            if (c != null) max = Math.max(max, c.value());
        }
        double yMax = Math.ceil(max / 25) * 25;
        int plotW = WIDTH - LEFT - RIGHT, plotH = HEIGHT - TOP - BOTTOM;

        Html h = new Html();
        h.open("svg", "xmlns", "http://www.w3.org/2000/svg", "class", "chart", "viewBox", "0 0 " + WIDTH + " " + HEIGHT,
                "role", "img", "aria-label", "Biểu đồ tỷ lệ " + t.name + " theo kỳ báo cáo");
        for (int tick = 0; tick <= yMax; tick += 25) {
            double y = TOP + plotH - tick / yMax * plotH;
            h.open("line", "class", "grid", "x1", fmt(LEFT), "x2", fmt(LEFT + plotW), "y1", fmt(y), "y2", fmt(y)).close("line");
            h.open("text", "class", "ytick", "x", fmt(LEFT - 6), "y", fmt(y + 4), "text-anchor", "end").text(tick + "%").close("text");
        }
        double[] xs = new double[periods.size()];
        for (int i = 0; i < periods.size(); i++) {
            xs[i] = periods.size() == 1 ? LEFT + plotW / 2.0 : LEFT + 20 + i * (plotW - 40.0) / (periods.size() - 1);
            h.open("text", "class", "xtick", "x", fmt(xs[i]), "y", fmt(TOP + plotH + 20), "text-anchor", "middle").text(periods.get(i)).close("text");
        }
        for (int s = 0; s < t.provinces.size(); s++) {
            String prov = t.provinces.get(s);
            StringBuilder points = new StringBuilder();
            h.open("g", "class", "series " + seriesClass(s));
            h.el("title", prov);
            int drawn = 0;
            Html circles = new Html();
            for (int i = 0; i < periods.size(); i++) {
                IndicatorTable.Cell c = t.cell(prov, periods.get(i));
                if (c == null) continue;
                double y = TOP + plotH - c.value() / yMax * plotH;
                points.append(fmt(xs[i])).append(',').append(fmt(y)).append(' ');
                circles.open("circle", "cx", fmt(xs[i]), "cy", fmt(y), "r", "4")
                        .el("title", prov + " · " + periods.get(i) + ": " + Format.percent(c.value()) + (c.conflicting() ? " (các báo cáo ghi khác nhau)" : ""))
                        .close("circle");
                drawn++;
            }
            if (drawn > 1) h.open("polyline", "points", points.toString().strip()).close("polyline");
            h.append(circles);
            h.close("g");
        }
        h.close("svg");
        return h;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
