package org.milkbottle.validation.internal.command;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.apache.felix.service.command.annotations.GogoCommand;
import org.milkbottle.validation.api.Validator;
import org.milkbottle.validation.internal.AuditLog;
import org.milkbottle.validation.internal.BundleValidator;
import org.milkbottle.validation.internal.OperatorAllowList;
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
    private final OperatorAllowList allowList;
    private final BundleValidator policy;

    @Activate
    public ValidationCommands(@Reference Validator validator, @Reference AuditLog audit,
            @Reference TrustStore trustStore, @Reference OperatorAllowList allowList,
            @Reference BundleValidator policy) {
        this.policy = policy;
        this.validator = validator;
        this.audit = audit;
        this.trustStore = trustStore;
        this.allowList = allowList;
    }

    @Descriptor("list trusted publishers and the contents the operator allowed")
    public String trustList() {
        String problem = policy.policyProblem();
        return (problem == null ? "" : "WARNING: " + problem + "\n") + ReportFormatter.trust(trustStore.list(),
                trustStore.tampered()) + ReportFormatter.allowed(allowList.list(), allowList.tampered());
    }

    @Descriptor("trust a publisher: jars signed by this certificate (or one it issued) are trusted, and may hold "
            + "every permission, 'framework' included")
    public String trustAdd(@Descriptor("X.509 certificate file, PEM or DER") String certificateFile,
            @Descriptor("a name for it (default: its CN)") String... alias) {
        if (alias.length > 1) {
            throw new IllegalArgumentException("usage: mb:trust-add CERTFILE [ALIAS]");
        }
        Path file = Path.of(certificateFile).toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("File not found: " + file);
        }
        TrustStore.Entry entry = trustStore.add(file, alias.length == 1 ? alias[0] : null);
        return "Trusted " + entry.subject() + " as '" + entry.alias() + "' (sha-256 " + entry.sha256() + ")\n";
    }

    @Descriptor("stop trusting a publisher")
    public String trustRemove(@Descriptor("the alias shown by mb:trust-list") String alias) {
        if (!trustStore.remove(alias)) {
            throw new IllegalArgumentException("No trusted certificate is named '" + alias
                    + "'; mb:trust-list shows them.");
        }
        return "Removed '" + alias + "' from the trust store.\n";
    }

    @Descriptor("allow one exact jar by its SHA-256 (shown by mb:validate and in refusals): it is then trusted at the "
            + "'operator' level, every permission but 'framework', wherever it comes from")
    public String trustAllow(
            @Descriptor("why you allow it (recorded)")
            @Parameter(names = {"-r", "--reason"}, absentValue = "") String reason,
            @Descriptor("the jar's SHA-256, 64 hex digits") String sha256) {
        OperatorAllowList.Entry entry = allowList.allow(sha256, reason);
        return "Allowed content " + entry.sha256() + " (" + entry.reason() + "). Install it again to use it.\n";
    }

    @Descriptor("take back an allowance made with mb:trust-allow (installed bundles stay until updated or reinstalled)")
    public String trustRevoke(@Descriptor("the jar's SHA-256") String sha256) {
        if (!allowList.revoke(sha256)) {
            throw new IllegalArgumentException("Content " + sha256.trim() + " was not allowed; mb:trust-list shows "
                    + "what is.");
        }
        return "Revoked the allowance of " + sha256.trim().toLowerCase() + ".\n";
    }

    @Descriptor("manage trust (older form): 'list', 'add CERTFILE [ALIAS]', 'remove ALIAS', 'allow SHA256 [REASON]', "
            + "'revoke SHA256'; prefer mb:trust-list, mb:trust-add, mb:trust-remove, mb:trust-allow, mb:trust-revoke")
    public String trust(@Descriptor("list | add | remove | allow | revoke") String action,
            @Descriptor("the action's arguments") String... args) {
        switch (action) {
            case "list" -> {
                return trustList();
            }
            case "add" -> {
                if (args.length < 1 || args.length > 2) {
                    throw new IllegalArgumentException("usage: mb:trust-add CERTFILE [ALIAS]");
                }
                return args.length == 2 ? trustAdd(args[0], args[1]) : trustAdd(args[0]);
            }
            case "remove" -> {
                if (args.length != 1) {
                    throw new IllegalArgumentException("usage: mb:trust-remove ALIAS");
                }
                return trustRemove(args[0]);
            }
            case "allow" -> {
                if (args.length < 1) {
                    throw new IllegalArgumentException("usage: mb:trust-allow [--reason TEXT] SHA256");
                }
                return trustAllow(String.join(" ", java.util.Arrays.copyOfRange(args, 1, args.length)), args[0]);
            }
            case "revoke" -> {
                if (args.length != 1) {
                    throw new IllegalArgumentException("usage: mb:trust-revoke SHA256");
                }
                return trustRevoke(args[0]);
            }
            default -> throw new IllegalArgumentException("Unknown action '" + action + "'; use mb:trust-list, "
                    + "mb:trust-add CERTFILE [ALIAS], mb:trust-remove ALIAS, mb:trust-allow SHA256 or "
                    + "mb:trust-revoke SHA256.");
        }
    }

    @Descriptor("list trusted publishers and allowed contents")
    public String trust() {
        return trustList();
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
