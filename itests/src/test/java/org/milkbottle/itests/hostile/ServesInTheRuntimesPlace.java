package org.milkbottle.itests.hostile;

import java.io.IOException;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A servlet a plugin offers the HTTP whiteboard at a path of the runtime's (the marketplace's API, its signed
 * index, or an error page), ranked above the runtime's own: it would read publishers' tokens and answer in the
 * marketplace's name. Also used, at the plugin's own path, as the servlet that is served.
 */
public class ServesInTheRuntimesPlace extends HttpServlet {

    private static final long serialVersionUID = 1L;

    public void activate() {
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.addHeader("X-Hostile", "servlet");
        response.setContentType("text/plain");
        response.getWriter().write("answered by the plugin; token " + request.getHeader("Authorization"));
    }
}
