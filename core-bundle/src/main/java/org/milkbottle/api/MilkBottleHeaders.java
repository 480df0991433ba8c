package org.milkbottle.api;

/** Manifest headers MilkBottle reads in addition to the standard OSGi ones. */
public final class MilkBottleHeaders {
    /** Comma-separated features the plugin offers, e.g. {@code greeting, text}. */
    public static final String CAPABILITIES = "MilkBottle-Capabilities";
    /** Comma-separated search tags. */
    public static final String TAGS = "MilkBottle-Tags";
    /** Comma-separated permissions the plugin needs, e.g. {@code file-read, network}. */
    public static final String PERMISSIONS = "MilkBottle-Permissions";

    private MilkBottleHeaders() {
    }
}
