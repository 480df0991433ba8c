package org.milkbottle.core.internal.store;

import java.nio.file.Path;

/**
 * One of MilkBottle's state files cannot be read: it names the file, what was wrong with it and what the user
 * can do. It carries no stack trace, since the message says all there is to know and a start that fails on it
 * should print one paragraph, not hundreds of lines.
 */
public final class StateFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public StateFileException(Path file, String problem, String remedy) {
        super(file + " is damaged: " + problem + ". " + remedy, null, false, false);
        this.file = file;
    }

    /** The damaged file. */
    public Path file() {
        return file;
    }
}
