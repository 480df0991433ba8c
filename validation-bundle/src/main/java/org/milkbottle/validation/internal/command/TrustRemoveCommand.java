package org.milkbottle.validation.internal.command;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.annotations.GogoCommand;
import org.milkbottle.validation.internal.TrustStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code mb:trust-remove ALIAS}: stop trusting a publisher. Gogo calls {@code _main} for the dashed name (see
 * {@link TrustListCommand}).
 */
@Component(service = TrustRemoveCommand.class)
@GogoCommand(scope = "mb", function = "trust-remove")
public class TrustRemoveCommand {

    private final TrustStore trustStore;

    @Activate
    public TrustRemoveCommand(@Reference TrustStore trustStore) {
        this.trustStore = trustStore;
    }

    @Descriptor("stop trusting a publisher")
    public String _main(@Descriptor("the command's name, passed by the shell") String command,
            @Descriptor("the alias shown by mb:trust-list") String alias) {
        return remove(alias);
    }

    String remove(String alias) {
        if (!trustStore.remove(alias)) {
            throw new IllegalArgumentException("No trusted certificate is named '" + alias
                    + "'; mb:trust-list shows them.");
        }
        return TrustFormatter.removed(alias);
    }
}
