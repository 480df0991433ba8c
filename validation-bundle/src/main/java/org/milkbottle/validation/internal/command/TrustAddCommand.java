package org.milkbottle.validation.internal.command;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.annotations.GogoCommand;
import org.milkbottle.validation.internal.TrustStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code mb:trust-add CERTFILE [ALIAS]}: trust a publisher. Gogo calls {@code _main} for the dashed name (see
 * {@link TrustListCommand}).
 */
@Component(service = TrustAddCommand.class)
@GogoCommand(scope = "mb", function = "trust-add")
public class TrustAddCommand {

    private final TrustStore trustStore;

    @Activate
    public TrustAddCommand(@Reference TrustStore trustStore) {
        this.trustStore = trustStore;
    }

    @Descriptor("trust a publisher: jars signed by this certificate (or one it issued) are trusted, and may hold "
            + "every permission, 'framework' included")
    public String _main(@Descriptor("the command's name, passed by the shell") String command,
            @Descriptor("X.509 certificate file, PEM or DER") String certificateFile) {
        return add(certificateFile, null);
    }

    @Descriptor("trust a publisher under a name of your choice")
    public String _main(@Descriptor("the command's name, passed by the shell") String command,
            @Descriptor("X.509 certificate file, PEM or DER") String certificateFile,
            @Descriptor("a name for it (default: its CN)") String alias) {
        return add(certificateFile, alias);
    }

    /** @param alias the name to give it, or null for one made from its subject */
    String add(String certificateFile, String alias) {
        Path file = Path.of(certificateFile).toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("File not found: " + file);
        }
        return TrustFormatter.added(trustStore.add(file, alias));
    }
}
