package org.milkbottle.marketplace.internal.command;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.annotations.GogoCommand;
import org.milkbottle.marketplace.api.Marketplace;
import org.milkbottle.marketplace.api.MarketplaceException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code mb:market-publish TOKEN JAR} (a class of its own for the dashed name; see {@link MarketTokenCommand}). */
@Component(service = MarketPublishCommand.class)
@GogoCommand(scope = "mb", function = "market-publish")
public class MarketPublishCommand {

    private final Marketplace marketplace;

    @Activate
    public MarketPublishCommand(@Reference Marketplace marketplace) {
        this.marketplace = marketplace;
    }

    @Descriptor("publish a plugin jar to this marketplace (validated first, like any upload)")
    public String _main(String function, @Descriptor("an API token from mb:market-token") String token,
            @Descriptor("the plugin jar") String jar) throws MarketplaceException {
        Path file = Path.of(jar).toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("File not found: " + file);
        }
        return MarketplaceFormatter.published(marketplace.publish(token, file));
    }
}
