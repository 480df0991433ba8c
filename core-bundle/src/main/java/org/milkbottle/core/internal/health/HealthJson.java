package org.milkbottle.core.internal.health;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.felix.hc.api.Result;
import org.apache.felix.hc.api.ResultLog;
import org.apache.felix.hc.api.execution.HealthCheckExecutionResult;
import org.milkbottle.core.internal.store.JsonFiles;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The JSON of a health answer: the overall status (the worst check's), and per check its name, tags, the bundle that
 * registered it, status, messages and time taken. {@code {"status":"CRITICAL","checks":[{"name":"runtime bundles",
 * "tags":["ready"],"bundle":"org.milkbottle.core","status":"CRITICAL","message":"...","elapsedMillis":1}]}}.
 */
final class HealthJson {

    /** Statuses from best to worst (Felix's order). */
    private static final List<Result.Status> ORDER = List.of(Result.Status.OK, Result.Status.WARN,
            Result.Status.TEMPORARILY_UNAVAILABLE, Result.Status.CRITICAL, Result.Status.HEALTH_CHECK_ERROR);

    private HealthJson() {
    }

    /** The worst status of {@code results} (OK for none; a timed-out check is an error). */
    static Result.Status overall(List<HealthCheckExecutionResult> results) {
        Result.Status worst = Result.Status.OK;
        for (HealthCheckExecutionResult result : results) {
            Result.Status status = status(result);
            if (ORDER.indexOf(status) > ORDER.indexOf(worst)) {
                worst = status;
            }
        }
        return worst;
    }

    private static Result.Status status(HealthCheckExecutionResult result) {
        return result.hasTimedOut() ? Result.Status.HEALTH_CHECK_ERROR : result.getHealthCheckResult().getStatus();
    }

    /** The answer as a map, ready for JSON. */
    static Map<String, Object> answer(List<HealthCheckExecutionResult> results) {
        List<Map<String, Object>> checks = new ArrayList<>();
        for (HealthCheckExecutionResult result : results) {
            Map<String, Object> check = new LinkedHashMap<>();
            check.put("name", result.getHealthCheckMetadata().getName());
            check.put("tags", result.getHealthCheckMetadata().getTags());
            ServiceReference<?> reference = result.getHealthCheckMetadata().getServiceReference();
            Bundle owner = reference == null ? null : reference.getBundle();
            check.put("bundle", owner == null ? null : owner.getSymbolicName());
            check.put("status", status(result).name());
            List<String> messages = new ArrayList<>();
            if (result.hasTimedOut()) {
                messages.add("timed out");
            }
            for (ResultLog.Entry entry : result.getHealthCheckResult()) {
                if (!entry.isDebug()) {
                    messages.add(entry.getMessage());
                }
            }
            check.put("message", String.join("; ", messages));
            check.put("elapsedMillis", result.getElapsedTimeInMs());
            checks.add(check);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", overall(results).name());
        answer.put("checks", checks);
        return answer;
    }

    /** 200 when every check is OK or WARN, 503 otherwise (a load balancer or Docker takes it out). */
    static int httpStatus(List<HealthCheckExecutionResult> results) {
        Result.Status overall = overall(results);
        return overall == Result.Status.OK || overall == Result.Status.WARN ? HttpServletResponse.SC_OK
                : HttpServletResponse.SC_SERVICE_UNAVAILABLE;
    }

    static void write(HttpServletResponse response, List<HealthCheckExecutionResult> results) throws IOException {
        send(response, httpStatus(results), answer(results));
    }

    static void error(HttpServletResponse response, int status, String message) throws IOException {
        send(response, status, Map.of("error", message));
    }

    private static void send(HttpServletResponse response, int status, Object body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        JsonFiles.MAPPER.writerWithDefaultPrettyPrinter().writeValue(response.getOutputStream(), body);
    }
}
