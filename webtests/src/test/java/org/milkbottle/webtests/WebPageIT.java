package org.milkbottle.webtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

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
 * The marketplace web page in headless Chromium against the exported runtime: browse and search, a
 * plugin's details, rating (with a review that tries to inject markup), a refused rating, analytics.
 */
class WebPageIT {

    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

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
        String sha = publish(token, tool());
        for (int i = 0; i < 3; i++) {
            HTTP.send(HttpRequest.newBuilder(URI.create(url("/repository/artifacts/" + sha + "?runtime=1.0.0"))).build(),
                    HttpResponse.BodyHandlers.discarding());
        }

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
        assertThat(browser.findElement(By.id("results")).getText()).contains("Greets people");
        browser.findElement(By.id("q")).sendKeys("diagrams");
        browser.findElement(By.cssSelector("#search-form button")).click();
        wait.until(ExpectedConditions.textToBe(By.id("result-count"), "1 plugin"));
        assertThat(browser.findElements(By.cssSelector("#results li"))).hasSize(1);

        browser.findElement(By.linkText("Web Tool")).click();
        wait.until(ExpectedConditions.textToBe(By.id("d-name"), "web.tool"));
        assertThat(browser.findElement(By.id("d-install")).getText()).isEqualTo("mb:install web.tool");
        assertThat(browser.findElement(By.id("d-tags")).getText()).isEqualTo("diagrams, drawing");
        assertThat(browser.findElement(By.id("d-versions")).getText()).contains("1.0.0");
        assertThat(browser.findElement(By.id("d-dependencies")).getText()).contains("package org.osgi.framework");
        List<WebElement> bars = browser.findElements(By.cssSelector("#d-chart rect"));
        assertThat(bars).isNotEmpty();
        assertThat(bars.get(0).getAttribute("data-value")).isEqualTo("3");
    }

    @Test
    void aRatingIsShownAndAReviewCannotInjectMarkup() {
        browser.get(url("/#/plugin/web.tool"));
        wait.until(ExpectedConditions.textToBe(By.id("d-name"), "web.tool"));
        browser.findElement(By.id("r-user")).sendKeys("ann");
        browser.findElement(By.cssSelector("#r-stars option[value='4']")).click();
        String hostile = "<img src=x onerror=\"window.pwned=1\"> nice";
        browser.findElement(By.id("r-text")).sendKeys(hostile);
        browser.findElement(By.cssSelector("#rate-form button")).click();
        wait.until(ExpectedConditions.textToBe(By.id("r-message"), "Thank you!"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("d-rating"), "4.0 ★ (1)"));
        assertThat(browser.findElement(By.id("d-reviews")).getText()).contains(hostile);
        assertThat(browser.findElements(By.cssSelector("#d-reviews img"))).isEmpty();
        assertThat(((JavascriptExecutor) browser).executeScript("return window.pwned === undefined")).isEqualTo(true);
    }

    @Test
    void aRefusedRatingSaysWhy() {
        browser.get(url("/#/plugin/web.tool"));
        wait.until(ExpectedConditions.textToBe(By.id("d-name"), "web.tool"));
        browser.findElement(By.id("r-user")).sendKeys("not a user name!");
        browser.findElement(By.cssSelector("#rate-form button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("r-message"), "user must be"));
    }

    @Test
    void theAnalyticsPageChartsDownloads() {
        browser.get(url("/#/analytics"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("a-totals"), "3 downloads"));
        assertThat(browser.findElement(By.id("a-top")).getText()).contains("web.tool — 3");
        assertThat(browser.findElement(By.cssSelector("#a-runtimes rect")).getAttribute("data-label"))
                .isEqualTo("1.0.0");
        assertThat(browser.findElements(By.cssSelector("#a-chart rect"))).hasSize(1);
    }

    /** A small plugin with tags, a dependency on the framework, and nothing to refuse. */
    private static byte[] tool() throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", "web.tool");
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Bundle-Name", "Web Tool");
        main.putValue("Bundle-Description", "Draws diagrams for the web page test");
        main.putValue("Bundle-Vendor", "MilkBottle tests");
        main.putValue("Bundle-ContactAddress", "tests@milkbottle.org");
        main.putValue("Bundle-License", "Apache-2.0");
        main.putValue("MilkBottle-Tags", "diagrams, drawing");
        main.putValue("Import-Package", "org.osgi.framework");
        main.putValue("Require-Capability",
                "milkbottle.runtime;filter:=\"(&(milkbottle.runtime=milkbottle)(version>=1.0)(!(version>=2.0)))\"");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.closeEntry();
        }
        return out.toByteArray();
    }

    private static String publish(String token, byte[] jar) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url("/api/plugins")))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofByteArray(jar)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return response.body().replaceAll(".*\"sha256\":\"([0-9a-f]{64})\".*", "$1");
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private static List<String> java(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Dorg.osgi.service.http.port=" + port, "-jar", System.getProperty("milkbottle.launcher.jar")));
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
