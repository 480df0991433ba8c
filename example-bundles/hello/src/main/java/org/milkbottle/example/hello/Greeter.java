package org.milkbottle.example.hello;

import java.util.Locale;

/** Builds greetings; no OSGi here, so it is tested as plain Java. */
public final class Greeter {

    private final String greeting;
    private final int excitement;
    private final boolean shout;

    public Greeter(String greeting, int excitement, String style) {
        this.greeting = greeting;
        this.excitement = Math.max(0, excitement);
        this.shout = "shout".equals(style);
    }

    /** Greets {@code name}, or the world when it is blank. */
    public String greet(String name) {
        String who = name == null || name.isBlank() ? "world" : name.trim();
        String text = greeting + ", " + who + "!".repeat(excitement);
        return shout ? text.toUpperCase(Locale.ROOT) : text;
    }
}
