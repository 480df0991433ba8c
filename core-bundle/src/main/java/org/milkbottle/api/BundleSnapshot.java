package org.milkbottle.api;

/**
 * One managed bundle as it was at a point in history.
 *
 * @param symbolicName the bundle symbolic name
 * @param version the bundle version
 * @param sha256 SHA-256 of the artifact, which the runtime keeps so it can restore this exact bundle
 * @param active whether it was started
 * @param source where it was installed from
 * @param origin who installed it ({@code shell}, {@code deploy}, ...)
 */
public record BundleSnapshot(String symbolicName, String version, String sha256, boolean active, String source,
        String origin) {
}
