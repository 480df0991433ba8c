package org.milkbottle.example.hello;

import org.apache.felix.hc.api.HealthCheck;
import org.apache.felix.hc.api.Result;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Reports that the greeting command is available and how much it has been used. */
@Component(property = {HealthCheck.NAME + "=hello", HealthCheck.TAGS + "=hello"})
public class HelloHealthCheck implements HealthCheck {

    private final HelloCommand command;

    @Activate
    public HelloHealthCheck(@Reference HelloCommand command) {
        this.command = command;
    }

    @Override
    public Result execute() {
        return new Result(Result.Status.OK, "greeting command ready; " + command.greetingsGiven() + " greetings given");
    }
}
