package org.milkbottle.sdk.api;

import java.nio.file.Path;
import java.util.List;

/**
 * A project {@code mb:dev} watches.
 *
 * @param directory the project folder
 * @param updates   the latest updates, oldest first (at most the last 100)
 */
public record DevWatch(Path directory, List<DevUpdate> updates) {

    public DevWatch {
        updates = List.copyOf(updates);
    }
}
