package org.milkbottle.marketplace.internal.http;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.milkbottle.marketplace.api.MarketplaceException;
import org.milkbottle.marketplace.internal.Json;

import jakarta.servlet.http.HttpServletResponse;

/** Writes JSON answers and JSON errors ({@code {"error": "BAD_REQUEST", "message": "…"}}). */
final class JsonResponses {

    private JsonResponses() {
    }

    static void send(HttpServletResponse response, int status, Object body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json;charset=utf-8");
        response.setHeader("X-Content-Type-Options", "nosniff");
        Json.MAPPER.writeValue(response.getOutputStream(), body);
    }

    /** Sends JSON already rendered. */
    static void sendJson(HttpServletResponse response, int status, byte[] json) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json;charset=utf-8");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentLength(json.length);
        response.getOutputStream().write(json);
    }

    static void error(HttpServletResponse response, MarketplaceException e) throws IOException {
        if (e.reason() == MarketplaceException.Reason.TOO_LARGE
                || e.reason() == MarketplaceException.Reason.REQUEST_TIMEOUT) {
            response.setHeader("Connection", "close"); // Jetty would otherwise wait for the rest of the body
        }
        error(response, e.reason().status(), e.reason().name(), e.getMessage());
    }

    static void error(HttpServletResponse response, int status, String error, String message) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("message", message);
        send(response, status, body);
    }
}
