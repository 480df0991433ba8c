package org.milkbottle.core.internal.backup;

import java.io.IOException;
import java.nio.file.Path;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.annotations.GogoCommand;
import org.milkbottle.api.PluginException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code mb:backup [FILE]} and {@code mb:restore FILE}. */
@Component(service = BackupCommands.class)
@GogoCommand(scope = "mb", function = {"backup", "restore"})
public class BackupCommands {

    private final BackupService backups;

    @Activate
    public BackupCommands(@Reference BackupService backups) {
        this.backups = backups;
    }

    @Descriptor("write a backup of the running runtime (plugins, state, history, configuration, trust, audit log, the "
            + "embedded marketplace) into backups/ beside the data folder")
    public String backup() throws IOException {
        return written(backups.backup(null));
    }

    @Descriptor("write a backup of the running runtime into FILE")
    public String backup(@Descriptor("the archive to write (a .zip)") String file) throws IOException {
        return written(backups.backup(Path.of(file)));
    }

    private static String written(BackupService.Written written) {
        return String.format("Backup written to %s: %d files, %d configuration(s), %.1f MB.%n"
                + "Restore it with: milkbottle --restore %s (into an empty or --replace'd data folder), or mb:restore "
                + "in a running runtime.%n", written.archive(), written.files(), written.configurations(),
                written.bytes() / 1e6, written.archive());
    }

    @Descriptor("check a backup and restore it at the next start, replacing this runtime's data (the current data is "
            + "kept aside in data/before-restore-*)")
    public String restore(@Descriptor("a backup archive written by mb:backup") String file) throws IOException {
        BackupArchive.Manifest manifest;
        try {
            manifest = backups.stageRestore(Path.of(file));
        } catch (BackupArchive.BadArchive e) {
            throw new PluginException(e.getMessage() + ". Nothing was changed.");
        }
        return String.format("%s is a complete backup of MilkBottle %s made %s (%d files). Restart the runtime to "
                + "restore it: the next start replaces the data folder with it, before any plugin runs.%n", file,
                manifest.runtimeVersion(), manifest.created(), manifest.sha256().size());
    }
}
