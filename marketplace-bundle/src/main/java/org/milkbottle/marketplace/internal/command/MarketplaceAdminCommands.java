package org.milkbottle.marketplace.internal.command;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.annotations.GogoCommand;
import org.milkbottle.marketplace.api.Marketplace;
import org.milkbottle.marketplace.api.MarketplaceException;
import org.milkbottle.marketplace.api.PublishResult;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Admin commands of a marketplace node: {@code mb:market token OWNER} and {@code mb:market publish TOKEN JAR}. */
@Component(service = MarketplaceAdminCommands.class)
@GogoCommand(scope = "mb", function = "market")
public class MarketplaceAdminCommands {

    private final Marketplace marketplace;

    @Activate
    public MarketplaceAdminCommands(@Reference Marketplace marketplace) {
        this.marketplace = marketplace;
    }

    @Descriptor("administer this marketplace: 'token OWNER' creates an API token for publishing (shown once; "
            + "only its hash is kept), 'publish TOKEN JAR' publishes a plugin jar, 'advisory PLUGIN RANGE SEVERITY "
            + "MESSAGE' publishes an advisory (severity low, medium, high or critical), 'advisories' lists them")
    public String market(@Descriptor("token | publish | advisory | advisories") String action,
            @Descriptor("OWNER | TOKEN JAR | PLUGIN RANGE SEVERITY MESSAGE") String... args)
            throws MarketplaceException {
        switch (action) {
            case "token" -> {
                if (args.length != 1) {
                    throw new IllegalArgumentException("usage: mb:market token OWNER");
                }
                return token(args[0]);
            }
            case "publish" -> {
                if (args.length != 2) {
                    throw new IllegalArgumentException("usage: mb:market publish TOKEN JAR");
                }
                return publish(args[0], args[1]);
            }
            case "advisory" -> {
                if (args.length < 4) {
                    throw new IllegalArgumentException("usage: mb:market advisory PLUGIN VERSION-RANGE SEVERITY MESSAGE…");
                }
                org.milkbottle.validation.api.Advisory advisory = marketplace.publishAdvisory(args[0], args[1], args[2],
                        String.join(" ", java.util.Arrays.copyOfRange(args, 3, args.length)));
                return "Published advisory " + advisory.id() + " for " + advisory.plugin() + " " + advisory.versions()
                        + " (" + advisory.severity() + ")\n";
            }
            case "advisories" -> {
                StringBuilder out = new StringBuilder();
                marketplace.advisories().forEach(a -> out.append(a.id()).append("  ").append(a.plugin()).append(' ')
                        .append(a.versions()).append("  ").append(a.severity()).append("  ").append(a.message())
                        .append('\n'));
                return out.length() == 0 ? "No advisories.\n" : out.toString();
            }
            default -> throw new IllegalArgumentException("Unknown action '" + action + "'; use token, publish, "
                    + "advisory or advisories.");
        }
    }

    private String token(String owner) throws MarketplaceException {
        return "Token for " + owner + " (keep it secret; it is not shown again):\n" + marketplace.createToken(owner)
                + "\n";
    }

    private String publish(String token, String jar) throws MarketplaceException {
        Path file = Path.of(jar).toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("File not found: " + file);
        }
        PublishResult result = marketplace.publish(token, file);
        StringBuilder out = new StringBuilder("Published " + result.name() + " " + result.version() + " (sha-256 "
                + result.sha256() + ")\n");
        result.findings().forEach(f -> out.append("  ").append(f).append('\n'));
        return out.toString();
    }
}
