package org.milkbottle.marketplace.internal.command;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.annotations.GogoCommand;
import org.milkbottle.marketplace.api.Marketplace;
import org.milkbottle.marketplace.internal.server.MarketplaceConfig;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code mb:market-key}: the fingerprint of this marketplace's signing key and where its public key is, so
 * that its admin can publish them and the admins of other runtimes can compare what {@code mb:repo-add}
 * printed when it pinned the key (a class of its own for the dashed name; see {@link MarketTokenCommand}).
 */
@Component(service = MarketKeyCommand.class, configurationPid = MarketplaceConfig.PID)
@GogoCommand(scope = "mb", function = "market-key")
public class MarketKeyCommand {

    /** The public key's file in the marketplace's folder, as the server writes it. */
    static final String PUBLIC_KEY_FILE = "index-key.pub.pem";

    private final Marketplace marketplace;
    private final Path publicKeyFile;

    @Activate
    public MarketKeyCommand(@Reference Marketplace marketplace, BundleContext context, MarketplaceConfig config) {
        this.marketplace = marketplace;
        this.publicKeyFile = folder(context, config).resolve(PUBLIC_KEY_FILE).toAbsolutePath();
    }

    @Descriptor("show the fingerprint of this marketplace's signing key (as mb:repo-add prints it) and its public "
            + "key file, to give to the admins of runtimes that add this marketplace")
    public String _main(String function) {
        return MarketplaceFormatter.key(fingerprint(marketplace.publicKey()), publicKeyFile);
    }

    /**
     * The key's SHA-256 fingerprint: the first 16 bytes of the digest of its X.509 encoding, hex with colons —
     * computed the way the repository client computes the one {@code mb:repo-add} and {@code mb:repo-list} show.
     */
    static String fingerprint(String pem) {
        try {
            byte[] der = Base64.getDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
            byte[] encoded = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der)).getEncoded();
            return HexFormat.ofDelimiter(":").formatHex(MessageDigest.getInstance("SHA-256").digest(encoded))
                    .substring(0, 47);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("The marketplace's public key is not a PEM-encoded EC key: " + e, e);
        }
    }

    /** The marketplace's folder, as the server chooses it: configured, else 'marketplace' in the data folder. */
    private static Path folder(BundleContext context, MarketplaceConfig config) {
        if (!config.dataFolder().isBlank()) {
            return Path.of(config.dataFolder());
        }
        String data = context.getProperty("milkbottle.data");
        if (data == null || data.isBlank()) {
            return context.getDataFile("marketplace").toPath();
        }
        return Path.of(data).resolve("marketplace");
    }
}
