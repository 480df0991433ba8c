package org.milkbottle.marketplace.api;

/**
 * What to search for. Every field but the paging is optional (null): {@code text} is matched, word by
 * word, against name, title, description, tags and capabilities; the others filter.
 *
 * @param text free text
 * @param tag only plugins with this tag
 * @param capability only plugins declaring this capability
 * @param vendor only plugins of this vendor (case-insensitive)
 * @param minRating only plugins rated at least this (0–5)
 * @param runtimeVersion only versions compatible with this MilkBottle version; the latest such is shown
 * @param sort {@code relevance} (default with text), {@code downloads} (default without), {@code rating},
 *        {@code updated} or {@code name}
 * @param page the page, from 1
 * @param pageSize results per page, 1–100
 */
public record SearchQuery(String text, String tag, String capability, String vendor, Double minRating,
        String runtimeVersion, String sort, int page, int pageSize) {

    /** All plugins matching {@code text}, first page of 20. */
    public static SearchQuery text(String text) {
        return new SearchQuery(text, null, null, null, null, null, null, 1, 20);
    }
}
