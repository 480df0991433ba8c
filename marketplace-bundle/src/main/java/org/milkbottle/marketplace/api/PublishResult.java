package org.milkbottle.marketplace.api;

import java.util.List;

/** A published version, and the validator's warnings and notes about it. */
public record PublishResult(String name, String version, String sha256, List<String> findings) {
}
