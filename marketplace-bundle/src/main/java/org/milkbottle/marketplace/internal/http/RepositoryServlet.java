package org.milkbottle.marketplace.internal.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.milkbottle.marketplace.api.Marketplace;
import org.milkbottle.marketplace.api.MarketplaceException;
import org.milkbottle.marketplace.api.MarketplaceException.Reason;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The OSGi repository: {@code /repository/index.xml} (R5), its detached signature
 * {@code index.xml.sig}, the key that verifies it {@code key.pem}, and the artifacts by SHA-256
 * {@code artifacts/SHA256}. A download may say which runtime asks ({@code ?runtime=1.0.0}) for the statistics.
 */
@Component(service = Servlet.class, property = {"osgi.http.whiteboard.servlet.pattern=/repository/*",
    "osgi.http.whiteboard.servlet.name=milkbottle-marketplace-repository"})
public class RepositoryServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Reference
    private transient Marketplace marketplace;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        try {
            switch (path) {
                case "/index.xml" -> send(response, "application/xml", marketplace.index());
                case "/index.xml.sig" -> send(response, "text/plain",
                        marketplace.indexSignature().getBytes(StandardCharsets.US_ASCII));
                case "/advisories.json" -> send(response, "application/json",
                        marketplace.signedAdvisories().content().getBytes(StandardCharsets.UTF_8));
                case "/advisories.json.sig" -> send(response, "text/plain",
                        marketplace.signedAdvisories().signature().getBytes(StandardCharsets.US_ASCII));
                case "/key.pem" -> send(response, "application/x-pem-file",
                        marketplace.publicKey().getBytes(StandardCharsets.US_ASCII));
                default -> {
                    if (!path.startsWith("/artifacts/")) {
                        throw new MarketplaceException(Reason.NOT_FOUND, "No such repository path.");
                    }
                    String sha = path.substring("/artifacts/".length());
                    Optional<Path> file = marketplace.download(sha, request.getParameter("runtime"));
                    Path jar = file.orElseThrow(() -> new MarketplaceException(Reason.NOT_FOUND,
                            "No artifact has the SHA-256 " + sha + "."));
                    response.setContentType("application/vnd.osgi.bundle");
                    response.setContentLengthLong(Files.size(jar));
                    response.setHeader("Cache-Control", "public, max-age=31536000, immutable");
                    Files.copy(jar, response.getOutputStream());
                }
            }
        } catch (MarketplaceException e) {
            JsonResponses.error(response, e);
        }
    }

    private static void send(HttpServletResponse response, String type, byte[] body) throws IOException {
        response.setContentType(type);
        response.setHeader("Cache-Control", "no-cache");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
