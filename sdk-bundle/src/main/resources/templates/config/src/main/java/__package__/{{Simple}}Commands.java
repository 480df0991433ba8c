package {{package}};

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.annotations.GogoCommand;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/**
 * {@code {{scope}}:greet}, configured by {@link {{Simple}}Config} under the PID {@code {{name}}}. {@code @Modified}:
 * a new value ({@code mb:config {{name}} excitement 3}) reaches the running component without a restart.
 */
@Component(service = {{Simple}}Commands.class, configurationPid = "{{name}}")
@Designate(ocd = {{Simple}}Config.class)
@GogoCommand(scope = "{{scope}}", function = {"greet"})
public class {{Simple}}Commands {

    private volatile Greeting greeting;

    @Activate
    @Modified
    void configure({{Simple}}Config config) {
        greeting = Greeting.of(config);
    }

    @Descriptor("greet the world")
    public String greet() {
        return greeting.greet("");
    }

    @Descriptor("greet someone")
    public String greet(@Descriptor("who to greet") String name) {
        return greeting.greet(name);
    }
}
