package vn.solieu.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The pages in a real browser: Debian's headless Chromium driven through chromedriver, as a
 * researcher or auditor would use them: search, filter, open a source, view the findings, an
 * indicator and a report. Screenshots go to target/screenshots/. Skipped when Chromium or
 * chromedriver is not installed (.ci/run installs both).
 */
class WebBrowserTest {
    static final Path SHOTS = Path.of("target", "screenshots");
    static WebServer server;
    static WebDriver browser;
    static ChromeDriverService service;
    static Path profile;
    /** Selenium warns that it has no DevTools bindings for this Chromium; the test does not use DevTools. */
    static final java.util.logging.Logger CDP_LOG = java.util.logging.Logger.getLogger("org.openqa.selenium.devtools");

    @BeforeAll
    static void start() throws IOException {
        Optional<Path> chromium = executable("chromium", "chromium-browser", "google-chrome");
        Optional<Path> driver = executable("chromedriver");
        assumeTrue(chromium.isPresent() && driver.isPresent(), "Chromium and chromedriver are not installed (apt-get install chromium chromium-driver)");

        CDP_LOG.setLevel(java.util.logging.Level.SEVERE);
        server = WebServer.start(WebFixture.index(), null, "127.0.0.1", 0);
        Files.createDirectories(SHOTS);
        profile = Files.createTempDirectory("solieu-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.get().toFile());
        // Without these Chromium tries the network (updates, sync, field trials) and can stall a CI run.
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1000", "--lang=vi", "--user-data-dir=" + profile);
        service = new ChromeDriverService.Builder().usingDriverExecutable(driver.get().toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) browser.quit();
        if (service != null) service.stop();
        if (server != null) server.close();
        if (profile != null) {
            try (Stream<Path> all = Files.walk(profile)) {
                all.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    static Optional<Path> executable(String... names) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            for (String name : names) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    static void open(String path) {
        browser.get("http://127.0.0.1:" + server.port() + path);
    }

    static void shot(String name) throws IOException {
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(SHOTS.resolve(name + ".png"), png);
    }

    static List<WebElement> all(String css) {
        return browser.findElements(By.cssSelector(css));
    }

    /** Waits (up to 20 s) until the browser has navigated to a URL containing {@code part}. */
    static void waitForUrl(String part) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!browser.getCurrentUrl().contains(part)) {
            if (System.nanoTime() > deadline) fail("the browser did not reach a URL with " + part + ": " + browser.getCurrentUrl());
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }

    static WebElement one(String css) {
        return browser.findElement(By.cssSelector(css));
    }

    @Test
    void searchFilterAndOpenTheSourcePassage() throws IOException {
        open("/");
        assertEquals("Tìm kiếm số liệu", one("h1").getText());
        // app.js is served and allowed by the page's CSP: "/" focuses the search box.
        one("body").sendKeys(Keys.ESCAPE);
        browser.switchTo().activeElement().sendKeys("/");
        assertEquals("q", browser.switchTo().activeElement().getAttribute("id"));
        shot("01-search");

        one("#q").clear();
        one("#q").sendKeys("dang ky thuong tru", Keys.ENTER);
        // Enter submits the form; read the cards of the results page, not those of the page it replaces.
        waitForUrl("q=dang");
        List<WebElement> cards = all("article.card");
        assertFalse(cards.isEmpty(), "results for a query typed without diacritics");
        assertTrue(cards.stream().anyMatch(c -> c.findElements(By.cssSelector("blockquote mark")).stream()
                .anyMatch(m -> m.getText().equals("Đăng ký thường trú"))), "the words are highlighted in the quote");
        assertTrue(one(".facets").getText().contains("Tỉnh") && one(".facets").getText().contains("Kỳ báo cáo"));
        shot("02-results");

        String before = one("p.total").getText();
        browser.findElement(By.xpath("//section[@data-dim='reportPeriod']//a[text()='2024-03']")).click();
        assertTrue(browser.getCurrentUrl().contains("period=2024-03"), browser.getCurrentUrl());
        assertNotEquals(before, one("p.total").getText());
        for (WebElement c : all("article.card")) assertTrue(c.findElement(By.cssSelector(".meta")).getText().contains("2024-03"));
        assertTrue(one(".active-filters").getText().contains("Kỳ báo cáo: 2024-03"));
        shot("03-filtered");

        // An indicator's facet count is what clicking it selects.
        WebElement facet = browser.findElement(By.xpath("//section[@data-dim='indicator']//li[a[text()='Đăng ký thường trú']]"));
        int counted = Integer.parseInt(facet.findElement(By.cssSelector(".count")).getText());
        facet.findElement(By.tagName("a")).click();
        assertEquals(counted, all("article.card").size());
        for (WebElement c : all("article.card h3")) assertEquals("Đăng ký thường trú", c.getText());

        WebElement card = all("article.card").stream().filter(c -> c.getText().contains("1.300/1.400")).findFirst().orElseThrow();
        assertTrue(card.findElement(By.cssSelector(".computed")).getText().contains("92,86%"), "the computed percentage");
        card.findElement(By.cssSelector("a.source")).click();
        assertTrue(browser.getCurrentUrl().contains("/passage/"), browser.getCurrentUrl());
        assertEquals("1300/1400 hồ sơ", one("mark#mark").getText());
        assertTrue(one(".page-text").getText().contains("Đăng ký thường trú"));
        shot("04-source-passage");

        browser.findElement(By.linkText("Xem toàn văn báo cáo")).click();
        assertTrue(all("mark.fact").size() > 50, "the report's facts are marked in its text");
        String url = browser.getCurrentUrl();
        assertTrue(url.contains("#f-"), "the passage links to its fact in the report: " + url);
        assertEquals("1300/1400 hồ sơ", one("mark#" + url.substring(url.indexOf('#') + 1)).getText());
        shot("05-report");
    }

    @Test
    void aPdfSourceOpensAtItsPage() throws IOException {
        open("/search?q=" + java.net.URLEncoder.encode("Đăng ký thường trú", java.nio.charset.StandardCharsets.UTF_8));
        // Each figure once, its other files named under it; one click lists every file's.
        int folded = all("article.card").size();
        assertFalse(all("p.copies a").isEmpty(), "a figure names the other files that state it");
        browser.findElement(By.linkText("Hiện riêng từng tệp")).click();
        assertTrue(browser.getCurrentUrl().contains("each-file=1"), browser.getCurrentUrl());
        assertTrue(all("article.card").size() > folded, "every file's fact is a card of its own");
        WebElement link = all("a.source").stream().filter(a -> a.getAttribute("href").contains("#page=")).findFirst().orElseThrow();
        String href = link.getAttribute("href");
        link.click();
        assertTrue(browser.getCurrentUrl().endsWith(href.substring(href.indexOf("/file/"))), browser.getCurrentUrl());
        assertTrue(waitForPdfPage(), "the PDF viewer draws the page");
        shot("06-source-pdf");
    }

    /** The viewer is a plugin, not DOM: wait until a fifth of the screen is white paper (the viewer's own frame is dark grey). */
    static boolean waitForPdfPage() throws IOException {
        long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < until) {
            java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(
                    ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES)));
            long white = 0, all = 0;
            for (int y = 0; y < img.getHeight(); y += 4) {
                for (int x = 0; x < img.getWidth(); x += 4) {
                    all++;
                    if ((img.getRGB(x, y) & 0xFFFFFF) == 0xFFFFFF) white++;
                }
            }
            if (white * 5 > all) return true;
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    @Test
    void findingsFilterByCheckAndShowTheirEvidence() throws IOException {
        open("/audit");
        assertEquals("Kiểm tra số liệu", one("h1").getText());
        browser.findElement(By.xpath("//section[@data-dim='check']//a[contains(., 'Phần trăm không khớp')]")).click();
        List<WebElement> findings = all("article.finding");
        assertFalse(findings.isEmpty());
        for (WebElement f : findings) assertEquals("percent_mismatch", f.getAttribute("data-check"));
        WebElement nine = findings.stream().filter(f -> f.getText().contains("9/27 = 33,33%")).findFirst().orElseThrow();
        assertEquals("9/27", nine.findElement(By.cssSelector("blockquote mark")).getText(), "the figure is marked in the evidence");
        assertTrue(nine.getText().contains("Bắc Giang"));
        shot("07-audit");

        browser.findElement(By.xpath("//section[@data-dim='severity']//a[contains(., 'Cảnh báo')]")).click();
        for (WebElement f : all("article.finding")) assertTrue(f.getAttribute("class").contains("sev-warning"));
        nine = all("article.finding").stream().filter(f -> f.getText().contains("9/27")).findFirst().orElseThrow();
        nine.findElement(By.cssSelector("a.source")).click();
        assertEquals("9/27 ngày", one("mark#mark").getText().strip().substring(0, 9));
        shot("08-finding-source");
    }

    @Test
    void anIndicatorIsDrawnAcrossProvincesAndPeriods() throws IOException {
        open("/indicators");
        browser.findElement(By.linkText("Đăng ký thường trú")).click();
        assertEquals("Đăng ký thường trú", one("h1").getText());
        assertFalse(all("svg.chart polyline").isEmpty(), "Bắc Kạn has a line across two periods");
        assertTrue(all("svg.chart circle").size() >= 3);
        assertTrue(one("ul.legend").getText().contains("Lạng Sơn"));
        List<String> heads = all("table.matrix thead th").stream().map(WebElement::getText).toList();
        assertEquals(List.of("Tỉnh", "2024-01", "2024-02", "2024-03"), heads);
        assertTrue(one("a.button").getAttribute("href").endsWith("/table.csv"));
        shot("09-indicator");
    }

    @Test
    void aReportWithMarkupShowsItAsText() throws IOException {
        String sha = WebFixture.sha256(WebFixture.corpus().resolve("lang-son-markup.txt"));
        open("/report/" + sha);
        assertThrows(NoAlertPresentException.class, () -> browser.switchTo().alert(), "no script of the report ran");
        assertTrue(one(".report-text").getText().contains(WebFixture.SCRIPT), "shown as text");
        assertTrue(all(".report-text script, .report-text img, .report-text b").isEmpty());
        shot("10-report-markup");
    }
}
