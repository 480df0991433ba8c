package org.milkbottle.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.milkbottle.perf.api.PerformanceMonitor;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.OptionUtils;

/**
 * {@code /metrics} as a Prometheus server reads it: parsed by the official Prometheus client's text-format parser
 * (Python's {@code prometheus_client.parser}), with the per-plugin series of a busy plugin, the cache series and
 * the standard JVM series; an uninstalled plugin has no series left.
 */
@RunWith(PaxExam.class)
public class PerfMetricsIT extends MilkBottleTestSupport {

    private static final int PORT = freePort();
    /** Prints each metric family as "name type" and each sample as "sample NAME LABELS VALUE"; fails on bad input. */
    private static final String PARSER = String.join("\n",
            "import sys",
            "from prometheus_client.parser import text_string_to_metric_families",
            "for family in text_string_to_metric_families(sys.stdin.read()):",
            "    print('family', family.name, family.type)",
            "    for s in family.samples:",
            "        print('sample', s.name, ','.join(k + '=' + v for k, v in sorted(s.labels.items())), s.value)");

    @Inject
    private PerformanceMonitor monitor;

    @Configuration
    @Override
    public Option[] configuration() throws IOException {
        return OptionUtils.combine(baseOptions(), marketplaceOptions(PORT));
    }

    @Test
    public void metricsParseAsPrometheusTextWithThePluginsSeriesAndNoneOnceItIsGone() throws Exception {
        long[] ids = PerfIT.installBurnerAndIdle(this, monitor, work("metrics"));

        HttpResponse<String> response = scrape();
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse(""),
                response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
        String parsed = parse(response.body());
        assertTrue(parsed, parsed.contains("family milkbottle_bundle_cpu_seconds counter"));
        assertTrue(parsed, parsed.contains("sample milkbottle_bundle_cpu_seconds_total bundle=" + PerfIT.BURNER
                + ",version=1.0.0 "));
        assertTrue(parsed, parsed.contains("sample milkbottle_bundle_allocated_bytes_total bundle=" + PerfIT.BURNER));
        assertTrue(parsed, parsed.contains("sample milkbottle_bundle_threads bundle=" + PerfIT.IDLE + ",version=1.0.0 "));
        assertTrue(parsed, parsed.contains("sample milkbottle_bundle_install_phase_seconds bundle=" + PerfIT.BURNER
                + ",phase=validate,version=1.0.0 "));
        assertTrue("the repository client's index cache", parsed.contains("family milkbottle_cache_entries gauge"));
        assertTrue("JVM series", parsed.contains("family jvm_memory_used_bytes gauge")
                && parsed.contains("family jvm_threads_current gauge"));
        double burnerCpu = value(parsed, "sample milkbottle_bundle_cpu_seconds_total bundle=" + PerfIT.BURNER);
        assertTrue(parsed, burnerCpu >= 1.0);

        manager.uninstall(PerfIT.BURNER, "test");
        manager.uninstall(PerfIT.IDLE, "test");
        String after = scrape().body();
        assertFalse(after, after.contains(PerfIT.BURNER) || after.contains(PerfIT.IDLE));
        assertTrue(ids.length == 2);
    }

    private HttpResponse<String> scrape() throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + context.getProperty("org.osgi.service.http.port") + "/metrics")).timeout(Duration.ofSeconds(30))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static double value(String parsed, String samplePrefix) {
        String line = parsed.lines().filter(l -> l.startsWith(samplePrefix)).findFirst().orElseThrow();
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }

    /** The parser's reading of {@code text}; the test is skipped (loudly) where the parser is not installed. */
    private static String parse(String text) throws Exception {
        // Debian's package installs into the system Python; a python3 earlier on the PATH (pyenv) does not see it
        String python = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
        boolean available = new ProcessBuilder(python, "-c", "import prometheus_client").start().waitFor() == 0;
        if (!available) {
            String message = "python3 with prometheus_client is not installed (Debian: apt-get install "
                    + "python3-prometheus-client; .ci/run installs it)";
            if (System.getenv("MILKBOTTLE_TEST_REQUIRE_PROMETHEUS_PARSER") != null) {
                throw new AssertionError(message);
            }
            System.err.println("WARNING: " + message + "; /metrics is not parsed");
            assumeTrue(message, false);
        }
        Process parser = new ProcessBuilder(python, "-c", PARSER).redirectErrorStream(true).start();
        try (OutputStream in = parser.getOutputStream()) {
            in.write(text.getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(parser.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue("parser still running", parser.waitFor(60, TimeUnit.SECONDS));
        assertEquals("the Prometheus parser refused /metrics:\n" + out + "\n--- /metrics:\n" + text, 0,
                parser.exitValue());
        return out;
    }
}
