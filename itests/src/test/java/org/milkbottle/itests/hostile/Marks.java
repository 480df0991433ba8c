package org.milkbottle.itests.hostile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What every hostile act does first: leave a marker file (a declared {@code file-write}) in the folder the
 * test names, so the test can prove the act never ran.
 */
public final class Marks {

    private Marks() {
    }

    public static void left(String name) {
        try {
            Files.writeString(Path.of(System.getProperty("milkbottle.markers"), name), "ran");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Never true in a test run (nothing sets the property), but a static scan cannot know that: acts that
     * would end the test JVM or framework hide behind it, and their marker alone shows the veto failed.
     */
    public static boolean armed() {
        return Boolean.getBoolean("milkbottle.hostile.armed");
    }
}
