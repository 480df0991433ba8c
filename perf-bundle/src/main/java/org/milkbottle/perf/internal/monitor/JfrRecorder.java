package org.milkbottle.perf.internal.monitor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;

import org.milkbottle.perf.api.PerformanceMonitor;

import jdk.jfr.Configuration;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Recording;
import jdk.jfr.RecordingState;

/**
 * Runs JFR recordings of the whole JVM with the JDK's "profile" settings, one at a time. JFR writes the file
 * itself when the recording's duration is over; the caller does not wait.
 */
final class JfrRecorder {

    static final Duration MIN = Duration.ofSeconds(1);
    static final Duration MAX = Duration.ofHours(1);

    private Recording current;
    private PerformanceMonitor.Recording currentInfo;

    /** {@code 0s}, {@code 2h}, {@code 90s}: as the command takes it, not Java's {@code PT2H}. */
    private static String spoken(Duration duration) {
        if (duration == null) {
            return "no duration";
        }
        if (duration.toMillis() % 1000 != 0) {
            return duration.toMillis() + "ms";
        }
        long seconds = duration.getSeconds();
        return seconds % 3600 == 0 && seconds != 0 ? seconds / 3600 + "h"
                : seconds % 60 == 0 && seconds != 0 ? seconds / 60 + "m" : seconds + "s";
    }

    synchronized PerformanceMonitor.Recording record(Duration duration, Path file) throws IOException {
        if (duration == null || duration.compareTo(MIN) < 0 || duration.compareTo(MAX) > 0) {
            throw new IllegalArgumentException("A JFR recording lasts from 1 second to 1 hour, not " + spoken(duration)
                    + "; ask for a duration in that range (e.g. 30s, 5m)");
        }
        if (file == null) {
            throw new IllegalArgumentException("No file given for the JFR recording");
        }
        if (isRunning()) {
            throw new IllegalStateException("A JFR recording is already running into " + currentInfo.file()
                    + " until " + Instant.ofEpochMilli(currentInfo.endsAt())
                    + "; wait until it ends, then start another one");
        }
        if (current != null) {
            current.close(); // the last one has ended and is written: release it and its repository chunks
            current = null;
            currentInfo = null;
        }
        Configuration profile = profile();
        Path target = file.toAbsolutePath();
        if (target.getParent() != null) {
            Files.createDirectories(target.getParent());
        }
        Recording recording = new Recording(profile);
        try {
            recording.setName("milkbottle-" + target.getFileName());
            recording.setToDisk(true);
            recording.setDestination(target);
            recording.setDuration(duration);
            recording.start();
        } catch (IOException | RuntimeException e) {
            recording.close();
            throw e;
        }
        current = recording;
        currentInfo = new PerformanceMonitor.Recording(target, duration,
                System.currentTimeMillis() + duration.toMillis());
        return currentInfo;
    }

    /** Stops a running recording (its file is written as far as it got). */
    synchronized void stop() {
        if (current == null) {
            return;
        }
        try {
            if (isRunning()) {
                current.stop();
                // the runtime stops (a -c batch ends right after mb:perf record): the file is shorter than asked
                System.getLogger(JfrRecorder.class.getName()).log(System.Logger.Level.WARNING, "The JFR recording "
                        + "into " + currentInfo.file() + " was cut short when the runtime stopped; it holds what was "
                        + "recorded until then. Keep the runtime running until the time mb:perf record named.");
            }
        } catch (IllegalStateException e) {
            // It ended meanwhile.
        } finally {
            current.close();
            current = null;
            currentInfo = null;
        }
    }

    private boolean isRunning() {
        if (current == null) {
            return false;
        }
        RecordingState state = current.getState();
        return state == RecordingState.NEW || state == RecordingState.DELAYED || state == RecordingState.RUNNING;
    }

    private static Configuration profile() {
        try {
            if (!FlightRecorder.isAvailable()) {
                throw unavailable("this JVM has Flight Recorder turned off or does not support it", null);
            }
            return Configuration.getConfiguration("profile");
        } catch (LinkageError e) {
            throw unavailable("this Java runtime has no jdk.jfr module", e);
        } catch (IOException | ParseException e) {
            throw unavailable("its \"profile\" settings cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static IllegalStateException unavailable(String why, Throwable cause) {
        return new IllegalStateException("JFR is not available: " + why
                + ". Run MilkBottle on a full JDK/JRE with JFR (Java 11+, without -XX:-FlightRecorder)", cause);
    }
}
