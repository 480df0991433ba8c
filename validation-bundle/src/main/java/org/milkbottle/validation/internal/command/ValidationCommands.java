package org.milkbottle.validation.internal.command;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.apache.felix.service.command.annotations.GogoCommand;
import org.milkbottle.validation.api.Validator;
import org.milkbottle.validation.internal.AuditLog;
import org.milkbottle.validation.internal.TrustStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.core.JsonProcessingException;

/** {@code mb:validate} and {@code mb:audit}. */
@Component(service = ValidationCommands.class)
@GogoCommand(scope = "mb", function = {"validate", "audit", "trust"})
public class ValidationCommands {

    private final Validator validator;
    private final AuditLog audit;
    private final TrustStore trustStore;

    @Activate
    public ValidationCommands(@Reference Validator validator, @Reference AuditLog audit,
            @Reference TrustStore trustStore) {
        this.validator = validator;
        this.audit = audit;
        this.trustStore = trustStore;
    }

    @Descriptor("manage trusted publishers: 'list', 'add CERTFILE [ALIAS]', 'remove ALIAS'")
    public String trust(@Descriptor("list | add | remove") String action,
            @Descriptor("CERTFILE [ALIAS] for add, ALIAS for remove") String... args) {
        switch (action) {
            case "list" -> {
                return ReportFormatter.trust(trustStore.list());
            }
            case "add" -> {
                if (args.length < 1 || args.length > 2) {
                    throw new IllegalArgumentException("usage: mb:trust add CERTFILE [ALIAS]");
                }
                Path file = Path.of(args[0]).toAbsolutePath().normalize();
                if (!Files.isRegularFile(file)) {
                    throw new IllegalArgumentException("File not found: " + file);
                }
                TrustStore.Entry entry = trustStore.add(file, args.length == 2 ? args[1] : null);
                return "Trusted " + entry.subject() + " as '" + entry.alias() + "' (sha-256 " + entry.sha256() + ")\n";
            }
            case "remove" -> {
                if (args.length != 1) {
                    throw new IllegalArgumentException("usage: mb:trust remove ALIAS");
                }
                if (!trustStore.remove(args[0])) {
                    throw new IllegalArgumentException("No trusted certificate is named '" + args[0]
                            + "'; mb:trust list shows them.");
                }
                return "Removed '" + args[0] + "' from the trust store.\n";
            }
            default -> throw new IllegalArgumentException("Unknown action '" + action
                    + "'; use mb:trust list, mb:trust add CERTFILE [ALIAS] or mb:trust remove ALIAS.");
        }
    }

    @Descriptor("list trusted publishers")
    public String trust() {
        return trust("list");
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
        return json ? AuditLog.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(report) + "\n"
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
