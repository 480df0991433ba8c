package org.milkbottle.perf.internal.metrics;

import java.io.IOException;
import java.io.OutputStream;

import org.milkbottle.perf.api.CacheInspector;
import org.milkbottle.perf.api.PerformanceMonitor;
import org.milkbottle.perf.internal.task.TaskRegistry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /metrics}: the runtime's figures in the Prometheus text format (0.0.4), for a Prometheus server to
 * scrape — MilkBottle's per-bundle, cache and task series ({@link PluginMetrics}) and the client library's
 * standard JVM series ({@code jvm_*}, {@code process_*}). A delayed component: the registry and the client
 * library's classes are loaded at the first scrape, not at start-up.
 */
@Component(service = Servlet.class, property = {"osgi.http.whiteboard.servlet.pattern=/metrics",
    "osgi.http.whiteboard.servlet.name=milkbottle-metrics"})
public class MetricsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient PrometheusRegistry registry = new PrometheusRegistry();
    private final transient PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

    @Activate
    public MetricsServlet(@Reference PerformanceMonitor monitor, @Reference CacheInspector caches,
            @Reference TaskRegistry tasks) {
        PluginMetrics.register(registry, monitor::bundles, caches::statistics, tasks::tasks);
        JvmMetrics.builder().register(registry);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType(writer.getContentType());
        response.setHeader("Cache-Control", "no-store");
        try (OutputStream out = response.getOutputStream()) {
            writer.write(out, registry.scrape());
        }
    }
}
