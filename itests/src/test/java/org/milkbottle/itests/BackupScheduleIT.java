package org.milkbottle.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Hashtable;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.osgi.service.cm.Configuration;

/** Scheduled backups (configuration org.milkbottle.backup): written at the interval, the oldest deleted. */
@RunWith(PaxExam.class)
public class BackupScheduleIT extends MilkBottleTestSupport {

    private List<Path> backups(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().matches("milkbottle-scheduled-\\d{8}-\\d{6}\\.zip"))
                    .sorted().toList();
        }
    }

    @Test
    public void scheduledBackupsComeAtTheIntervalAndOnlyTheNewestAreKept() throws Exception {
        Path folder = work("scheduled");
        Configuration configuration = configurationAdmin.getConfiguration("org.milkbottle.backup", "?");
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("folder", folder.toString());
        properties.put("interval", "1s");
        properties.put("keep", 2);
        configuration.update(properties);
        try {
            long deadline = System.currentTimeMillis() + 60_000;
            // three backups at least: one a second, named by the second they were made in
            while (System.currentTimeMillis() < deadline && shell("mb:log -n 100").split("Scheduled backup written")
                    .length < 4) {
                Thread.sleep(200);
            }
            String log = shell("mb:log -n 100");
            assertTrue(log, log.split("Scheduled backup written").length >= 4);
            // mb:backup without a name writes into the same folder, and retention leaves its backups alone
            assertTrue(shell("mb:backup").contains("Backup written to " + folder));
            Thread.sleep(3000);
            try (Stream<Path> files = Files.list(folder)) {
                assertEquals(1, files.filter(f -> f.getFileName().toString().startsWith("milkbottle-backup-"))
                        .count());
            }
        } finally {
            configuration.delete();
        }
        Thread.sleep(1500); // a backup running when the schedule stopped finishes
        List<Path> kept = backups(folder);
        assertEquals(kept.toString(), 2, kept.size());
        for (Path backup : kept) {
            try (ZipFile zip = new ZipFile(backup.toFile())) {
                assertTrue(backup.toString(), zip.getEntry("MANIFEST.properties") != null);
            }
        }
    }
}
