package org.milkbottle.marketplace.internal.http;

import java.io.IOException;

import org.osgi.service.component.annotations.Component;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Answers the marketplace's addresses while the marketplace is still opening its store (or is down): 503 with
 * {@code Retry-After}, in JSON, instead of Jetty's HTML 404. It has no dependencies, so it is there as soon as
 * this bundle is; it ranks below the real servlets on the same patterns, which shadow it once they are registered.
 */
@Component(service = Servlet.class, property = {"osgi.http.whiteboard.servlet.pattern=/",
    "osgi.http.whiteboard.servlet.pattern=/api/*", "osgi.http.whiteboard.servlet.pattern=/repository/*",
    "osgi.http.whiteboard.servlet.pattern=/plugin-files/*",
    "osgi.http.whiteboard.servlet.name=milkbottle-marketplace-starting", "service.ranking:Integer=-1000"})
public class StartingServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    /** Seconds a client should wait before asking again. */
    static final int RETRY_AFTER_SECONDS = 5;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
        JsonResponses.error(response, 503, "UNAVAILABLE", "The marketplace is starting (or its store is not "
                + "available); try again in " + RETRY_AFTER_SECONDS + " seconds.");
    }
}
