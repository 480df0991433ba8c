package org.milkbottle.core.internal.backup;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Backups (PID {@value #PID}): where they go, and the scheduled ones. */
@ObjectClassDefinition(name = "MilkBottle backups", description = "Where mb:backup writes, and scheduled backups")
public @interface BackupConfig {

    String PID = "org.milkbottle.backup";

    @AttributeDefinition(description = "Folder of the backups mb:backup writes without a file name, and of the "
            + "scheduled ones; empty: backups/ beside the data folder")
    String folder() default "";

    @AttributeDefinition(description = "Time between scheduled backups, as a number and a unit: 30s, 15m, 6h, 1d; "
            + "empty: no scheduled backups")
    String interval() default "";

    @AttributeDefinition(description = "How many scheduled backups are kept (the oldest are deleted)", min = "1")
    int keep() default 7;
}
