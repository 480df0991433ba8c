package {{package}};

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;

/**
 * {@code GET /plugin/{{name}}/?name=Ada} on the runtime's HTTP port: registered on the HTTP whiteboard (the pattern is a
 * service property), answering JSON. The answer itself is made by {@link Answers}, tested without a server.
 */
@Component(service = Servlet.class, property = {"osgi.http.whiteboard.servlet.pattern=/plugin/{{name}}/*",
        "osgi.http.whiteboard.servlet.name={{name}}"})
public class {{Simple}}Servlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        byte[] body = Answers.greeting(request.getParameter("name")).getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
