package org.milkbottle.marketplace.internal.command;

import java.util.Arrays;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.annotations.GogoCommand;
import org.milkbottle.marketplace.api.MarketplaceException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code mb:market token|publish|advisory|advisories …}, the form scripts and docs used before the
 * verb-noun commands: kept as an alias that only maps the words onto {@code mb:market-token},
 * {@code mb:market-publish}, {@code mb:market-advisory} and {@code mb:market-advisories}.
 */
@Component(service = MarketAliasCommand.class)
@GogoCommand(scope = "mb", function = "market")
public class MarketAliasCommand {

    private final MarketTokenCommand token;
    private final MarketPublishCommand publish;
    private final MarketAdvisoryCommand advisory;
    private final MarketAdvisoriesCommand advisories;

    @Activate
    public MarketAliasCommand(@Reference MarketTokenCommand token, @Reference MarketPublishCommand publish,
            @Reference MarketAdvisoryCommand advisory, @Reference MarketAdvisoriesCommand advisories) {
        this.token = token;
        this.publish = publish;
        this.advisory = advisory;
        this.advisories = advisories;
    }

    @Descriptor("the older form of mb:market-token, mb:market-publish, mb:market-advisory and mb:market-advisories")
    public String market(@Descriptor("token | publish | advisory | advisories") String action,
            @Descriptor("OWNER | TOKEN JAR | PLUGIN RANGE SEVERITY MESSAGE") String... args)
            throws MarketplaceException {
        return switch (action) {
            case "token" -> {
                expect(args.length == 1, "mb:market-token OWNER");
                yield token._main("market-token", args[0]);
            }
            case "publish" -> {
                expect(args.length == 2, "mb:market-publish TOKEN JAR");
                yield publish._main("market-publish", args[0], args[1]);
            }
            case "advisory" -> {
                expect(args.length >= 4, "mb:market-advisory PLUGIN VERSION-RANGE SEVERITY MESSAGE…");
                yield advisory._main("market-advisory", args[0], args[1], args[2],
                        Arrays.copyOfRange(args, 3, args.length));
            }
            case "advisories" -> {
                expect(args.length == 0, "mb:market-advisories");
                yield advisories._main("market-advisories");
            }
            default -> throw new IllegalArgumentException("Unknown action '" + action + "'; use mb:market-token, "
                    + "mb:market-publish, mb:market-advisory or mb:market-advisories.");
        };
    }

    private static void expect(boolean condition, String usage) {
        if (!condition) {
            throw new IllegalArgumentException("usage: " + usage);
        }
    }
}
