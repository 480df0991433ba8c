package org.milkbottle.validation.internal.command;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.apache.felix.service.command.annotations.GogoCommand;
import org.milkbottle.validation.internal.OperatorAllowList;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code mb:trust-allow [--reason TEXT] SHA256}: allow one exact jar. Gogo calls {@code _main} for the dashed
 * name (see {@link TrustListCommand}); Gogo parses the flag as for any command.
 */
@Component(service = TrustAllowCommand.class)
@GogoCommand(scope = "mb", function = "trust-allow")
public class TrustAllowCommand {

    private final OperatorAllowList allowList;

    @Activate
    public TrustAllowCommand(@Reference OperatorAllowList allowList) {
        this.allowList = allowList;
    }

    @Descriptor("allow one exact jar by its SHA-256 (shown by mb:validate and in refusals): it is then trusted at the "
            + "'operator' level, every permission but 'framework', wherever it comes from")
    // Gogo fills the flags first and then the positional arguments, of which the command's name is the first: so
    // the flag comes before the name here
    public String _main(@Descriptor("why you allow it (recorded)")
            @Parameter(names = {"-r", "--reason"}, absentValue = "") String reason,
            @Descriptor("the command's name, passed by the shell") String command,
            @Descriptor("the jar's SHA-256, 64 hex digits") String sha256) {
        return allow(sha256, reason);
    }

    String allow(String sha256, String reason) {
        return TrustFormatter.allowed(allowList.allow(sha256, reason));
    }
}
