package vn.solieu.web;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The escaping writer every page is built with. */
class HtmlTest {
    @Test
    void textAndAttributeValuesAreEscaped() {
        String hostile = "\"><script>alert('x')</script>&amp;";
        String html = new Html().open("a", "href", hostile, "title", null).text(hostile).close("a").toString();
        assertEquals("<a href=\"&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;amp;\">"
                + "&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;amp;</a>", html);
        assertFalse(html.contains("title"), "a null attribute is left out");
    }

    @Test
    void marksWrapTheirRangesAndSkipOverlapsAndRangesOutsideTheText() {
        String s = "Đăng ký <b>: 12/15";
        String html = new Html().marked(s, List.of(new int[]{0, 7}, new int[]{3, 9}, new int[]{13, 18}, new int[]{17, 40})).toString();
        assertEquals("<mark>Đăng ký</mark> &lt;b&gt;: <mark>12/15</mark>", html);
    }

    @Test
    void vietnameseNumbersAreWrittenTheReportsWay() {
        assertEquals("1.512", Format.number(1512.0));
        assertEquals("33,33%", Format.percent(100.0 * 9 / 27));
        assertEquals("300.307", Format.number(300307.0));
        assertEquals("-0,5", Format.number(-0.5, 2));
    }
}
