package org.milkbottle.repository.api;

/**
 * A plugin found by a search: the latest version compatible with this runtime.
 *
 * @param name its symbolic name
 * @param version that version
 * @param rating average stars (0 to 5); 0 when unrated or unknown
 * @param ratingCount how many ratings; 0 when unrated or unknown
 * @param downloads how often it was downloaded; 0 when unknown
 * @param description its description, or {@code null}
 * @param repository the name of the repository that has it
 */
public record SearchHit(String name, String version, double rating, int ratingCount, long downloads,
        String description, String repository) {
}
