package org.milkbottle.api.backup;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A service that writes its own part of a backup. A backup is an image of MilkBottle's data folder; the runtime copies
 * the folder's files itself, apart from the {@linkplain #paths() paths} a participant claims, which the participant
 * writes into the image, at the same places, with a copy that is consistent while the runtime runs. A restore puts the
 * image back as it is, before the runtime starts: what a participant writes must be what it reads at its next start.
 */
@ConsumerType
public interface BackupParticipant {

    /**
     * The paths, relative to the data folder with {@code /} between names, that this participant writes itself
     * (a folder stands for everything under it).
     */
    List<String> paths();

    /**
     * Writes this participant's part into {@code image}, the data folder's image, at the places {@link #paths()}
     * names. Called while the runtime runs.
     *
     * @throws IOException if the part cannot be written; the backup fails with the message
     */
    void backup(Path image) throws IOException;
}
