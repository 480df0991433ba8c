package org.milkbottle.validation.internal.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import org.apache.felix.gogo.runtime.CommandProcessorImpl;
import org.apache.felix.gogo.runtime.threadio.ThreadIOImpl;
import org.apache.felix.service.command.CommandSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.milkbottle.validation.internal.TrustFixture;
import org.milkbottle.validation.testing.Signing;

/**
 * The {@code mb:trust-*} commands through Gogo's own command processor, registered under the names their
 * {@code @GogoCommand} declares: a dashed name reaches {@code _main}, flags are parsed, and the older
 * {@code mb:trust ACTION} form answers the same.
 */
class TrustCommandsTest {

    private static final String SHA = "ab".repeat(32);

    @TempDir
    Path dir;

    private final ThreadIOImpl threadIO = new ThreadIOImpl();
    private CommandSession session;

    @BeforeEach
    void setUp() {
        TrustFixture trust = TrustFixture.in(dir);
        TrustListCommand list = new TrustListCommand(trust.trustStore(), trust.allowList(), trust.validator());
        TrustAddCommand add = new TrustAddCommand(trust.trustStore());
        TrustRemoveCommand remove = new TrustRemoveCommand(trust.trustStore());
        TrustAllowCommand allow = new TrustAllowCommand(trust.allowList());
        TrustRevokeCommand revoke = new TrustRevokeCommand(trust.allowList());
        threadIO.start();
        CommandProcessorImpl processor = new CommandProcessorImpl(threadIO);
        Map<String, Object> commands = Map.of("trust-list", list, "trust-add", add, "trust-remove", remove,
                "trust-allow", allow, "trust-revoke", revoke,
                "trust", new TrustCommand(list, add, remove, allow, revoke));
        commands.forEach((function, command) -> processor.addCommand("mb", command, function));
        session = processor.createSession(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(),
                new ByteArrayOutputStream());
    }

    @AfterEach
    void tearDown() {
        session.close();
        threadIO.stop();
    }

    private String run(String line) throws Exception {
        return String.valueOf(session.execute(line));
    }

    @Test
    void theDashedCommandsTrustAndAllowThroughTheShell() throws Exception {
        Path certificate = new Signing(dir, "acme").exportCertificate(dir.resolve("acme.pem"));
        assertThat(run("mb:trust-list")).contains("No trusted publishers", "No contents allowed");

        assertThat(run("mb:trust-add " + certificate + " acme-publisher")).startsWith("Trusted CN=acme,O=Tests as "
                + "'acme-publisher'");
        assertThat(run("mb:trust-allow --reason 'reviewed by ops' " + SHA)).contains("Allowed content " + SHA,
                "(reviewed by ops)");
        assertThat(run("mb:trust-list")).contains("acme-publisher  CN=acme,O=Tests", SHA, "reviewed by ops");

        assertThat(run("mb:trust-revoke " + SHA)).isEqualTo("Revoked the allowance of " + SHA + ".\n");
        assertThat(run("mb:trust-remove acme-publisher")).isEqualTo("Removed 'acme-publisher' from the trust store.\n");
        assertThat(run("mb:trust-list")).contains("No trusted publishers", "No contents allowed");
    }

    @Test
    void theOlderFormIsAnAliasOfTheDashedCommands() throws Exception {
        Path certificate = new Signing(dir, "acme").exportCertificate(dir.resolve("acme.pem"));
        run("mb:trust add " + certificate);
        run("mb:trust allow " + SHA + " known good build");

        assertThat(run("mb:trust list")).isEqualTo(run("mb:trust-list")).isEqualTo(run("mb:trust"))
                .contains("acme", "known good build");
        assertThat(run("mb:trust revoke " + SHA)).isEqualTo("Revoked the allowance of " + SHA + ".\n");
        assertThatThrownBy(() -> run("mb:trust add")).hasMessage("usage: mb:trust-add CERTFILE [ALIAS]");
        assertThatThrownBy(() -> run("mb:trust forget x")).hasMessageContaining("Unknown action 'forget'")
                .hasMessageContaining("mb:trust-allow [--reason TEXT] SHA256");
    }

    @Test
    void refusalsSayWhatToDoNext() {
        assertThatThrownBy(() -> run("mb:trust-add " + dir.resolve("missing.pem")))
                .hasMessageContaining("File not found: " + dir.resolve("missing.pem"));
        assertThatThrownBy(() -> run("mb:trust-remove nobody")).hasMessage("No trusted certificate is named "
                + "'nobody'; mb:trust-list shows them.");
        assertThatThrownBy(() -> run("mb:trust-revoke " + SHA)).hasMessageContaining("mb:trust-list shows what is");
    }

    @Test
    void eachCommandIsRegisteredByItsGogoCommandAnnotationUnderItsDashedName() throws IOException {
        for (Class<?> command : new Class<?>[] {TrustListCommand.class, TrustAddCommand.class,
            TrustRemoveCommand.class, TrustAllowCommand.class, TrustRevokeCommand.class}) {
            String function = "trust-" + command.getSimpleName().replace("Trust", "").replace("Command", "")
                    .toLowerCase();
            assertThat(component(command)).as(command.getSimpleName())
                    .contains("<property name=\"osgi.command.scope\" type=\"String\" value=\"mb\"/>")
                    .containsPattern("<property name=\"osgi.command.function\" type=\"String\">\\s*" + function
                            + "\\s*</property>");
        }
        assertThat(component(TrustCommand.class))
                .containsPattern("<property name=\"osgi.command.function\" type=\"String\">\\s*trust\\s*</property>");
        assertThat(component(ValidationCommands.class)).doesNotContain("trust");
    }

    /** The component description bnd generated from the class's annotations, as SCR reads it. */
    private static String component(Class<?> type) throws IOException {
        try (InputStream in = type.getClassLoader().getResourceAsStream("OSGI-INF/" + type.getName() + ".xml")) {
            assertThat(in).as("OSGI-INF/" + type.getName() + ".xml").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
