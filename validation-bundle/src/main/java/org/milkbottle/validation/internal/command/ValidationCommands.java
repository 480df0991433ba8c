package org.milkbottle.validation.internal.command;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.apache.felix.service.command.annotations.GogoCommand;
import org.milkbottle.validation.api.Validator;
import org.milkbottle.validation.internal.AuditLog;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.core.JsonProcessingException;

/** {@code mb:validate} and {@code mb:audit}; the trust commands are {@code mb:trust-*} ({@link TrustCommand}). */
@Component(service = ValidationCommands.class)
@GogoCommand(scope = "mb", function = {"validate", "audit"})
public class ValidationCommands {

    private final Validator validator;
    private final AuditLog audit;

    @Activate
    public ValidationCommands(@Reference Validator validator, @Reference AuditLog audit) {
        this.validator = validator;
        this.audit = audit;
    }

    @Descriptor("run every validation rule on a jar without installing it")
    public String validate(
            @Descriptor("print the report as JSON")
            @Parameter(names = {"-j", "--json"}, absentValue = "false", presentValue = "true") boolean json,
            @Descriptor("also show informational findings")
            @Parameter(names = {"-v", "--verbose"}, absentValue = "false", presentValue = "true") boolean verbose,
            @Descriptor("the jar file") String file) throws JsonProcessingException {
        Path path = Path.of(file).toAbsolutePath().normalize();
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("File not found: " + path);
        }
        var report = validator.validate(path, file);
        return json ? AuditLog.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report) + "\n"
                : ReportFormatter.report(report, verbose);
    }

    @Descriptor("show the latest install decisions: approved or vetoed, why, by whom, SHA-256")
    public String audit() {
        return audit(20);
    }

    @Descriptor("show the latest COUNT install decisions")
    public String audit(@Descriptor("how many") int count) {
        return ReportFormatter.audit(audit.tail(Math.max(1, count)));
    }
}
