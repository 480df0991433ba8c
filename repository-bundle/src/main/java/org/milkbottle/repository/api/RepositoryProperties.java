package org.milkbottle.repository.api;

/**
 * Service properties of the {@link org.osgi.service.repository.Repository} services MilkBottle's
 * repositories are registered as. Besides these, a configured repository carries
 * {@link org.osgi.service.repository.Repository#URL} (its URL), and a repository registered by a bundle in
 * this runtime (the embedded marketplace) the standard {@code service.description}.
 *
 * <p>Every resource of such a repository has an {@code osgi.content} capability whose {@code osgi.content}
 * attribute is the artifact's SHA-256 (64 lower-case hex digits) and whose {@code url} attribute is
 * absolute: {@code http(s)} URLs of a marketplace carry the query parameter {@code runtime=VERSION} (this
 * runtime's version, for the marketplace's download statistics); {@code file:} URLs point at the artifact
 * itself.
 */
public final class RepositoryProperties {

    /** The repository's name, as {@code mb:repo-list} shows it ({@code local} for the embedded marketplace). */
    public static final String NAME = "milkbottle.repository.name";

    /**
     * Present only while the repository answers from an older copy of its index because it cannot be
     * reached — a sentence for the user, "repository 'NAME' is unreachable (REASON); using its index from
     * TIME" — or answers nothing because it has no usable index at all (unreachable with no earlier copy, or
     * a bad signature), saying why. Set and removed as that happens, during the call that found out, so
     * read it after resolving.
     */
    public static final String NOTE = "milkbottle.repository.note";

    private RepositoryProperties() {
    }
}
