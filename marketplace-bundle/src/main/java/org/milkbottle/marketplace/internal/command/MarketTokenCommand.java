package org.milkbottle.marketplace.internal.command;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.annotations.GogoCommand;
import org.milkbottle.marketplace.api.Marketplace;
import org.milkbottle.marketplace.api.MarketplaceException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code mb:market-token OWNER}. Gogo cannot map a function name with a dash onto a Java method, so each
 * dashed command is a class of its own whose {@code _main} method Gogo calls with the function name first;
 * the other {@code mb:market-*} commands are built the same way.
 */
@Component(service = MarketTokenCommand.class)
@GogoCommand(scope = "mb", function = "market-token")
public class MarketTokenCommand {

    private final Marketplace marketplace;

    @Activate
    public MarketTokenCommand(@Reference Marketplace marketplace) {
        this.marketplace = marketplace;
    }

    @Descriptor("create an API token for publishing to this marketplace (shown once; only its hash is kept); on "
            + "a headless node, from its folder: java -jar marketplace.jar --attach -c 'mb:market-token OWNER'. "
            + "mb:market-key shows the key runtimes pin")
    public String _main(String function, @Descriptor("who publishes with it") String owner)
            throws MarketplaceException {
        return MarketplaceFormatter.token(owner, marketplace.createToken(owner));
    }
}
