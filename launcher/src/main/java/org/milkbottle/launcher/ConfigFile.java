package org.milkbottle.launcher;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * The distribution's {@code conf/milkbottle.properties} ({@code -Dmilkbottle.config=FILE}, as {@code bin/milkbottle}
 * passes it): framework and runtime properties, applied as system properties before anything reads them, so they
 * override the built-in ones (bndrun/milkbottle.bndrun) the way {@code -D} does. A {@code -D} given on the command
 * line wins over the file.
 */
final class ConfigFile {

    static final String PROPERTY = "milkbottle.config";

    private ConfigFile() {
    }

    /** Applies the file named by {@value #PROPERTY}, if any; a problem with it, in one line. */
    static Optional<String> apply() {
        String name = System.getProperty(PROPERTY);
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        Path file = Path.of(name);
        Properties settings = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            settings.load(in);
        } catch (NoSuchFileException e) {
            return Optional.of("the configuration file " + file + " does not exist; create it (the distribution's "
                    + "conf/milkbottle.properties shows the settings) or leave out -D" + PROPERTY);
        } catch (IOException | IllegalArgumentException e) {
            return Optional.of("the configuration file " + file + " cannot be read (" + e.getMessage()
                    + "); correct it (it is a Java properties file: key=value lines)");
        }
        for (String key : settings.stringPropertyNames()) {
            if (System.getProperty(key) == null) {
                System.setProperty(key, settings.getProperty(key).trim());
            }
        }
        return Optional.empty();
    }
}
