package org.milkbottle.validation.api;

import java.util.List;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The advisories a runtime has been told about, besides its local {@code advisories.json}: the places
 * that know of advisories (the plugin repositories it uses, the marketplace running in it) push theirs
 * here whenever they load or change them, and the validator checks installs and installed plugins
 * against everything pushed. Nothing is fetched when a plugin is checked, so a check never waits on a
 * repository and the validator needs no service of theirs.
 *
 * <p>Each publisher names itself with a {@code source} of its own (e.g. {@code repository:acme}); a
 * source's advisories replace that source's earlier ones and stay until it withdraws them or publishes
 * again. The registry is shared by the whole runtime and does not survive a restart: publishers push
 * again when they start.
 *
 * @since 1.5
 */
@ProviderType
public interface AdvisoryRegistry {

    /**
     * Replaces the advisories known from {@code source} with {@code advisories} (an empty list clears
     * them but keeps the source).
     *
     * @param source who publishes them, e.g. {@code repository:acme}; not blank
     * @param advisories the source's complete current list
     */
    void publish(String source, List<Advisory> advisories);

    /** Forgets the advisories of {@code source}, e.g. a repository that was removed; unknown sources are ignored. */
    void withdraw(String source);

    /** The sources that have published, in no particular order (for diagnosis). */
    Set<String> sources();
}
