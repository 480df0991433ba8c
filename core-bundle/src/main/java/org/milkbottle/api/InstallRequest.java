package org.milkbottle.api;

import java.util.List;
import java.util.Objects;

/**
 * What to install: one or more sources, each a local file path, a {@code file:}, {@code http:} or
 * {@code https:} URL, or Maven coordinates {@code mvn:group/artifact/version}. All bundles of one
 * request are installed as one transaction: all of them, or none.
 *
 * @param sources where the bundles come from
 * @param simulate only compute and return the plan; change nothing
 * @param start start the bundles after they resolve
 * @param origin who asks, recorded in history (e.g. {@code shell}, {@code deploy})
 * @param force install even versions that a known advisory says are bad (the user's informed choice;
 *        recorded in the audit log); no other validation finding can be forced
 * @param allowPermissions permissions the operator allows for the bundles of this request on top of what
 *        their trust level allows ({@code --allow-permissions}; recorded in the audit log; never {@code framework})
 * @param replace allow replacing an installed plugin by a version from another source and another signer
 *        ({@code --replace}); without it such an update is refused
 * @since 1.2 for {@code allowPermissions} and {@code replace}
 */
public record InstallRequest(List<String> sources, boolean simulate, boolean start, String origin, boolean force,
        List<String> allowPermissions, boolean replace) {

    /** A request that respects advisories. */
    public InstallRequest(List<String> sources, boolean simulate, boolean start, String origin) {
        this(sources, simulate, start, origin, false);
    }

    /** A request that allows no extra permissions and replaces nothing. */
    public InstallRequest(List<String> sources, boolean simulate, boolean start, String origin, boolean force) {
        this(sources, simulate, start, origin, force, List.of(), false);
    }

    public InstallRequest {
        sources = List.copyOf(Objects.requireNonNull(sources, "sources"));
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("an install request needs at least one source");
        }
        origin = origin == null ? "api" : origin;
        allowPermissions = allowPermissions == null ? List.of() : List.copyOf(allowPermissions);
    }

    /** Installs and starts the given sources. */
    public static InstallRequest of(String origin, String... sources) {
        return new InstallRequest(List.of(sources), false, true, origin);
    }
}
