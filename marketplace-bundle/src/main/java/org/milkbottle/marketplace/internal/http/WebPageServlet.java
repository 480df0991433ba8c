package org.milkbottle.marketplace.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

import org.milkbottle.marketplace.api.Marketplace;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The marketplace's web page ({@code /}): static files from this bundle that talk to the JSON API. The
 * page's own addresses ({@code /}, {@code /analytics}, {@code /plugins/NAME}) answer the page, which shows
 * what the address names; any other address, and a plugin that does not exist, answers the page with
 * status 404 (it shows its "not found" view). Only the listed files are served; nothing else of the bundle
 * or the disk is reachable.
 */
@Component(service = Servlet.class, property = {"osgi.http.whiteboard.servlet.pattern=/",
    "osgi.http.whiteboard.servlet.name=milkbottle-marketplace-web"})
public class WebPageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String PAGE = "/index.html";
    private static final String JS = "text/javascript;charset=utf-8";
    private static final Map<String, String> FILES = Map.of(PAGE, "text/html;charset=utf-8", "/app.js", JS,
            "/charts.js", JS, "/markdown.js", JS, "/licences.js", JS, "/style.css", "text/css;charset=utf-8");
    private static final Pattern PLUGIN = Pattern.compile("/plugins/([A-Za-z0-9_.-]{1,200})");
    /** The page's relative addresses resolve against this; the servlet context's path goes in. */
    private static final String BASE = "<base href=\"/\">";

    @Reference
    private transient Marketplace marketplace;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        int status = 200;
        if (!FILES.containsKey(path)) {
            status = isPage(path) ? 200 : 404;
            path = PAGE;
        }
        URL file = FrameworkUtil.getBundle(WebPageServlet.class).getEntry("web" + path);
        if (file == null) {
            response.sendError(404);
            return;
        }
        response.setStatus(status);
        response.setContentType(FILES.get(path));
        response.setHeader("X-Content-Type-Options", "nosniff");
        // the page runs no inline script and loads nothing from elsewhere
        response.setHeader("Content-Security-Policy", "default-src 'self'; style-src 'self'; img-src 'self' data:");
        try (InputStream in = file.openStream()) {
            if (path.equals(PAGE)) {
                String page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                response.getOutputStream().write(page.replace(BASE, "<base href=\""
                        + attribute(request.getContextPath()) + "/\">").getBytes(StandardCharsets.UTF_8));
            } else {
                in.transferTo(response.getOutputStream());
            }
        }
    }

    /** Whether the address is one of the page's views of something that exists. */
    private boolean isPage(String path) {
        if (path.isEmpty() || path.equals("/") || path.equals("/analytics")) {
            return true;
        }
        var plugin = PLUGIN.matcher(path);
        if (!plugin.matches() || plugin.group(1).contains("..")) {
            return false;
        }
        try {
            return marketplace.plugin(plugin.group(1)).isPresent();
        } catch (IllegalStateException e) {
            return true; // the marketplace cannot answer: the page shows the API's error, not "not found"
        }
    }

    private static String attribute(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
