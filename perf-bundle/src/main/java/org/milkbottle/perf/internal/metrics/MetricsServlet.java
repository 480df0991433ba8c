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
 * standard JVM series ({@code jvm_*}, {@code process_*}). The HTTP whiteboard takes the servlet as soon as it is
 * registered, so the registry (and with it most of the client library's classes) is made at the first scrape, not
 * at start-up.
 */
@Component(service = Servlet.class, property = {"osgi.http.whiteboard.servlet.pattern=/metrics",
    "osgi.http.whiteboard.servlet.name=milkbottle-metrics"})
public class MetricsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient PerformanceMonitor monitor;
    private final transient CacheInspector caches;
    private final transient TaskRegistry tasks;
    private transient PrometheusRegistry registry;
    private transient PrometheusTextFormatWriter writer;

    @Activate
    public MetricsServlet(@Reference PerformanceMonitor monitor, @Reference CacheInspector caches,
            @Reference TaskRegistry tasks) {
        this.monitor = monitor;
        this.caches = caches;
        this.tasks = tasks;
    }

    private synchronized PrometheusRegistry registry() {
        if (registry == null) {
            PrometheusRegistry made = new PrometheusRegistry();
            PluginMetrics.register(made, monitor::bundles, caches::statistics, tasks::tasks);
            JvmMetrics.builder().register(made);
            writer = PrometheusTextFormatWriter.create();
            registry = made;
        }
        return registry;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var snapshots = registry().scrape();
        response.setContentType(writer.getContentType());
        response.setHeader("Cache-Control", "no-store");
        try (OutputStream out = response.getOutputStream()) {
            writer.write(out, snapshots);
        }
    }
}
