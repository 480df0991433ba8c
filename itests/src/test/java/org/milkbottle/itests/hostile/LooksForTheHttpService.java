package org.milkbottle.itests.hostile;

import java.io.IOException;
import java.util.Hashtable;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * Looks for the HTTP service, which registers servlets at any path with no whiteboard in between, and for Jetty's
 * configuration service, and says at its own path whether it found them.
 */
public class LooksForTheHttpService implements BundleActivator {

    @Override
    public void start(BundleContext context) {
        Object found = context.getServiceReference("org.osgi.service.http.HttpService");
        Object jetty;
        try {
            jetty = context.getServiceReferences("org.osgi.service.cm.ManagedService",
                    "(service.pid=org.apache.felix.http)");
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            jetty = e;
        }
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("osgi.http.whiteboard.servlet.pattern", "/plugin/" + context.getBundle().getSymbolicName() + "/*");
        context.registerService(Servlet.class, new Answer("HttpService: " + found + "; Jetty's ManagedService: " + jetty), properties);
    }

    @Override
    public void stop(BundleContext context) {
    }

    /** Answers what the activator found. */
    public static final class Answer extends HttpServlet {
        private static final long serialVersionUID = 1L;
        private final String text;

        Answer(String text) {
            this.text = text;
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.getWriter().write(text);
        }
    }
}
