package {{package}}.internal;

import {{package}}.api.{{Simple}}Service;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.annotations.GogoCommand;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The {@code {{scope}}:greet} shell command: a user of the {@link {{Simple}}Service}, found in the service registry
 * as any other plugin would find it.
 */
@Component(service = {{Simple}}Commands.class)
@GogoCommand(scope = "{{scope}}", function = "greet")
public class {{Simple}}Commands {

    private final {{Simple}}Service service;

    @Activate
    public {{Simple}}Commands(@Reference {{Simple}}Service service) {
        this.service = service;
    }

    @Descriptor("greet someone through the {{title}} service")
    public String greet(@Descriptor("who to greet") String name) {
        return service.greet(name);
    }
}
