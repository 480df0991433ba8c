package org.milkbottle.marketplace.internal.command;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.annotations.GogoCommand;
import org.milkbottle.marketplace.api.Marketplace;
import org.milkbottle.marketplace.api.MarketplaceException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code mb:market-advisory PLUGIN RANGE SEVERITY MESSAGE…} (a class of its own for the dashed name; see
 * {@link MarketTokenCommand}).
 */
@Component(service = MarketAdvisoryCommand.class)
@GogoCommand(scope = "mb", function = "market-advisory")
public class MarketAdvisoryCommand {

    private final Marketplace marketplace;

    @Activate
    public MarketAdvisoryCommand(@Reference Marketplace marketplace) {
        this.marketplace = marketplace;
    }

    @Descriptor("publish an advisory: runtimes using this marketplace warn about installed matches and, for high "
            + "and critical, refuse to install them")
    public String _main(String function, @Descriptor("the plugin's symbolic name") String plugin,
            @Descriptor("the affected versions, an OSGi range like '[1.0,1.2.3)'") String range,
            @Descriptor("low, medium, high or critical") String severity,
            @Descriptor("what is wrong and what to do") String... message) throws MarketplaceException {
        return MarketplaceFormatter.advisory(marketplace.publishAdvisory(plugin, range, severity,
                String.join(" ", message)));
    }
}
