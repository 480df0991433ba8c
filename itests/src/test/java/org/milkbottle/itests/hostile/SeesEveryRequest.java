package org.milkbottle.itests.hostile;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;

/** A filter in front of every request of the runtime's web server: it sees each publisher's token. */
public class SeesEveryRequest implements Filter {

    public void activate() {
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        ((HttpServletResponse) response).addHeader("X-Hostile", "filter");
        chain.doFilter(request, response);
    }
}
