package org.milkbottle.core.internal.health;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import org.apache.felix.hc.api.execution.HealthCheckExecutionResult;
import org.apache.felix.hc.api.execution.HealthCheckExecutor;
import org.apache.felix.hc.api.execution.HealthCheckSelector;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The runtime's health over HTTP (through the servlet whiteboard, so on the runtime's HTTP port, loopback unless the
 * operator binds it elsewhere), from the same Felix health checks that {@code mb:health} runs:
 * <ul>
 * <li>{@code /health}: every registered check (plugins' and the runtime's), tagged or not; {@code ?tags=a,b} runs
 * only those with one of the tags;</li>
 * <li>{@code /health/ready}: the checks tagged {@value RuntimeHealthChecks#READY} — the runtime's bundles active,
 * no recovery running, the marketplace's store reachable: whether the runtime should get work;</li>
 * <li>{@code /health/live}: the checks tagged {@value RuntimeHealthChecks#LIVE} — the framework runs and is not
 * stopping: whether the process should be restarted.</li>
 * </ul>
 * JSON ({@link HealthJson}); 200 when every check is OK or WARN, 503 otherwise.
 */
@Component(service = Servlet.class, property = {"osgi.http.whiteboard.servlet.pattern=/health",
    "osgi.http.whiteboard.servlet.pattern=/health/*", "osgi.http.whiteboard.servlet.name=milkbottle-health"})
public class HealthEndpoint extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient HealthCheckExecutor executor;
    private final transient HealthCheckNames names;

    @Activate
    public HealthEndpoint(@Reference HealthCheckExecutor executor, @Reference HealthCheckNames names) {
        this.executor = executor;
        this.names = names;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        HealthCheckSelector selector;
        switch (path) {
            case "", "/" -> {
                String tags = request.getParameter("tags");
                selector = tags == null || tags.isBlank() ? HealthCheckSelector.names(names.all())
                        : HealthCheckSelector.tags(Arrays.stream(tags.split(",")).map(String::strip)
                                .filter(t -> !t.isEmpty()).toArray(String[]::new));
            }
            case "/ready" -> selector = HealthCheckSelector.tags(RuntimeHealthChecks.READY);
            case "/live" -> selector = HealthCheckSelector.tags(RuntimeHealthChecks.LIVE);
            default -> {
                HealthJson.error(response, HttpServletResponse.SC_NOT_FOUND, "No such health endpoint: "
                        + request.getRequestURI() + ". There are /health, /health/ready and /health/live.");
                return;
            }
        }
        List<HealthCheckExecutionResult> results = selector.names() != null && selector.names().length == 0 ? List.of()
                : executor.execute(selector);
        HealthJson.write(response, results);
    }
}
