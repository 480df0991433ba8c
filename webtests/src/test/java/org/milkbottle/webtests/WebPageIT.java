package org.milkbottle.webtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The marketplace web page in headless Chromium against the exported runtime: browse, filter and search
 * (with the search in the URL, so Back works), a plugin's details (charts, install snippet and its copy
 * button, README and CHANGELOG from the jar, icon, licence, runtime fit), rating (with a review that tries
 * to inject markup), a refused rating, analytics, and the "not found" page.
 */
class WebPageIT {

    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String ONE_X = "milkbottle.runtime;filter:=\"(&(milkbottle.runtime=milkbottle)(version>=1.0)"
            + "(!(version>=2.0)))\"";
    private static final String TWO_X = "milkbottle.runtime;filter:=\"(&(milkbottle.runtime=milkbottle)(version>=2.0)"
            + "(!(version>=3.0)))\"";
    /** A README that tries every way into the page's markup; the page must show it as text. */
    private static final String README = """
            # Web Tool

            Draws **diagrams** with *style*. See [the docs](https://example.org/docs) or [this](javascript:window.pwned=3).

            <script>window.pwned=1</script>
            <img src=x onerror="window.pwned=2">

            ## Usage

            - install it with `mb:install web.tool`
            - open a diagram

            ```
            <b>not bold</b>
            ```
            """;

    /** An SVG icon that tries to run script: shown as an image, where SVG script does not run. */
    private static final String SVG_ICON = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"32\" height=\"32\">"
            + "<script>window.parent.pwned=4</script><rect width=\"32\" height=\"32\" fill=\"#c33\"/></svg>";

    private static Process runtime;
    private static int port;
    private static WebDriver browser;
    private WebDriverWait wait;

