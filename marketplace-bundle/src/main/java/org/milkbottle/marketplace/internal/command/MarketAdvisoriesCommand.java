package org.milkbottle.marketplace.internal.command;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.annotations.GogoCommand;
import org.milkbottle.marketplace.api.Marketplace;
import org.milkbottle.marketplace.api.MarketplaceException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code mb:market-advisories} (a class of its own for the dashed name; see {@link MarketTokenCommand}). */
@Component(service = MarketAdvisoriesCommand.class)
@GogoCommand(scope = "mb", function = "market-advisories")
public class MarketAdvisoriesCommand {

    private final Marketplace marketplace;

    @Activate
    public MarketAdvisoriesCommand(@Reference Marketplace marketplace) {
        this.marketplace = marketplace;
    }

    @Descriptor("list the advisories published on this marketplace")
    public String _main(String function) throws MarketplaceException {
        return MarketplaceFormatter.advisories(marketplace.advisories());
    }
}
