package org.milkbottle.marketplace.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Map;

import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.annotations.Component;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The marketplace's web page ({@code /}): three static files from this bundle that talk to the JSON
 * API. Only the listed files are served; nothing else of the bundle or the disk is reachable.
 */
@Component(service = Servlet.class, property = {"osgi.http.whiteboard.servlet.pattern=/",
    "osgi.http.whiteboard.servlet.name=milkbottle-marketplace-web"})
public class WebPageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Map<String, String> FILES = Map.of("/index.html", "text/html;charset=utf-8",
            "/app.js", "text/javascript;charset=utf-8", "/style.css", "text/css;charset=utf-8");

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (path.isEmpty() || path.equals("/")) {
            path = "/index.html";
        }
        String type = FILES.get(path);
        URL file = type == null ? null : FrameworkUtil.getBundle(WebPageServlet.class).getEntry("web" + path);
        if (file == null) {
            response.sendError(404);
            return;
        }
        response.setContentType(type);
        response.setHeader("X-Content-Type-Options", "nosniff");
        // the page runs no inline script and loads nothing from elsewhere
        response.setHeader("Content-Security-Policy", "default-src 'self'; style-src 'self'; img-src 'self' data:");
        try (InputStream in = file.openStream()) {
            in.transferTo(response.getOutputStream());
        }
    }
}
