package org.milkbottle.marketplace.api;

import java.time.Instant;

/** One user's rating of a plugin, 1–5 stars, with optional text. */
public record Review(String user, int stars, String text, Instant updated) {
}
