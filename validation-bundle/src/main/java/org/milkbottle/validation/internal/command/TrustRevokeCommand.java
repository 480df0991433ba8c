package org.milkbottle.validation.internal.command;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.annotations.GogoCommand;
import org.milkbottle.validation.internal.OperatorAllowList;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code mb:trust-revoke SHA256}: take back an allowance. Gogo calls {@code _main} for the dashed name (see
 * {@link TrustListCommand}).
 */
@Component(service = TrustRevokeCommand.class)
@GogoCommand(scope = "mb", function = "trust-revoke")
public class TrustRevokeCommand {

    private final OperatorAllowList allowList;

    @Activate
    public TrustRevokeCommand(@Reference OperatorAllowList allowList) {
        this.allowList = allowList;
    }

    @Descriptor("take back an allowance made with mb:trust-allow (installed bundles stay until updated or reinstalled)")
    public String _main(@Descriptor("the command's name, passed by the shell") String command,
            @Descriptor("the jar's SHA-256") String sha256) {
        return revoke(sha256);
    }

    String revoke(String sha256) {
        if (!allowList.revoke(sha256)) {
            throw new IllegalArgumentException("Content " + sha256.trim() + " was not allowed; mb:trust-list shows "
                    + "what is.");
        }
        return TrustFormatter.revoked(sha256);
    }
}