    @BeforeAll
    static void startRuntimeAndBrowser() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM),
                "headless Chromium is not installed (apt-get install chromium chromium-driver; .ci/run does)");
        Path work = Files.createTempDirectory(Files.createDirectories(Path.of(System.getProperty(
                "project.build.directory", "target")).resolve("web")), "run-");
        port = freePort();
        String token = oneShot(work, "mb:market token web").lines().filter(l -> l.startsWith("mbt_")).findFirst()
                .orElseThrow();
        runtime = new ProcessBuilder(java("--headless")).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(work.resolve("runtime.log").toFile()).start();
        awaitUp();
        Map<String, byte[]> files = Map.of("README.md", README.getBytes(StandardCharsets.UTF_8), "CHANGELOG.md",
                "# Changes\n\n## 1.1.0\n\n1. Arrows\n2. Colours\n".getBytes(StandardCharsets.UTF_8), "icons/tool.png",
                png());
        String tool10 = publish(token, jar(tool("1.0.0"), files));
        String tool11 = publish(token, jar(tool("1.1.0"), files));
        Map<String, String> other = plugin("web.other", "Other Thing", "Greets in other ways", "Other Vendor",
                "welcoming", "MIT", ONE_X);
        other.put("Bundle-Icon", "icon.svg");
        publish(token, jar(other, Map.of("README.txt", "Plain *text*, <b>kept</b> as written.\n  indented line\n"
                .getBytes(StandardCharsets.UTF_8), "icon.svg", SVG_ICON.getBytes(StandardCharsets.UTF_8))));
        Map<String, String> future = plugin("web.future", "Future Thing", "Needs the next runtime", "MilkBottle tests",
                "time-travel", "MIT", TWO_X);
        future.put("Bundle-Icon", "evil.png, ../../etc/passwd.png, https://elsewhere.example/icon.png");
        publish(token, jar(future, Map.of("evil.png", "<html><script>alert(1)</script></html>"
                .getBytes(StandardCharsets.UTF_8))));
        download(tool10, 3);
        download(tool11, 2);
        rate("web.other", "ann", 5);
        rate("web.other", "bob", 5);
        rate("web.other", "cyd", 4);

        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1200,900");
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .build(), options);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (runtime != null) {
            runtime.destroy();
            runtime.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @BeforeEach
    void waitFor() {
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    @Test
    void browseSearchAndOpenAPlugin() {
        browser.get(url("/"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("results"), "web.tool"));
        assertThat(browser.findElement(By.id("results")).getText()).contains("Greets in other ways");
        search("diagrams");
        wait.until(ExpectedConditions.textToBe(By.id("result-count"), "1 plugin matching “diagrams”"));
        assertThat(browser.findElements(By.cssSelector("#results li"))).hasSize(1);

        browser.findElement(By.linkText("Web Tool")).click();
        wait.until(ExpectedConditions.textToBe(By.id("d-name"), "web.tool"));
        assertThat(browser.getCurrentUrl()).isEqualTo(url("/plugins/web.tool"));
        assertThat(browser.findElement(By.id("d-version")).getText()).isEqualTo("1.1.0");
        assertThat(browser.findElement(By.id("d-tags")).getText()).contains("diagrams", "drawing");
        assertThat(browser.findElement(By.id("d-versions")).getText()).contains("1.0.0", "1.1.0");
        assertThat(browser.findElement(By.id("d-dependencies")).getText()).contains("package org.osgi.framework");
        assertThat(browser.findElement(By.id("d-downloads")).getText()).isEqualTo("5");
    }

    @Test
    void theDownloadChartHasAxesValuesAndALegendPerVersion() {
        openPlugin("web.tool");
        WebElement chart = browser.findElement(By.cssSelector("#d-chart svg"));
        assertThat(chart.findElement(By.cssSelector(".x-label")).getText()).isEqualTo("Day (UTC)");
        assertThat(chart.findElement(By.cssSelector(".y-label")).getText()).isEqualTo("Downloads");
        assertThat(texts(chart, ".y-tick")).contains("0", "3");
        assertThat(texts(chart, ".x-tick")).hasSize(1).allMatch(t -> t.matches("\\d\\d-\\d\\d"));
        // newest version first, each with its total
        assertThat(texts(chart, ".legend text")).containsExactly("1.1.0 (2)", "1.0.0 (3)");
        assertThat(chart.findElement(By.cssSelector("rect.bar[data-series='1.0.0']")).getAttribute("data-value"))
                .isEqualTo("3");
        assertThat(chart.findElement(By.cssSelector("rect.bar[data-series='1.1.0']")).getAttribute("data-value"))
                .isEqualTo("2");
        assertThat(texts(chart, "text.value")).containsExactly("2", "3");
        // the two versions' bars and legend swatches have the same, different colours
        String newer = chart.findElement(By.cssSelector("rect.bar[data-series='1.1.0']")).getAttribute("fill");
        String older = chart.findElement(By.cssSelector("rect.bar[data-series='1.0.0']")).getAttribute("fill");
        assertThat(newer).isNotEqualTo(older);
        assertThat(chart.findElement(By.cssSelector(".legend-entry[data-series='1.1.0'] .swatch")).getAttribute("fill"))
                .isEqualTo(newer);
    }

    @Test
    void theRatingChartShowsTheDistribution() {
        openPlugin("web.other");
        WebElement chart = browser.findElement(By.cssSelector("#d-ratings-chart svg"));
        assertThat(chart.findElement(By.cssSelector(".x-label")).getText()).isEqualTo("Stars");
        assertThat(chart.findElement(By.cssSelector(".y-label")).getText()).isEqualTo("Ratings");
        assertThat(texts(chart, ".x-tick")).containsExactly("1 ★", "2 ★", "3 ★", "4 ★", "5 ★");
        assertThat(chart.findElements(By.cssSelector("rect.bar"))).extracting(e -> e.getAttribute("data-value"))
                .containsExactly("0", "0", "0", "1", "2");
        assertThat(texts(chart, "text.value")).containsExactly("1", "2");
        assertThat(texts(chart, ".legend text")).containsExactly("ratings (3)");
        // no downloads: the download chart says so instead of drawing empty axes
        assertThat(browser.findElement(By.id("d-chart")).getText()).isEqualTo("No downloads yet.");
    }

    @Test
    void theCopyButtonPutsTheInstallSnippetOnTheClipboard() {
        ((ChromeDriver) browser).executeCdpCommand("Browser.grantPermissions", Map.of("origin", url(""),
                "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
        openPlugin("web.tool");
        String snippet = "mb:repo-add 127.0.0.1 " + url("/repository/") + "\nmb:install web.tool\n";
        assertThat(browser.findElement(By.id("d-snippet")).getText() + "\n").isEqualTo(snippet);
        js("return navigator.clipboard.writeText('something else')");
        browser.findElement(By.id("d-copy")).click();
        wait.until(ExpectedConditions.textToBe(By.id("d-copy-status"), "Copied to the clipboard."));
        Object clipboard = ((JavascriptExecutor) browser).executeAsyncScript(
                "navigator.clipboard.readText().then(arguments[0], e => arguments[0]('refused: ' + e))");
        assertThat(clipboard).isEqualTo(snippet);
    }

    @Test
    void theReadmeAndChangelogAreRenderedWithoutTheirMarkup() {
        openPlugin("web.tool");
        WebElement readme = browser.findElement(By.id("d-readme"));
        assertThat(browser.findElement(By.cssSelector("#d-readme-section h2")).getText()).isEqualTo("Read me (README.md)");
        assertThat(readme.findElement(By.tagName("h3")).getText()).isEqualTo("Web Tool");
        assertThat(readme.findElement(By.tagName("h4")).getText()).isEqualTo("Usage");
        assertThat(readme.findElement(By.tagName("strong")).getText()).isEqualTo("diagrams");
        assertThat(readme.findElement(By.tagName("em")).getText()).isEqualTo("style");
        assertThat(readme.findElements(By.cssSelector("ul li"))).extracting(WebElement::getText)
                .containsExactly("install it with mb:install web.tool", "open a diagram");
        assertThat(readme.findElement(By.cssSelector("li code")).getText()).isEqualTo("mb:install web.tool");
        assertThat(readme.findElement(By.cssSelector("pre code")).getText()).isEqualTo("<b>not bold</b>");
        // only the http(s) link is a link; the javascript: one is its text
        assertThat(readme.findElements(By.tagName("a"))).extracting(a -> a.getAttribute("href"))
                .containsExactly("https://example.org/docs");
        assertThat(readme.getText()).contains("or this.", "<script>window.pwned=1</script>",
                "<img src=x onerror=\"window.pwned=2\">");
        assertThat(readme.findElements(By.cssSelector("script, img, b"))).isEmpty();
        assertThat(js("return window.pwned === undefined")).isEqualTo(true);

        WebElement changelog = browser.findElement(By.id("d-changelog"));
        assertThat(changelog.findElement(By.tagName("h4")).getText()).isEqualTo("1.1.0");
        assertThat(changelog.findElements(By.cssSelector("ol li"))).extracting(WebElement::getText)
                .containsExactly("Arrows", "Colours");
    }

    @Test
    void aPlainTextReadmeAndAnSvgIconAreShownSafely() throws Exception {
        openPlugin("web.other");
        WebElement readme = browser.findElement(By.cssSelector("#d-readme pre.plain"));
        assertThat(browser.findElement(By.cssSelector("#d-readme-section h2")).getText()).isEqualTo("Read me (README.txt)");
        assertThat(js("return document.querySelector('#d-readme pre.plain').textContent"))
                .isEqualTo("Plain *text*, <b>kept</b> as written.\n  indented line\n");
        assertThat(readme.findElements(By.cssSelector("b, em"))).isEmpty();
        assertThat(browser.findElement(By.id("d-changelog-section")).isDisplayed()).isFalse();
        wait.until(d -> js("return document.getElementById('d-icon').complete").equals(true));
        assertThat(js("return document.getElementById('d-icon').naturalWidth")).isEqualTo(32L);
        assertThat(js("return window.pwned === undefined")).isEqualTo(true);

        HttpResponse<String> svg = HTTP.send(HttpRequest.newBuilder(URI.create(url("/plugin-files/web.other/icon")))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(svg.headers().firstValue("Content-Type")).contains("image/svg+xml");
        // opened on its own, the SVG is sandboxed: its script cannot run in the marketplace's origin
        assertThat(svg.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("sandbox");
        // an HTML file named like a PNG, a path out of the jar and an icon elsewhere are no icons
        assertThat(status("/plugin-files/web.future/icon")).isEqualTo(404);
    }

    @Test
    void theMarkdownRendererMakesOnlyItsSafeElements() {
        browser.get(url("/analytics")); // the page's origin and content security policy
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("analytics")));
        assertThat(markdown("[a](javascript:alert(1)) [b](data:text/html,x) [c](JavaScript:x) [d](//evil.example/x) "
                + "[e](http://ok.example/) <https://x.example/a>")).isEqualTo("<p>a b c d "
                        + "<a href=\"http://ok.example/\" rel=\"nofollow noopener noreferrer\">e</a> "
                        + "<a href=\"https://x.example/a\" rel=\"nofollow noopener noreferrer\">https://x.example/a</a></p>");
        assertThat(markdown("![logo](https://img.example/logo.png)")).isEqualTo("<p><a href=\"https://img.example/logo.png\" "
                + "rel=\"nofollow noopener noreferrer\">image: logo</a></p>");
        assertThat(markdown("Title\n=====\n\n**bold *and em*** \\*not em\\* ~~gone~~"))
                .isEqualTo("<h3>Title</h3><p><strong>bold <em>and em</em></strong> *not em* <del>gone</del></p>");
        assertThat(markdown("> quoted <b>x</b> &amp;\n\n1. one\n2. two\n\nafter\n\n    indented <i>code</i>"))
                .isEqualTo("<blockquote><p>quoted &lt;b&gt;x&lt;/b&gt; &amp;amp;</p></blockquote>"
                        + "<ol><li>one</li><li>two</li></ol><p>after</p><pre><code>indented &lt;i&gt;code&lt;/i&gt;</code></pre>");
        assertThat(markdown("<div onmouseover=\"x()\">raw</div>\n<svg/onload=alert(1)>"))
                .isEqualTo("<p>&lt;div onmouseover=\"x()\"&gt;raw&lt;/div&gt; &lt;svg/onload=alert(1)&gt;</p>");
        // a hostile README of 200,000 asterisks is rendered (as text) in reasonable time
        long start = System.nanoTime();
        assertThat(markdown("x" + "*".repeat(200_000))).isEqualTo("<p>x" + "*".repeat(200_000) + "</p>");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void licenceHeadersBecomeNamesAndLinks() {
        browser.get(url("/analytics"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("analytics")));
        assertThat(licences("Apache-2.0")).isEqualTo("[[{\"id\":\"Apache-2.0\",\"name\":\"Apache License 2.0\","
                + "\"url\":\"https://spdx.org/licenses/Apache-2.0.html\"}]]");
        assertThat(licences("mit OR Apache-2.0")).isEqualTo("[[{\"id\":\"MIT\",\"name\":\"MIT License\","
                + "\"url\":\"https://spdx.org/licenses/MIT.html\"},{\"operator\":\"or\"},{\"id\":\"Apache-2.0\","
                + "\"name\":\"Apache License 2.0\",\"url\":\"https://spdx.org/licenses/Apache-2.0.html\"}]]");
        assertThat(licences("http://www.opensource.org/licenses/mit-license.php")).isEqualTo("[[{\"id\":null,"
                + "\"name\":\"http://www.opensource.org/licenses/mit-license.php\",\"url\":"
                + "\"http://www.opensource.org/licenses/mit-license.php\"}]]");
        assertThat(licences("LicenseRef-Acme;description=\"Acme Licence, v2\";link=\"https://acme.example/licence\","
                + " Proprietary;link=\"javascript:alert(1)\"")).isEqualTo("[[{\"id\":\"LicenseRef-Acme\","
                        + "\"name\":\"Acme Licence, v2\",\"url\":\"https://acme.example/licence\"}],"
                        + "[{\"id\":\"Proprietary\",\"name\":\"Proprietary\",\"url\":null}]]");
    }

    @Test
    void iconLicenceAndRuntimeFitAreShown() {
        openPlugin("web.tool");
        WebElement icon = browser.findElement(By.id("d-icon"));
        wait.until(d -> js("return document.getElementById('d-icon').complete").equals(true));
        assertThat(icon.isDisplayed()).isTrue();
        assertThat(js("return document.getElementById('d-icon').naturalWidth")).isEqualTo(16L);
        WebElement licence = browser.findElement(By.cssSelector("#d-license a"));
        assertThat(licence.getText()).isEqualTo("Apache License 2.0");
        assertThat(licence.getAttribute("href")).isEqualTo("https://www.apache.org/licenses/LICENSE-2.0");
        assertThat(browser.findElement(By.id("d-license-badge")).getText()).isEqualTo("licence: Apache-2.0");
        WebElement fit = browser.findElement(By.id("d-compat"));
        assertThat(fit.getAttribute("data-compatible")).isEqualTo("true");
        assertThat(fit.getText()).isEqualTo("✓ works with MilkBottle 1.0.0");
        assertThat(browser.findElement(By.id("d-runtime")).getText()).isEqualTo("1.0 or later, before 2.0");

        // asked for another runtime (the search's runtime filter goes along): no version fits it
        browser.get(url("/plugins/web.tool?runtime=2.0.0"));
        wait.until(ExpectedConditions.attributeToBe(By.id("d-compat"), "data-compatible", "false"));
        assertThat(browser.findElement(By.id("d-compat")).getText())
                .isEqualTo("✗ not for MilkBottle 2.0.0 (needs 1.0 or later, before 2.0)");
        assertThat(browser.findElements(By.cssSelector("#d-versions td.fit"))).extracting(WebElement::getText)
                .containsExactly("✗", "✗");

        openPlugin("web.future");
        assertThat(browser.findElement(By.id("d-compat")).getAttribute("data-compatible")).isEqualTo("false");
        assertThat(browser.findElement(By.id("d-icon")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("d-readme-section")).isDisplayed()).isFalse();
        WebElement mit = browser.findElement(By.cssSelector("#d-license a"));
        assertThat(mit.getText()).isEqualTo("MIT License");
        assertThat(mit.getAttribute("href")).isEqualTo("https://spdx.org/licenses/MIT.html");
    }

    @Test
    void filtersNarrowTheList() {
        browser.get(url("/"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("results"), "web.future"));
        assertThat(names()).contains("web.tool", "web.other", "web.future");

        browser.findElement(By.id("vendor")).sendKeys("Other Vendor");
        browser.findElement(By.id("search-button")).click();
        wait.until(ExpectedConditions.textToBe(By.id("result-count"), "1 plugin by Other Vendor"));
        assertThat(names()).containsExactly("web.other");
        assertThat(browser.getCurrentUrl()).isEqualTo(url("/?vendor=Other+Vendor"));

        browser.findElement(By.id("clear-filters")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("results"), "web.future"));
        browser.findElement(By.cssSelector("#minRating option[value='4.5']")).click();
        browser.findElement(By.id("search-button")).click();
        wait.until(ExpectedConditions.textToBe(By.id("result-count"), "1 plugin rated 4.5 ★ or better"));
        assertThat(names()).containsExactly("web.other");

        browser.get(url("/?capability=drawing"));
        wait.until(ExpectedConditions.textToBe(By.id("result-count"), "1 plugin with capability drawing"));
        assertThat(names()).containsExactly("web.tool");
        assertThat(browser.findElement(By.id("capability")).getAttribute("value")).isEqualTo("drawing");

        // a rating the select does not offer, from an address, is kept
        browser.get(url("/?minRating=4.6"));
        wait.until(ExpectedConditions.textToBe(By.id("result-count"), "1 plugin rated 4.6 ★ or better"));
        assertThat(names()).containsExactly("web.other");
        assertThat(browser.findElement(By.id("minRating")).getAttribute("value")).isEqualTo("4.6");

        browser.get(url("/?runtime=2.0.0"));
        // the only plugin made for 2.0, and the seeded libraries (the PDF plugin's), which need no runtime at all
        wait.until(ExpectedConditions.textToBe(By.id("result-count"), "4 plugins for MilkBottle 2.0.0"));
        assertThat(names()).contains("web.future").doesNotContain("web.tool", "web.other", "org.milkbottle.example.hello")
                .hasSize(4);
        // a capability chip filters too
        browser.get(url("/"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("results"), "web.other"));
        browser.findElement(By.cssSelector("li[data-name='web.other'] a.chip.capability")).click();
        wait.until(ExpectedConditions.textToBe(By.id("result-count"), "1 plugin with capability welcoming"));
        assertThat(names()).containsExactly("web.other");
    }

    @Test
    void backRestoresThePreviousSearch() {
        browser.get(url("/"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("results"), "web.tool"));
        search("diagrams");
        wait.until(ExpectedConditions.textToBe(By.id("result-count"), "1 plugin matching “diagrams”"));
        search("ways");
        wait.until(ExpectedConditions.textToBe(By.id("result-count"), "1 plugin matching “ways”"));
        assertThat(names()).containsExactly("web.other");
        assertThat(browser.getCurrentUrl()).isEqualTo(url("/?q=ways"));
        browser.findElement(By.linkText("Other Thing")).click();
        wait.until(ExpectedConditions.textToBe(By.id("d-name"), "web.other"));

        browser.navigate().back();
        wait.until(ExpectedConditions.textToBe(By.id("result-count"), "1 plugin matching “ways”"));
        assertThat(browser.findElement(By.id("q")).getAttribute("value")).isEqualTo("ways");
        browser.navigate().back();
        wait.until(ExpectedConditions.textToBe(By.id("result-count"), "1 plugin matching “diagrams”"));
        assertThat(browser.getCurrentUrl()).isEqualTo(url("/?q=diagrams"));
        assertThat(browser.findElement(By.id("q")).getAttribute("value")).isEqualTo("diagrams");
        assertThat(names()).containsExactly("web.tool");
        browser.navigate().forward();
        wait.until(ExpectedConditions.textToBe(By.id("result-count"), "1 plugin matching “ways”"));
        assertThat(names()).containsExactly("web.other");
    }

    @Test
    void anUnknownPluginOrPathShowsTheNotFoundPage() throws Exception {
        browser.get(url("/plugins/no.such.plugin"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("not-found")));
        assertThat(browser.findElement(By.cssSelector("#not-found h1")).getText()).isEqualTo("Not found");
        assertThat(browser.findElement(By.id("nf-message")).getText())
                .isEqualTo("There is no plugin named “no.such.plugin” in this marketplace.");
        assertThat(browser.findElement(By.id("details")).isDisplayed()).isFalse();
        assertThat(browser.getTitle()).isEqualTo("Not found — MilkBottle Marketplace");
        browser.findElement(By.id("nf-search")).click();
        wait.until(ExpectedConditions.textToBe(By.id("result-count"), "0 plugins matching “no.such.plugin”"));

        browser.get(url("/no/such/page"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("not-found")));
        assertThat(browser.findElement(By.id("nf-message")).getText()).isEqualTo("There is no page at /no/such/page.");

        assertThat(status("/plugins/no.such.plugin")).isEqualTo(404);
        assertThat(status("/no/such/page")).isEqualTo(404);
        assertThat(status("/plugins/web.tool")).isEqualTo(200);
        assertThat(status("/?q=x")).isEqualTo(200);
        assertThat(status("/plugin-files/no.such.plugin")).isEqualTo(404);
        assertThat(status("/plugin-files/web.tool/icon?version=9.9.9")).isEqualTo(404);
    }

    @Test
    void theOldAddressesStillWork() {
        browser.get(url("/#/plugin/web.tool"));
        wait.until(ExpectedConditions.textToBe(By.id("d-name"), "web.tool"));
        assertThat(browser.getCurrentUrl()).isEqualTo(url("/plugins/web.tool"));
    }

    @Test
    void aRatingIsShownAndAReviewCannotInjectMarkup() {
        openPlugin("web.tool");
        browser.findElement(By.id("r-user")).sendKeys("ann");
        browser.findElement(By.cssSelector("#r-stars option[value='4']")).click();
        String hostile = "<img src=x onerror=\"window.pwned=1\"> nice";
        browser.findElement(By.id("r-text")).sendKeys(hostile);
        browser.findElement(By.cssSelector("#rate-form button")).click();
        wait.until(ExpectedConditions.textToBe(By.id("r-message"), "Thank you!"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("d-rating"), "4.0 ★ (1)"));
        assertThat(browser.findElement(By.id("d-reviews")).getText()).contains(hostile);
        assertThat(browser.findElements(By.cssSelector("#d-reviews img"))).isEmpty();
        assertThat(js("return window.pwned === undefined")).isEqualTo(true);
    }

    @Test
    void aRefusedRatingSaysWhy() {
        openPlugin("web.tool");
        browser.findElement(By.id("r-user")).sendKeys("not a user name!");
        browser.findElement(By.cssSelector("#rate-form button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("r-message"), "user must be"));
    }

    @Test
    void theAnalyticsPageChartsDownloads() {
        browser.get(url("/analytics"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("a-totals"), "5 downloads"));
        assertThat(browser.findElement(By.id("a-top")).getText()).contains("web.tool — 5");
        WebElement runtimes = browser.findElement(By.cssSelector("#a-runtimes svg"));
        assertThat(runtimes.findElement(By.cssSelector("rect.bar")).getAttribute("data-label")).isEqualTo("1.0.0");
        assertThat(runtimes.findElement(By.cssSelector("rect.bar")).getAttribute("data-value")).isEqualTo("5");
        assertThat(runtimes.findElement(By.cssSelector(".x-label")).getText()).isEqualTo("Runtime version");
        WebElement perDay = browser.findElement(By.cssSelector("#a-chart svg"));
        assertThat(perDay.findElements(By.cssSelector("rect.bar"))).hasSize(1);
        assertThat(texts(perDay, "text.value")).containsExactly("5");
        assertThat(texts(perDay, ".legend text")).containsExactly("downloads (5)");
    }

    /** The page's Markdown renderer's output for the text, as HTML (READMEs' headings start at h3). */
    private static Object markdown(String text) {
        return ((JavascriptExecutor) browser).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "import(new URL('markdown.js', document.baseURI).href).then((m) => {"
                + "  const div = document.createElement('div');"
                + "  div.append(m.renderMarkdown(arguments[0], { headingOffset: 2 }));"
                + "  done(div.innerHTML); }, (e) => done('failed: ' + e));", text);
    }

    /** The page's reading of a Bundle-License header, as JSON. */
    private static Object licences(String header) {
        return ((JavascriptExecutor) browser).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "import(new URL('licences.js', document.baseURI).href).then("
                + "(m) => done(JSON.stringify(m.licences(arguments[0]))), (e) => done('failed: ' + e));", header);
    }

    private void openPlugin(String name) {
        browser.get(url("/plugins/" + name));
        wait.until(ExpectedConditions.textToBe(By.id("d-name"), name));
    }

    private void search(String text) {
        WebElement q = browser.findElement(By.id("q"));
        q.clear();
        q.sendKeys(text);
        browser.findElement(By.id("search-button")).click();
    }

    private static List<String> names() {
        return browser.findElements(By.cssSelector("#results li")).stream().map(e -> e.getAttribute("data-name")).toList();
    }

    private static List<String> texts(WebElement root, String css) {
        return root.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    private static Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    private static int status(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url(path))).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static Map<String, String> tool(String version) {
        Map<String, String> headers = plugin("web.tool", "Web Tool", "Draws diagrams for the web page test",
                "MilkBottle tests", "drawing", "Apache-2.0;link=\"https://www.apache.org/licenses/LICENSE-2.0\"", ONE_X);
        headers.put("Bundle-Version", version);
        headers.put("MilkBottle-Tags", "diagrams, drawing");
        headers.put("Bundle-Icon", "icons/tool.png;size=16");
        return headers;
    }

    /** The headers of a small plugin with a dependency on the framework and nothing to refuse. */
    private static Map<String, String> plugin(String name, String title, String description, String vendor,
            String capability, String licence, String runtimeRequirement) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Bundle-ManifestVersion", "2");
        headers.put("Bundle-SymbolicName", name);
        headers.put("Bundle-Version", "1.0.0");
        headers.put("Bundle-Name", title);
        headers.put("Bundle-Description", description);
        headers.put("Bundle-Vendor", vendor);
        headers.put("Bundle-ContactAddress", "tests@milkbottle.org");
        headers.put("Bundle-License", licence);
        headers.put("MilkBottle-Capabilities", capability);
        headers.put("Import-Package", "org.osgi.framework");
        headers.put("Require-Capability", runtimeRequirement);
        return headers;
    }

    private static byte[] jar(Map<String, String> headers, Map<String, byte[]> files) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        headers.forEach(main::putValue);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(out, manifest)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                jar.putNextEntry(new JarEntry(file.getKey()));
                jar.write(file.getValue());
                jar.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** A 16×16 PNG. */
    private static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 16; x++) {
            for (int y = 0; y < 16; y++) {
                image.setRGB(x, y, 0x2080C0);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static String publish(String token, byte[] jar) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url("/api/plugins")))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofByteArray(jar)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return response.body().replaceAll(".*\"sha256\":\"([0-9a-f]{64})\".*", "$1");
    }

    private static void download(String sha, int times) throws Exception {
        for (int i = 0; i < times; i++) {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(url("/repository/artifacts/"
                    + sha + "?runtime=1.0.0"))).build(), HttpResponse.BodyHandlers.discarding());
            assertThat(response.statusCode()).isEqualTo(200);
        }
    }

    private static void rate(String name, String user, int stars) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url("/api/plugins/" + name
                + "/ratings"))).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"user\": \"" + user + "\", \"stars\": " + stars + "}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private static List<String> java(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Dorg.osgi.service.http.port=" + port));
        // the coverage build's JaCoCo agent for the runtime under test (docs/coverage.md), when it sets one
        String agent = System.getProperty("milkbottle.it.jacoco.agent", "");
        if (agent.startsWith("-javaagent:")) {
            command.add(agent);
        }
        command.addAll(List.of("-jar", System.getProperty("milkbottle.launcher.jar")));
        command.addAll(List.of(args));
        return command;
    }

    private static String oneShot(Path dir, String commands) throws Exception {
        Process process = new ProcessBuilder(java("-c", commands)).directory(dir.toFile()).redirectErrorStream(true)
                .start();
        String out = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(out).isZero();
        return out;
    }

    private static void awaitUp() throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create(url("/api/plugins"))).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the runtime's marketplace did not come up on port " + port);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
