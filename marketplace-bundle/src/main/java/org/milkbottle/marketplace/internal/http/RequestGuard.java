package org.milkbottle.marketplace.internal.http;

import java.io.IOException;

import org.milkbottle.marketplace.api.Marketplace;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses, before any servlet runs, what would otherwise reach Jetty's HTML error pages or tie a thread up: a
 * declared body larger than the marketplace accepts (413, the connection closed so Jetty does not wait for it)
 * and a query string that is not valid percent-encoded UTF-8 (400). Both answer JSON like the rest of the API.
 */
@Component(service = Filter.class, property = {"osgi.http.whiteboard.filter.pattern=/*",
    "osgi.http.whiteboard.filter.name=milkbottle-marketplace-request-guard"})
public class RequestGuard implements Filter {

    /** What a body may declare while the marketplace is not up yet (its configured limit is not known). */
    static final long DEFAULT_LIMIT = 50L * 1024 * 1024;
    /** The largest body of anything but an upload (a rating). */
    static final long JSON_LIMIT = 64 * 1024;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Marketplace marketplace;

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        long declared = request.getContentLengthLong();
        long limit = limitFor(request);
        if (declared > limit) {
            response.setHeader("Connection", "close");
            JsonResponses.error(response, 413, "TOO_LARGE", "The request declares a body of " + declared
                    + " bytes; this address accepts at most " + limit + ".");
            return;
        }
        String badQuery = QueryEncoding.problem(request.getQueryString());
        if (badQuery != null) {
            JsonResponses.error(response, 400, "BAD_REQUEST", badQuery);
            return;
        }
        chain.doFilter(req, res);
    }

    private long limitFor(HttpServletRequest request) {
        String path = request.getRequestURI();
        boolean upload = "POST".equals(request.getMethod()) && (path.equals("/api/plugins")
                || path.equals("/api/plugins/"));
        if (!upload) {
            return JSON_LIMIT;
        }
        Marketplace current = marketplace;
        return current == null ? DEFAULT_LIMIT : current.maxUploadBytes();
    }
}
