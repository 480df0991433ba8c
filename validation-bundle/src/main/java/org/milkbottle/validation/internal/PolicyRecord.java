package org.milkbottle.validation.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The trust policy as the runtime last accepted it, sealed in {@code policy.json}. Configuration reaches
 * the validator through ConfigurationAdmin, which keeps it in files of its own: a change made through
 * ConfigurationAdmin while the runtime runs is accepted (plugins without {@code framework} cannot reach
 * it), but a policy that differs at start from the sealed one was written behind the runtime's back —
 * it is reported and the sealed policy is kept. A sealed file that was itself changed gives way to the
 * built-in defaults, the strictest choice.
 */
final class PolicyRecord {

    private static final System.Logger LOG = System.getLogger(PolicyRecord.class.getName());

    /** The security-relevant part of the configuration. */
    record Policy(List<String> untrustedPermissions, boolean networkRequiresTrust) {

        static Policy of(ValidationLimits limits) {
            return new Policy(List.of(limits.untrustedPermissions()), limits.networkRequiresTrust());
        }
    }

    /** The built-in defaults, as in {@link ValidationLimits}. */
    static final Policy DEFAULTS = new Policy(List.of("network", "file-write"), true);

    private final Path file;
    private final IntegritySeal seal;
    private volatile String problem;

    PolicyRecord(Path file, IntegritySeal seal) {
        this.file = file;
        this.seal = seal;
    }

    /** The policy to use at start, given what the configuration delivers. */
    Policy atStart(Policy delivered) {
        IntegritySeal.Verdict verdict = seal.check(file);
        if (verdict == IntegritySeal.Verdict.ABSENT) {
            accepted(delivered);
            return delivered;
        }
        if (verdict == IntegritySeal.Verdict.TAMPERED) {
            report("The sealed trust policy " + file + " was changed behind MilkBottle's back; the built-in defaults "
                    + "apply until the operator sets the policy again (configuration " + ValidationLimits.PID + ").");
            return DEFAULTS;
        }
        try {
            Policy sealed = AuditLog.MAPPER.readValue(Files.readAllBytes(file), Policy.class);
            if (!sealed.equals(delivered)) {
                report("The trust policy in the configuration (" + delivered + ") differs from the one MilkBottle "
                        + "last accepted (" + sealed + "): it was changed behind the runtime's back and is not "
                        + "honoured. Set it again through the running runtime if you meant it.");
            }
            return sealed;
        } catch (IOException e) {
            report("The sealed trust policy " + file + " cannot be read (" + e.getMessage() + "); the built-in "
                    + "defaults apply.");
            return DEFAULTS;
        }
    }

    /** Seals a policy accepted while the runtime runs. */
    void accepted(Policy policy) {
        try {
            seal.write(file, AuditLog.MAPPER.writeValueAsBytes(policy));
            problem = null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** What was wrong with the policy at start, or null. */
    String problem() {
        return problem;
    }

    private void report(String text) {
        problem = text;
        LOG.log(System.Logger.Level.ERROR, text);
    }
}
