package org.milkbottle.marketplace.internal.web;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.milkbottle.marketplace.api.Marketplace;
import org.milkbottle.marketplace.api.PluginDetails;
import org.milkbottle.marketplace.api.PluginVersion;
import org.milkbottle.marketplace.internal.Json;
import org.milkbottle.marketplace.internal.RuntimeRequirement;
import org.milkbottle.marketplace.internal.local.ArtifactCatalog;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What the web page shows of a plugin's stored jar: {@code GET /plugin-files/NAME?version=V&runtime=R} answers
 * its README and CHANGELOG as text (the page renders them; nothing here is HTML), whether it has an icon,
 * and which of its versions fit the runtime asked for (else this node's); {@code /plugin-files/NAME/icon}
 * is the icon. Without {@code version}, the latest version. Nothing but a published jar's entries is read.
 */
@Component(service = Servlet.class, property = {"osgi.http.whiteboard.servlet.pattern=/plugin-files/*",
    "osgi.http.whiteboard.servlet.name=milkbottle-marketplace-plugin-files"})
public class PluginFilesServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,200}");

    private final transient Marketplace marketplace;
    private final transient StoredJars jars;
    private final transient BundleContext context;

    @Activate
    public PluginFilesServlet(@Reference Marketplace marketplace, @Reference ArtifactCatalog catalog,
            BundleContext context) {
        this.marketplace = marketplace;
        this.jars = new StoredJars(catalog);
        this.context = context;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] path = request.getPathInfo() == null ? new String[0] : request.getPathInfo().substring(1).split("/", -1);
        if (path.length == 0 || path.length > 2 || !NAME.matcher(path[0]).matches() || path[0].contains("..")
                || path.length == 2 && !path[1].equals("icon")) {
            error(response, 404, "NOT_FOUND", "No such path; use /plugin-files/NAME or /plugin-files/NAME/icon.");
            return;
        }
        String name = path[0];
        Optional<PluginDetails> plugin = marketplace.plugin(name);
        if (plugin.isEmpty()) {
            error(response, 404, "NOT_FOUND", "There is no plugin named '" + name + "'.");
            return;
        }
        String asked = request.getParameter("version");
        Optional<PluginVersion> version = plugin.get().versions().stream()
                .filter(v -> asked == null || asked.isBlank() || v.version().equals(asked)).findFirst();
        if (version.isEmpty()) {
            error(response, 404, "NOT_FOUND", name + " has no version '" + asked + "'; its versions are "
                    + plugin.get().versions().stream().map(PluginVersion::version).toList() + ".");
            return;
        }
        Optional<Path> jar = jars.find(version.get().sha256());
        if (jar.isEmpty()) {
            error(response, 404, "NOT_FOUND", "The jar of " + name + " " + version.get().version()
                    + " is not stored on this node.");
            return;
        }
        if (path.length == 2) {
            icon(response, jar.get(), name, version.get().version());
            return;
        }
        Version runtime;
        boolean askedRuntime;
        try {
            String parameter = request.getParameter("runtime");
            askedRuntime = parameter != null && !parameter.isBlank();
            runtime = askedRuntime ? Version.parseVersion(parameter.trim()) : NodeRuntime.version(context).orElse(null);
        } catch (IllegalArgumentException e) {
            error(response, 400, "BAD_REQUEST", "'runtime' must be a version like 1.0.0.");
            return;
        }
        send(response, 200, files(plugin.get(), version.get(), jar.get(), runtime, askedRuntime));
    }

    private static Map<String, Object> files(PluginDetails plugin, PluginVersion version, Path jar, Version runtime,
            boolean askedRuntime) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        String name = plugin.summary().name();
        body.put("name", name);
        body.put("version", version.version());
        body.put("readme", PluginJar.readme(jar).orElse(null));
        body.put("changelog", PluginJar.changelog(jar).orElse(null));
        body.put("icon", PluginJar.icon(jar).isPresent() ? "plugin-files/" + name + "/icon?version="
                + URLEncoder.encode(version.version(), StandardCharsets.UTF_8) : null);
        if (runtime != null) {
            Map<String, Boolean> compatible = new LinkedHashMap<>();
            plugin.versions().forEach(v -> compatible.put(v.version(), RuntimeRequirement.accepts(v.runtimeFilter(),
                    runtime)));
            body.put("runtime", Map.of("version", runtime.toString(), "source", askedRuntime ? "asked" : "node",
                    "compatible", compatible));
        } else {
            body.put("runtime", null);
        }
        return body;
    }

    private static void icon(HttpServletResponse response, Path jar, String name, String version) throws IOException {
        Optional<PluginJar.Icon> icon = PluginJar.icon(jar);
        if (icon.isEmpty()) {
            error(response, 404, "NOT_FOUND", name + " " + version + " has no icon (Bundle-Icon, icon.png or icon.svg).");
            return;
        }
        response.setContentType(icon.get().contentType());
        response.setContentLength(icon.get().bytes().length);
        response.setHeader("X-Content-Type-Options", "nosniff");
        // an SVG opened on its own must not run script in the marketplace's origin
        response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox");
        response.setHeader("Cache-Control", "public, max-age=86400");
        response.getOutputStream().write(icon.get().bytes());
    }

    private static void error(HttpServletResponse response, int status, String error, String message)
            throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("message", message);
        send(response, status, body);
    }

    private static void send(HttpServletResponse response, int status, Object body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json;charset=utf-8");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-cache");
        Json.MAPPER.writeValue(response.getOutputStream(), body);
    }
}
