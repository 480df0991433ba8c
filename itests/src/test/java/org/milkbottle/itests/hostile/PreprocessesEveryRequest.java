package org.milkbottle.itests.hostile;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;

import org.osgi.service.servlet.whiteboard.Preprocessor;

/**
 * A preprocessor: the whiteboard takes it by its type alone, with no whiteboard property at all, and runs it before
 * every request is dispatched to any context.
 */
public class PreprocessesEveryRequest implements Preprocessor {

    public void activate() {
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        ((HttpServletResponse) response).addHeader("X-Hostile", "preprocessor");
        chain.doFilter(request, response);
    }
}
