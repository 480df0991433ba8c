package {{package}};

import java.util.Locale;

/** A greeting as the configuration describes it; plain Java, tested without a framework. */
public record Greeting(String word, int excitement, boolean shout) {

    static Greeting of({{Simple}}Config config) {
        return new Greeting(config.greeting(), Math.max(0, config.excitement()), "shout".equals(config.style()));
    }

    /** Greets {@code name}, or the world when it is blank. */
    public String greet(String name) {
        String who = name == null || name.isBlank() ? "world" : name.strip();
        String text = word + ", " + who + "!".repeat(excitement);
        return shout ? text.toUpperCase(Locale.ROOT) : text;
    }
}
