package org.milkbottle.marketplace.internal.command;

import java.nio.file.Path;
import java.util.List;

import org.milkbottle.marketplace.api.PublishResult;
import org.milkbottle.validation.api.Advisory;

/** How the marketplace's admin commands show their results, kept apart from the calls. */
final class MarketplaceFormatter {

    private MarketplaceFormatter() {
    }

    static String token(String owner, String token) {
        return "Token for " + owner + " (keep it secret; it is not shown again):\n" + token + "\n";
    }

    static String key(String fingerprint, Path publicKeyFile) {
        return "Signing key of this marketplace (it signs the repository index):\n"
                + "  fingerprint  " + fingerprint + "  (SHA-256, as mb:repo-add and mb:repo-list show it)\n"
                + "  public key   " + publicKeyFile + "  (also served at /repository/key.pem)\n"
                + "Publish the fingerprint, or hand out the key file: runtimes pin it with mb:repo-add NAME URL "
                + "[KEYFILE].\n";
    }

    static String published(PublishResult result) {
        StringBuilder out = new StringBuilder("Published " + result.name() + " " + result.version() + " (sha-256 "
                + result.sha256() + ")\n");
        result.findings().forEach(f -> out.append("  ").append(f).append('\n'));
        return out.toString();
    }

    static String advisory(Advisory advisory) {
        return "Published advisory " + advisory.id() + " for " + advisory.plugin() + " " + advisory.versions() + " ("
                + advisory.severity() + ")\n";
    }

    static String advisories(List<Advisory> advisories) {
        if (advisories.isEmpty()) {
            return "No advisories.\n";
        }
        StringBuilder out = new StringBuilder();
        advisories.forEach(a -> out.append(a.id()).append("  ").append(a.plugin()).append(' ').append(a.versions())
                .append("  ").append(a.severity()).append("  ").append(a.message()).append('\n'));
        return out.toString();
    }
}
