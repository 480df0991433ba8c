package org.milkbottle.validation.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

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
            Policy sealed = parse(Files.readAllBytes(file));
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
            seal.write(file, format(policy));
            problem = null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /*
     * The file is read at every start, before the first prompt: with Jackson's streaming API rather than its object
     * mapper, whose ~600 classes would otherwise load on every start for two fields (docs/performance.md).
     */
    private static final JsonFactory JSON = new JsonFactory();

    static byte[] format(Policy policy) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator out = JSON.createGenerator(bytes)) {
            out.writeStartObject();
            out.writeArrayFieldStart("untrustedPermissions");
            for (String permission : policy.untrustedPermissions()) {
                out.writeString(permission);
            }
            out.writeEndArray();
            out.writeBooleanField("networkRequiresTrust", policy.networkRequiresTrust());
            out.writeEndObject();
        }
        return bytes.toByteArray();
    }

    /** The policy in {@code json}; a field missing or of the wrong type is an error, unknown fields are skipped. */
    static Policy parse(byte[] json) throws IOException {
        List<String> permissions = null;
        Boolean networkRequiresTrust = null;
        try (JsonParser in = JSON.createParser(json)) {
            expect(in, in.nextToken() == JsonToken.START_OBJECT, "an object");
            while (in.nextToken() == JsonToken.FIELD_NAME) {
                String field = in.currentName();
                JsonToken value = in.nextToken();
                if ("untrustedPermissions".equals(field)) {
                    expect(in, value == JsonToken.START_ARRAY, "a list of permissions");
                    permissions = new ArrayList<>();
                    while (in.nextToken() == JsonToken.VALUE_STRING) {
                        permissions.add(in.getText());
                    }
                    expect(in, in.currentToken() == JsonToken.END_ARRAY, "permission names");
                } else if ("networkRequiresTrust".equals(field)) {
                    expect(in, value == JsonToken.VALUE_TRUE || value == JsonToken.VALUE_FALSE, "true or false");
                    networkRequiresTrust = value == JsonToken.VALUE_TRUE;
                } else {
                    in.skipChildren();
                }
            }
            expect(in, in.currentToken() == JsonToken.END_OBJECT && in.nextToken() == null, "one object");
        }
        if (permissions == null || networkRequiresTrust == null) {
            throw new IOException("untrustedPermissions or networkRequiresTrust is missing");
        }
        return new Policy(List.copyOf(permissions), networkRequiresTrust);
    }

    private static void expect(JsonParser in, boolean condition, String what) throws JsonParseException {
        if (!condition) {
            throw new JsonParseException(in, "expected " + what);
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
