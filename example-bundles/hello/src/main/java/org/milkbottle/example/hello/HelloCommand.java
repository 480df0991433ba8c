package org.milkbottle.example.hello;

import java.util.concurrent.atomic.AtomicLong;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.annotations.GogoCommand;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/** The {@code hello:greet} command, configured by {@link GreetingConfig}. */
@Component(service = HelloCommand.class, configurationPid = "org.milkbottle.example.hello")
@Designate(ocd = GreetingConfig.class)
@GogoCommand(scope = "hello", function = {"greet"})
public class HelloCommand {

    private final AtomicLong greetings = new AtomicLong();
    private volatile Greeter greeter;

    @Activate
    @Modified
    void configure(GreetingConfig config) {
        greeter = new Greeter(config.greeting(), config.excitement(), config.style());
    }

    @Descriptor("greet the world")
    public String greet() {
        return greet("");
    }

    @Descriptor("greet someone")
    public String greet(@Descriptor("who to greet") String name) {
        greetings.incrementAndGet();
        return greeter.greet(name);
    }

    /** How many greetings were given since start, for the health check. */
    long greetingsGiven() {
        return greetings.get();
    }
}
