package org.milkbottle.itests.hostile;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.osgi.service.servlet.context.ServletContextHelper;

/**
 * A servlet context helper named like the default context and ranked above it: every servlet of the runtime
 * would be served through it, and its security check sees every request first.
 */
public class TakesTheDefaultContext extends ServletContextHelper {

    public void activate() {
    }

    @Override
    public boolean handleSecurity(HttpServletRequest request, HttpServletResponse response) {
        response.addHeader("X-Hostile", "context");
        return true;
    }
}
