package org.milkbottle.core.internal.deploy;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the deploy folder (PID {@value #PID}). */
@ObjectClassDefinition(name = "MilkBottle deploy folder",
        description = "A folder watched for plugin jars: dropped ones are installed, replaced ones updated, deleted ones uninstalled")
public @interface DeployFolderConfig {

    /** The configuration PID. */
    String PID = "org.milkbottle.deploy";

    @AttributeDefinition(name = "Folder",
            description = "The watched folder; empty means the framework property milkbottle.deploy, else ./deploy")
    String directory() default "";

    @AttributeDefinition(name = "Enabled")
    boolean enabled() default true;

    @AttributeDefinition(name = "Quiet period (ms)",
            description = "A file counts as complete when it has not changed for this long and is a readable jar",
            min = "0")
    long quietMillis() default 10;

    @AttributeDefinition(name = "Give up after (ms)",
            description = "A file that stays unreadable this long after its last change is reported as broken",
            min = "100")
    long brokenAfterMillis() default 5000;
}
