package org.milkbottle.validation.internal.command;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.annotations.GogoCommand;
import org.milkbottle.validation.internal.BundleValidator;
import org.milkbottle.validation.internal.OperatorAllowList;
import org.milkbottle.validation.internal.TrustStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code mb:trust-list}: the trusted publishers, the contents the operator allowed, and any trust state changed
 * behind the runtime's back.
 *
 * <p>A Java method cannot be named {@code trust-list}, so Gogo calls {@code _main}, with the command's name
 * first. For the same reason Gogo's {@code help mb:trust-list} finds no method to describe; {@code help mb:trust}
 * describes the whole family (see {@link TrustCommand}).
 */
@Component(service = TrustListCommand.class)
@GogoCommand(scope = "mb", function = "trust-list")
public class TrustListCommand {

    private final TrustStore trustStore;
    private final OperatorAllowList allowList;
    private final BundleValidator policy;

    @Activate
    public TrustListCommand(@Reference TrustStore trustStore, @Reference OperatorAllowList allowList,
            @Reference BundleValidator policy) {
        this.trustStore = trustStore;
        this.allowList = allowList;
        this.policy = policy;
    }

    @Descriptor("list trusted publishers and the contents the operator allowed")
    public String _main(@Descriptor("the command's name, passed by the shell") String command) {
        return list();
    }

    String list() {
        return TrustFormatter.list(policy.policyProblem(), trustStore.list(), trustStore.tampered(), allowList.list(),
                allowList.tampered());
    }
}
