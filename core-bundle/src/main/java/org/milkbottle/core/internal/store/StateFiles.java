package org.milkbottle.core.internal.store;

import java.nio.file.Path;

/** Checks MilkBottle's state files, to say why a start failed when one of them is damaged. */
public final class StateFiles {

    private StateFiles() {
    }

    /**
     * Reads {@code state.json}, {@code history.jsonl} and {@code inflight.json} in {@code directory}, holding its
     * lock so that no runtime writes them meanwhile.
     *
     * @throws StateFileException naming the first damaged file
     * @throws IllegalStateException when another runtime holds the folder
     */
    public static void check(Path directory) {
        try (RuntimeLock lock = RuntimeLock.acquire(directory)) {
            new ManagedState(directory);
            new TransactionLog(directory);
        }
    }
}
