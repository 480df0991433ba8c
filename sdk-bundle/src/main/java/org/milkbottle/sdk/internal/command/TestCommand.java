package org.milkbottle.sdk.internal.command;

import java.nio.file.Path;
import java.time.Duration;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.apache.felix.service.command.annotations.GogoCommand;
import org.milkbottle.sdk.api.PluginTestReport;
import org.milkbottle.sdk.api.PluginTester;
import org.milkbottle.sdk.api.SdkException;
import org.milkbottle.sdk.internal.test.ReportJson;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code mb:test} over the {@link PluginTester}. */
@Component(service = TestCommand.class)
@GogoCommand(scope = "mb", function = "test")
public class TestCommand {

    private final PluginTester tester;

    @Activate
    public TestCommand(@Reference PluginTester tester) {
        this.tester = tester;
    }

    @Descriptor("test a plugin's jar in a throwaway copy of this runtime (its own data folder and port, removed "
            + "afterwards): install it with its dependencies, start it, activate every component, run its health "
            + "checks, ask each of its commands for help. PASS or FAIL per check; fails if any check fails")
    public String test(
            @Descriptor("print the report as one line of JSON (and do not fail)") @Parameter(names = {"-j", "--json"},
                    absentValue = "false", presentValue = "true") boolean json,
            @Descriptor("check a plugin installed in this runtime instead: give its name") @Parameter(names = {"-i",
                    "--installed"}, absentValue = "false", presentValue = "true") boolean installed,
            @Descriptor("seconds the throwaway runtime may take, start to stop (default 180)")
            @Parameter(names = {"-t", "--timeout"}, absentValue = "180") int timeoutSeconds,
            @Descriptor("the plugin's jar, e.g. target/org.acme.notes.jar (with --installed: its name)") String target)
            throws SdkException {
        if (timeoutSeconds < 1) {
            throw new SdkException("--timeout must be at least 1 second; it was " + timeoutSeconds + ".");
        }
        PluginTestReport report = installed ? tester.check(target.strip())
                : tester.test(Path.of(target), Duration.ofSeconds(timeoutSeconds));
        if (json) {
            return ReportJson.write(report);
        }
        if (!report.passed()) {
            throw new SdkException(SdkFormatter.tested(report));
        }
        return SdkFormatter.tested(report);
    }
}
