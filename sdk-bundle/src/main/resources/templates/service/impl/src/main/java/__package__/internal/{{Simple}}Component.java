package {{package}}.internal;

import {{package}}.api.{{Simple}}Service;
import org.osgi.service.component.annotations.Component;

/** The {@link {{Simple}}Service}, published as an OSGi service by Declarative Services. */
@Component
public class {{Simple}}Component implements {{Simple}}Service {

    @Override
    public String greet(String name) {
        String who = name == null || name.isBlank() ? "world" : name.trim();
        return "Hello, " + who + ", from {{title}}!";
    }
}
