package org.milkbottle.repository.api;

/**
 * A repository as {@link RepositoryRegistry} reports it.
 *
 * @param name its name
 * @param url its URL; {@code null} for a repository registered in this runtime
 * @param description what it is, for a repository registered in this runtime (e.g. "this runtime's
 *        marketplace"); otherwise {@code null}
 * @param resources how many resources its index has; -1 when it could not be loaded ({@link #problem()})
 * @param keyFingerprint the SHA-256 fingerprint of the key its index must be signed with; {@code null} when
 *        none is pinned
 * @param keyFetched whether that key was just taken from the marketplace itself (on {@link
 *        RepositoryRegistry#add}) rather than from a key file: the user should compare the fingerprint
 * @param note set while the repository answers from an older copy of its index (see
 *        {@link RepositoryProperties#NOTE})
 * @param problem why its index could not be loaded at all; otherwise {@code null}
 */
public record RepositoryInfo(String name, String url, String description, int resources, String keyFingerprint,
        boolean keyFetched, String note, String problem) {

    /** Whether the answers come from an older copy of the index. */
    public boolean offline() {
        return note != null;
    }
}
