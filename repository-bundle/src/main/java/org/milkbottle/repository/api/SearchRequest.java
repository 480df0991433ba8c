package org.milkbottle.repository.api;

/**
 * What to search for; every field is optional ({@code null} or blank).
 *
 * @param text words to look for in name, description, tags and capabilities (all must match)
 * @param tag only plugins with this tag
 * @param capability only plugins declaring this capability
 */
public record SearchRequest(String text, String tag, String capability) {

    /** The request with blank fields as {@code null}. */
    public SearchRequest {
        text = blankToNull(text);
        tag = blankToNull(tag);
        capability = blankToNull(capability);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
