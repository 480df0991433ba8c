package org.milkbottle.sdk.internal.dev;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipFile;

import org.milkbottle.sdk.api.DevUpdate;
import org.milkbottle.sdk.api.DevWatch;

/**
 * One watched project: which jar in its {@code target/} folder is new and complete, and what became of the
 * latest ones. The build writes the jar in place, so a jar is taken only once two looks in a row see the same size
 * and modification time and it opens as a zip (its central directory, written last, is there).
 */
final class ProjectWatch {

    /** Updates kept per project. */
    static final int KEPT = 100;
    /** A jar that stays unreadable this long is reported once, not retried at every look. */
    static final long GIVE_UP_MILLIS = 2000;

    /** A jar as seen: its path, size and modification time. */
    record Seen(Path jar, long size, long modifiedMillis) {
    }

    private final Path directory;
    private final Deque<DevUpdate> updates = new ArrayDeque<>();
    /** Held while a jar of this project is installed, and by {@link #stop}: no install starts after a stop. */
    private final Object installing = new Object();
    private boolean stopped;
    private Seen seen;
    private long seenSinceMillis;
    private Seen taken;

    ProjectWatch(Path directory) {
        this.directory = directory;
    }

    Path directory() {
        return directory;
    }

    /**
     * Looks at the build output once.
     *
     * @return the jar to take up now, or empty: nothing new, or not complete yet
     */
    synchronized Optional<Seen> look(long nowMillis) {
        Optional<Seen> newest = newestJar(directory.resolve("target"));
        if (newest.isEmpty() || newest.get().equals(taken)) {
            return Optional.empty();
        }
        if (!newest.get().equals(seen)) {
            seen = newest.get();
            seenSinceMillis = nowMillis;
            return Optional.empty(); // changed since the last look: still being written, perhaps
        }
        if (opensAsZip(seen.jar()) || nowMillis - seenSinceMillis >= GIVE_UP_MILLIS) {
            taken = seen; // a jar that never opens is handed over too: the install says what is wrong with it
            return Optional.of(seen);
        }
        return Optional.empty();
    }

    /** Runs {@code install} unless the watch was stopped; {@link #stop} waits for one that runs. */
    void installUnlessStopped(Runnable install) {
        synchronized (installing) {
            if (!stopped) {
                install.run();
            }
        }
    }

    /** Stops the watch, once an install under way has ended. */
    void stop() {
        synchronized (installing) {
            stopped = true;
        }
    }

    synchronized void record(DevUpdate update) {
        updates.addLast(update);
        while (updates.size() > KEPT) {
            updates.removeFirst();
        }
    }

    synchronized DevWatch snapshot() {
        return new DevWatch(directory, List.copyOf(updates));
    }

    /**
     * The jar the build made: the most recently written {@code target/*.jar} that is not a sources, javadoc or
     * tests jar, nor one a shading plugin set aside.
     */
    static Optional<Seen> newestJar(Path target) {
        Seen newest = null;
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(target, "*.jar")) {
            for (Path jar : jars) {
                String name = jar.getFileName().toString();
                if (name.endsWith("-sources.jar") || name.endsWith("-javadoc.jar") || name.endsWith("-tests.jar")
                        || name.startsWith("original-")) {
                    continue;
                }
                BasicFileAttributes attributes = Files.readAttributes(jar, BasicFileAttributes.class);
                if (!attributes.isRegularFile()) {
                    continue;
                }
                Seen candidate = new Seen(jar, attributes.size(), attributes.lastModifiedTime().toMillis());
                if (newest == null || candidate.modifiedMillis() > newest.modifiedMillis()) {
                    newest = candidate;
                }
            }
        } catch (IOException e) {
            return Optional.empty(); // no target folder (yet, or mvn clean just removed it)
        }
        return Optional.ofNullable(newest);
    }

    private static boolean opensAsZip(Path jar) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.size() >= 0;
        } catch (IOException e) {
            return false;
        }
    }
}
