package vn.solieu.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import vn.solieu.audit.AuditFinding;
import vn.solieu.audit.Auditor;
import vn.solieu.cli.Main;
import vn.solieu.facts.Fact;
import vn.solieu.index.IndexedFacts;
import vn.solieu.text.VietText;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The server on a free port over an index imported from the seed reports (and a few made for the
 * purpose), exercised through HTTP as a program would. The index itself, read back with
 * {@link IndexedFacts}, is the oracle for counts and filters; the auditor for findings.
 */
class WebApiTest {
    static WebServer server;
    static HttpClient http;
    static List<Fact> facts = new ArrayList<>();
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() throws IOException {
        server = WebServer.start(WebFixture.index(), null, "127.0.0.1", 0);
        http = HttpClient.newHttpClient();
        IndexedFacts.forEach(WebFixture.index(), facts::add);
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    record Answer(int status, String type, byte[] body, HttpResponse<byte[]> raw) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() throws IOException {
            assertTrue(type.startsWith("application/json"), "JSON expected, got " + type + ": " + text());
            return JSON.readTree(body);
        }
    }

    static Answer get(String pathAndQuery) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET().build());
    }

    static Answer send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(), r);
    }

    static URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.port() + pathAndQuery);
    }

    static String q(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static long count(Predicate<Fact> p) {
        return facts.stream().filter(p).count();
    }

    static String shaOf(String fileName) throws IOException {
        return WebFixture.sha256(WebFixture.corpus().resolve(fileName));
    }

    // ---- search

    @Test
    void aQueryWithoutDiacriticsFindsPermanentResidenceWithItsQuoteMarkedAndItsSource() throws Exception {
        JsonNode r = get("/api/search?q=" + q("dang ky thuong tru") + "&size=100&each-file=1").json();
        JsonNode hit = null;
        for (JsonNode h : r.get("hits")) {
            if (h.at("/fact/numerator").asDouble() == 1229 && h.at("/fact/source/file").asText().endsWith(".txt")) hit = h;
        }
        assertNotNull(hit, "the 1229/1229 figure of Bắc Kạn is found: " + r);
        assertEquals("Đăng ký thường trú", hit.at("/fact/indicator").asText());
        JsonNode mark = hit.get("marks").get(0);
        assertEquals("Đăng ký thường trú", hit.get("quote").asText().substring(mark.get(0).asInt(), mark.get(1).asInt()));
        assertEquals(100.0, hit.get("computedPercent").asDouble());
        String sha = hit.at("/fact/source/sha256").asText();
        assertEquals("/passage/" + sha + "?start=" + hit.at("/fact/source/start").asInt() + "&end=" + hit.at("/fact/source/end").asInt() + "#mark",
                hit.get("source").asText(), "a text file links to the passage");
        assertEquals("/report/" + sha + "#f-" + hit.at("/fact/id").asText(), hit.get("report").asText());

        JsonNode pdfHit = null;
        for (JsonNode h : r.get("hits")) if (h.at("/fact/source/file").asText().endsWith(".pdf")) pdfHit = h;
        assertNotNull(pdfHit, "the PDF copy is found too");
        assertEquals("/file/" + pdfHit.at("/fact/source/sha256").asText() + "#page=" + pdfHit.at("/fact/source/page").asInt(),
                pdfHit.get("source").asText(), "a PDF links to its page");

        // By default the figure is one hit, naming the report's other files.
        JsonNode folded = get("/api/search?q=" + q("dang ky thuong tru") + "&size=100").json();
        assertEquals(r.get("total").asLong(), folded.get("total").asLong(), "the same facts match");
        assertEquals(folded.get("hits").size(), folded.get("figures").asLong());
        List<JsonNode> residence = new ArrayList<>();
        for (JsonNode h : folded.get("hits")) if (h.at("/fact/numerator").asDouble() == 1229) residence.add(h);
        assertEquals(1, residence.size(), folded.toString());
        List<String> files = new ArrayList<>(List.of(residence.get(0).at("/fact/source/file").asText()));
        for (JsonNode c : residence.get(0).get("copies")) {
            files.add(c.get("file").asText());
            assertEquals("/report/" + c.get("sha256").asText() + "#f-" + c.get("id").asText(), c.get("report").asText());
            if (c.get("file").asText().endsWith(".pdf")) assertEquals(hit.at("/fact/source/page").asInt(), c.get("page").asInt());
        }
        List<String> each = new ArrayList<>();
        for (JsonNode h : r.get("hits")) if (h.at("/fact/numerator").asDouble() == 1229) each.add(h.at("/fact/source/file").asText());
        assertTrue(each.size() > 1, "the fixture keeps the report in several formats: " + each);
        assertEquals(each.stream().sorted().toList(), files.stream().sorted().toList());
    }

    @Test
    void filtersSelectExactlyWhatTheIndexHolds() throws Exception {
        assertEquals(count(f -> "Bắc Kạn".equals(f.province)), get("/api/search?province=" + q("bac kan")).json().get("total").asLong());
        assertEquals(count(f -> "2024-03".equals(f.reportPeriod)), get("/api/search?period=2024-03").json().get("total").asLong());
        assertEquals(count(f -> f.kind == Fact.Kind.percent), get("/api/search?kind=percent").json().get("total").asLong());
        long residence = count(f -> "dvc.dang_ky_thuong_tru".equals(f.indicatorId));
        assertTrue(residence >= 4, "four reports give the permanent-residence figure");
        JsonNode r = get("/api/search?indicator=dvc.dang_ky_thuong_tru&kind=ratio&size=100").json();
        assertTrue(r.get("total").asLong() >= residence);
        Set<String> provinces = new HashSet<>();
        for (JsonNode h : r.get("hits")) provinces.add(h.at("/fact/province").asText());
        assertTrue(provinces.containsAll(Set.of("Bắc Kạn", "Lạng Sơn")), provinces.toString());
        JsonNode both = get("/api/search?province=" + q("Bắc Kạn") + "&period=2024-03&kind=ratio&size=100").json();
        assertEquals(count(f -> "Bắc Kạn".equals(f.province) && "2024-03".equals(f.reportPeriod) && f.kind == Fact.Kind.ratio),
                both.get("total").asLong());
        for (JsonNode h : both.get("hits")) assertEquals("2024-03", h.at("/fact/reportPeriod").asText());

        // The same period written in the words: filtered alike, and echoed back.
        JsonNode typed = get("/api/search?q=" + q("Bắc Kạn tháng 3/2024") + "&kind=ratio&size=100").json();
        assertEquals("2024-03", typed.get("queryPeriod").asText());
        assertEquals(both.get("total").asLong(), typed.get("total").asLong());
        assertNull(get("/api/search?q=" + q("Bắc Kạn") + "&size=1").json().get("queryPeriod"));
    }

    @Test
    void aProvinceCanBeFollowedAcrossTheMergerOnTheApiAndThePage() throws Exception {
        // The fixture's reports are of 2024: Bắc Kạn's land became part of Thái Nguyên in July 2025.
        long bacKan = count(f -> "Bắc Kạn".equals(f.province));
        assertTrue(bacKan > 0);
        assertEquals(0, get("/api/search?province=" + q("Thái Nguyên")).json().get("total").asLong());
        JsonNode land = get("/api/search?province=" + q("Thái Nguyên") + "&territory=1").json();
        assertEquals(bacKan, land.get("total").asLong());
        List<String> units = new ArrayList<>();
        for (JsonNode u : land.get("territory")) units.add(u.get("province").asText() + " " + u.get("to").asText());
        assertTrue(units.contains("Bắc Kạn 2025-06-30"), units.toString());

        String offered = get("/search?province=" + q("Thái Nguyên")).text();
        assertTrue(offered.contains("Gồm cả địa bàn sáp nhập năm 2025: Bắc Kạn (đến 30/6/2025)"), offered);
        assertTrue(offered.contains("territory=1"), "the page links to the search with the land");
        String applied = get("/search?province=" + q("Thái Nguyên") + "&territory=1").text();
        long figures = land.get("figures").asLong();
        assertTrue(figures < bacKan, "the fixture keeps reports in several formats");
        assertTrue(applied.contains("Tìm thấy " + figures + " số liệu (" + bacKan + " lượt trong các tệp"), applied);
        assertTrue(applied.contains("name=\"territory\""), "a new query in the box keeps the land");
    }

    @Test
    void facetsCountTheMatchingFacts() throws Exception {
        JsonNode all = get("/api/facets").json();
        assertEquals(facts.size(), all.get("total").asLong());
        assertEquals(count(f -> "Bắc Kạn".equals(f.province)), facet(all, "province", "Bắc Kạn"));
        assertEquals(count(f -> "2024-02".equals(f.reportPeriod)), facet(all, "reportPeriod", "2024-02"));
        long kinds = 0;
        for (JsonNode c : all.at("/facets/kind")) kinds += c.get("count").asLong();
        assertEquals(facts.size(), kinds, "every fact has one kind");

        JsonNode narrowed = get("/api/search?q=" + q("thường trú") + "&size=1").json();
        JsonNode facetsOnly = get("/api/facets?q=" + q("thường trú")).json();
        assertEquals(narrowed.get("total"), facetsOnly.get("total"));
        assertEquals(narrowed.get("facets"), facetsOnly.get("facets"));

        // Clicking a facet value selects exactly the facts it counted.
        for (JsonNode c : facetsOnly.at("/facets/indicator")) {
            JsonNode r = get("/api/search?q=" + q("thường trú") + "&indicator-label=" + q(c.get("value").asText())).json();
            assertEquals(c.get("count").asLong(), r.get("total").asLong(), c.toString());
            for (JsonNode h : r.get("hits")) assertEquals(c.get("value").asText(), h.at("/fact/indicator").asText());
        }
    }

    private static long facet(JsonNode r, String dim, String value) {
        for (JsonNode c : r.at("/facets/" + dim)) if (c.get("value").asText().equals(value)) return c.get("count").asLong();
        return 0;
    }

    @Test
    void largeResultsArePagedWithoutLossOrRepeats() throws Exception {
        // Every file's fact (each-file=1), then each figure once (copies of a report folded).
        for (String mode : List.of("&each-file=1", "")) {
            JsonNode first = get("/api/search?province=" + q("Bắc Kạn") + "&kind=ratio&size=1" + mode).json();
            long total = mode.isEmpty() ? first.get("figures").asLong() : first.get("total").asLong();
            assertTrue(total > 30, "enough ratios to page through: " + total);
            Set<String> seen = new HashSet<>();
            int pages = 0;
            for (int page = 1; ; page++) {
                JsonNode r = get("/api/search?province=" + q("Bắc Kạn") + "&kind=ratio&size=25&facets=false&page=" + page + mode).json();
                assertEquals(25, r.get("size").asInt());
                assertEquals((total + 24) / 25, r.get("pages").asLong());
                assertNull(r.get("facets"));
                if (r.get("hits").isEmpty()) break;
                assertTrue(r.get("hits").size() <= 25);
                for (JsonNode h : r.get("hits")) {
                    assertTrue(seen.add(h.at("/fact/id").asText()), "no fact twice");
                    for (JsonNode c : h.get("copies")) assertTrue(seen.add(c.get("id").asText()), "no copy twice");
                }
                pages++;
            }
            assertEquals(first.get("total").asLong(), seen.size(), "every fact, as a hit or a copy named by one");
            assertEquals((total + 24) / 25, pages);
        }
        assertEquals(400, get("/api/search?size=101").status());
        assertEquals(400, get("/api/search?page=0").status());
        assertEquals(400, get("/api/search?size=100&page=101").status(), "deeper than 10 000 results is refused");
    }

    @Test
    void hitsComeInTheAskedOrderOnEveryPageAndTheSearchPageOffersTheOrders() throws Exception {
        String ratios = "/api/search?kind=ratio&facets=false&each-file=1&size=100&sort=";
        List<String> periods = new ArrayList<>();
        JsonNode latestFirst = get(ratios + "period:desc").json();
        for (JsonNode h : latestFirst.get("hits")) periods.add(h.at("/fact/reportPeriod").asText());
        assertEquals(Math.min(100, count(f -> f.kind == Fact.Kind.ratio)), periods.size());
        assertEquals(periods.stream().sorted(java.util.Comparator.reverseOrder()).toList(), periods);
        assertTrue(periods.stream().distinct().count() > 1, "the fixture spans several periods");

        List<Double> denominators = new ArrayList<>();
        for (int page = 1; page <= 3; page++) {
            for (JsonNode h : get(ratios + "denominator&size=10&page=" + page).json().get("hits")) denominators.add(h.at("/fact/denominator").asDouble());
        }
        List<Double> smallest = facts.stream().filter(f -> f.kind == Fact.Kind.ratio).map(f -> f.denominator).sorted().limit(30).toList();
        assertEquals(smallest, denominators);

        Answer bad = get("/api/search?sort=size");
        assertEquals(400, bad.status());
        assertTrue(bad.text().contains("unknown sort key"), bad.text());
        String page = get("/search?q=" + q("hồ sơ") + "&sort=percent:desc").text();
        assertTrue(page.contains("Sắp xếp") && page.contains("aria-current=\"true\">Tỷ lệ cao → thấp"), page);
    }

    @Test
    void passagesSearchTheFullTextOfReports() throws Exception {
        JsonNode r = get("/api/search?passages=1&q=" + q("thuong tru")).json();
        assertTrue(r.get("total").asLong() >= 3);
        JsonNode first = r.get("hits").get(0);
        assertNotNull(first.get("passage").asText());
        StringBuilder marked = new StringBuilder();
        for (JsonNode m : first.get("marks")) marked.append(first.get("passage").asText(), m.get(0).asInt(), m.get(1).asInt()).append(' ');
        String folded = VietText.fold(marked.toString()).toLowerCase();
        assertTrue(folded.contains("thuong") && folded.contains("tru"), marked.toString());
    }

    // ---- facts

    @Test
    void factsAreTheContractRecordsAndOneCanBeFetchedById() throws Exception {
        JsonNode r = get("/api/facts?province=" + q("Lạng Sơn")).json();
        assertEquals(count(f -> "Lạng Sơn".equals(f.province)), r.get("total").asLong());
        JsonNode record = r.get("facts").get(0);
        List<String> keys = new ArrayList<>();
        record.fieldNames().forEachRemaining(keys::add);
        assertEquals("kind", keys.get(0), "contract order: " + keys);
        assertTrue(keys.containsAll(List.of("indicator", "indicatorId", "section", "province", "period", "reportPeriod", "source", "text", "rule", "id")));

        String id = record.get("id").asText();
        assertEquals(record, get("/api/facts/" + id).json());
        Answer missing = get("/api/facts/no-such-fact");
        assertEquals(404, missing.status());
        assertEquals(404, missing.json().get("status").asInt());
        assertTrue(missing.json().get("error").asText().contains("no-such-fact"));
    }

    // ---- findings

    @Test
    void findingsAreTheAuditorsWithTheKnownMismatchAndItsEvidence() throws Exception {
        List<AuditFinding> expected = Auditor.withRules(null).run(facts);
        JsonNode all = get("/api/findings?size=100").json();
        assertEquals(expected.size(), all.get("total").asInt());

        JsonNode mismatch = null;
        for (JsonNode f : all.get("findings")) {
            if (f.get("check").asText().equals("percent_mismatch") && f.get("message").asText().startsWith("9/27")) mismatch = f;
        }
        assertNotNull(mismatch, "the seed's 9/27 ≠ 32,76% is found");
        assertEquals("warning", mismatch.get("severity").asText());
        assertEquals("Bắc Giang", mismatch.get("province").asText());
        JsonNode evidence = mismatch.get("evidence").get(0);
        assertTrue(evidence.get("quote").asText().contains("9/27"));
        String link = mismatch.get("links").get(0).get("source").asText();
        assertTrue(link.startsWith("/passage/" + shaOf(WebFixture.BAC_GIANG + ".txt")), link);

        JsonNode onlyMismatch = get("/api/findings?check=percent_mismatch&size=100").json();
        assertEquals(expected.stream().filter(f -> f.check().equals("percent_mismatch")).count(), onlyMismatch.get("total").asLong());
        for (JsonNode f : onlyMismatch.get("findings")) assertEquals("percent_mismatch", f.get("check").asText());
        JsonNode errors = get("/api/findings?severity=error&province=" + q("bac giang")).json();
        assertEquals(expected.stream().filter(f -> f.severity() == AuditFinding.Severity.error && "Bắc Giang".equals(f.province())).count(),
                errors.get("total").asLong());
        assertTrue(errors.get("total").asLong() > 0, "the seed's parts that do not add up (376 + 342 ≠ 708) are errors");
        assertEquals(expected.stream().filter(f -> f.check().equals("parts_vs_total")).count(),
                onlyMismatch.at("/counts/check/parts_vs_total").asLong(), "facet counts ignore the dimension's own filter");
        assertEquals(400, get("/api/findings?check=nonsense").status());
        assertEquals(400, get("/api/findings?severity=fatal").status());
    }

    // ---- reports

    @Test
    void reportsListEveryImportedFileAndGiveTheirTextWithTheirFacts() throws Exception {
        JsonNode list = get("/api/reports?size=100").json();
        assertEquals(WebFixture.summary().imported(), list.get("total").asLong());
        JsonNode bacKan = get("/api/reports?province=" + q("bac kan") + "&period=2024-02").json();
        assertEquals(2, bacKan.get("total").asInt(), "the Bắc Kạn report as text and as PDF: " + bacKan);

        String sha = shaOf(WebFixture.BAC_KAN + ".txt");
        JsonNode r = get("/api/reports/" + sha).json();
        assertEquals("Bắc Kạn", r.get("province").asText());
        assertEquals("2024-02", r.get("reportPeriod").asText());
        assertTrue(r.get("title").asText().contains("Bắc Kạn"));
        String text = r.get("text").asText();
        List<Fact> own = facts.stream().filter(f -> f.source.sha256().equals(sha)).toList();
        assertEquals(own.size(), r.get("facts").size());
        JsonNode residence = null;
        for (JsonNode f : r.get("facts")) if (f.path("numerator").asDouble() == 1229) residence = f;
        assertNotNull(residence);
        assertEquals("1229/1229 hồ sơ", text.substring(residence.at("/source/start").asInt(), residence.at("/source/end").asInt()),
                "fact offsets point into the stored text");
        assertEquals(404, get("/api/reports/" + "0".repeat(64)).status());
        assertEquals(404, get("/api/reports/" + sha.toUpperCase()).status());
    }

    // ---- indicators

    @Test
    void anIndicatorGivesItsRateByProvinceAndPeriodAsJsonAndCsv() throws Exception {
        JsonNode t = get("/api/indicators/dvc.dang_ky_thuong_tru").json();
        assertEquals("Đăng ký thường trú", t.get("name").asText());
        List<String> periods = new ArrayList<>();
        t.get("periods").forEach(p -> periods.add(p.asText()));
        assertEquals(List.of("2024-01", "2024-02", "2024-03"), periods);
        JsonNode bacKan = null, langSon = null;
        for (JsonNode row : t.get("provinces")) {
            if (row.get("province").asText().equals("Bắc Kạn")) bacKan = row;
            if (row.get("province").asText().equals("Lạng Sơn")) langSon = row;
        }
        assertNotNull(bacKan);
        assertEquals(100.0, bacKan.at("/rates/2024-02").asDouble(), "1229/1229");
        assertEquals(92.86, bacKan.at("/rates/2024-03").asDouble(), "1300/1400");
        assertTrue(bacKan.at("/rates/2024-01").isNull());
        assertEquals(50.0, langSon.at("/rates/2024-01").asDouble(), "5/10");
        assertEquals(2, bacKan.at("/sources/2024-02").size(), "the Bắc Kạn report as text and PDF");

        Answer csv = get("/api/indicators/dvc.dang_ky_thuong_tru/table.csv");
        assertEquals(200, csv.status());
        assertTrue(csv.type().startsWith("text/csv"));
        assertArrayEquals(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, java.util.Arrays.copyOf(csv.body(), 3), "UTF-8 BOM for Excel");
        List<String> lines = csv.text().substring(1).lines().toList();
        assertEquals("Tỉnh,2024-01,2024-02,2024-03", lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.matches("\"?Bắc Kạn\"?,,100.00,92.86")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.matches("\"?Lạng Sơn\"?,50.00,,")), lines.toString());
        assertTrue(csv.raw().headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));

        JsonNode list = get("/api/indicators").json();
        assertTrue(list.get("indicators").size() > 10);
        assertEquals(404, get("/api/indicators/no.such.indicator").status());
    }

    // ---- errors, methods, escaping, safety

    @Test
    void errorsAreJsonWithAFittingStatus() throws Exception {
        Answer notFound = get("/api/nothing-here");
        assertEquals(404, notFound.status());
        assertEquals(404, notFound.json().get("status").asInt());
        assertFalse(notFound.json().get("error").asText().isBlank());

        Answer badKind = get("/api/search?kind=fraction");
        assertEquals(400, badKind.status());
        assertTrue(badKind.json().get("error").asText().contains("kind"));
        assertEquals(400, get("/api/search?provnce=x").status(), "a misspelt parameter is refused, not ignored");
        assertEquals(400, get("/api/search?period-from=soon").status());
        assertEquals(400, get("/api/search?min-percent=many").status());

        for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
            Answer a = send(HttpRequest.newBuilder(uri("/api/search")).method(method, HttpRequest.BodyPublishers.ofString("{}")).build());
            assertEquals(405, a.status(), method);
            assertEquals(405, a.json().get("status").asInt());
            assertEquals("GET, HEAD", a.raw().headers().firstValue("Allow").orElse(""));
        }
        Answer head = send(HttpRequest.newBuilder(uri("/api/stats")).method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(200, head.status());
        assertEquals(0, head.body().length);
        assertEquals(404, get("/no-such-page").status());
        assertTrue(get("/no-such-page").type().startsWith("text/html"));
    }

    @Test
    void markupInAReportIsShownAsTextOnEveryPage() throws Exception {
        String sha = shaOf("lang-son-markup.txt");
        String factId = facts.stream().filter(f -> f.source.sha256().equals(sha) && f.numerator == 5).findFirst().orElseThrow().id;
        for (String page : List.of("/search?q=alert", "/search?province=" + q("Lạng Sơn"), "/report/" + sha,
                "/passage/" + sha + "?start=0&end=10", "/indicator?id=dvc.dang_ky_thuong_tru", "/search?q=" + q(WebFixture.SCRIPT))) {
            Answer a = get(page);
            assertEquals(200, a.status(), page);
            String html = a.text();
            assertFalse(html.contains(WebFixture.SCRIPT), page + " shows the report's <script> as markup");
            assertFalse(html.contains("<img src=x"), page);
            assertFalse(html.contains("<b>x</b>"), page);
            assertEquals(2, html.split("<script", -1).length, page + ": only the app's own script tag");
            assertTrue(a.raw().headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"), page);
        }
        String search = get("/search?q=alert").text();
        assertTrue(search.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "shown as text");
        assertTrue(get("/report/" + sha).text().contains("id=\"f-" + factId + "\""), "the fact is marked in the report");
    }

    @Test
    void filesAreServedOnlyIfImportedAndUnchanged() throws Exception {
        Answer pdf = get("/file/" + shaOf(WebFixture.BAC_KAN + ".pdf"));
        assertEquals(200, pdf.status());
        assertEquals("application/pdf", pdf.type());
        assertArrayEquals(Files.readAllBytes(WebFixture.corpus().resolve(WebFixture.BAC_KAN + ".pdf")), pdf.body());
        assertTrue(pdf.raw().headers().firstValue("Content-Disposition").orElse("").startsWith("inline"));

        byte[] entry;
        try (ZipFile zip = new ZipFile(WebFixture.corpus().resolve("archive.zip").toFile());
             InputStream in = zip.getInputStream(zip.getEntry("cao-bang/cao-bang-2024-02.txt"))) {
            entry = in.readAllBytes();
        }
        Answer zipped = get("/file/" + vn.solieu.ingest.Ingest.sha256(entry));
        assertEquals(200, zipped.status(), "an archive entry is read from its archive");
        assertArrayEquals(entry, zipped.body());

        // Not imported: a file on disk (the project's own pom.xml), by its hash, and paths of every shape.
        assertEquals(404, get("/file/" + WebFixture.sha256(Path.of("pom.xml"))).status());
        for (String attempt : List.of("/file/..%2F..%2F..%2Fetc%2Fpasswd", "/file/../../etc/passwd", "/file/%2Fetc%2Fpasswd",
                "/file/" + q(WebFixture.corpus().resolve(WebFixture.BAC_KAN + ".pdf").toString()),
                "/static/..%2F..%2Fpom.xml", "/static/../../pom.xml", "/passage/..%2Fetc%2Fpasswd?start=0&end=1",
                "/api/reports/..%2F..%2Fetc%2Fpasswd", "/report/%2e%2e%2f%2e%2e%2fpom.xml")) {
            Answer a = send(HttpRequest.newBuilder(uri(attempt)).GET().build());
            assertEquals(404, a.status(), attempt);
            assertFalse(a.text().contains("<modelVersion>") || a.text().contains("root:"), attempt);
        }

        // Imported, then changed on disk: its bytes no longer have the recorded hash.
        Path changing = WebFixture.corpus().resolve("ha-giang-changing.txt");
        String sha = WebFixture.sha256(changing);
        assertEquals(200, get("/file/" + sha).status());
        Files.writeString(changing, WebFixture.CHANGING_REPORT.replace("3/4", "4/4"), StandardCharsets.UTF_8);
        Answer changed = get("/file/" + sha);
        assertEquals(404, changed.status());
        assertTrue(changed.text().contains("changed"), changed.text());
    }

    @Test
    void aPassageShowsTheFigureMarkedAndRefusesOffsetsOutsideTheText() throws Exception {
        Fact residence = facts.stream().filter(f -> f.numerator != null && f.numerator == 1229 && f.source.file().endsWith(".txt")).findFirst().orElseThrow();
        Answer a = get("/passage/" + residence.source.sha256() + "?start=" + residence.source.start() + "&end=" + residence.source.end());
        assertEquals(200, a.status());
        assertTrue(a.text().contains("<mark id=\"mark\" class=\"fact target\">1229/1229 hồ sơ</mark>"), a.text());
        assertTrue(a.text().contains("Đăng ký thường trú"), "with the lines around it");
        assertEquals(400, get("/passage/" + residence.source.sha256() + "?start=0&end=99999999").status());
        assertEquals(400, get("/passage/" + residence.source.sha256() + "?start=20&end=10").status());
        assertEquals(400, get("/passage/" + residence.source.sha256()).status());
    }

    @Test
    void listensOnLoopbackByDefaultAndAnswersOnlyToLocalNames() throws Exception {
        CommandLine serve = new CommandLine(new Main()).getSubcommands().get("serve");
        assertNotNull(serve, "solieu serve is registered");
        assertEquals("127.0.0.1", serve.getCommandSpec().findOption("--host").defaultValue());
        assertTrue(java.net.InetAddress.getByName(server.uri().getHost()).isLoopbackAddress());
        assertEquals(421, rawStatus("evil.example"), "a foreign Host (DNS rebinding) is refused");
        assertEquals(200, rawStatus("localhost:" + server.port()));
    }

    private static int rawStatus(String host) throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            OutputStream out = s.getOutputStream();
            out.write(("GET /api/stats HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            s.getInputStream().transferTo(buf);
            String status = buf.toString(StandardCharsets.US_ASCII).lines().findFirst().orElse("");
            return Integer.parseInt(status.split(" ")[1]);
        }
    }
}
