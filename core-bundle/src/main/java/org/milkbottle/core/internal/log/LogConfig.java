package org.milkbottle.core.internal.log;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** The runtime's log file (PID {@value #PID}): {@code data/log/milkbottle.0.log} and its rotated predecessors. */
@ObjectClassDefinition(name = "MilkBottle log",
        description = "The log file under data/log: rotation, format and levels")
public @interface LogConfig {

    String PID = "org.milkbottle.log";

    @AttributeDefinition(description = "Level of what is written for the runtime and every plugin without a level "
            + "of its own: ERROR, WARN, INFO, DEBUG or TRACE")
    String level() default "INFO";

    @AttributeDefinition(description = "Levels of single plugins or runtime bundles, as SYMBOLIC-NAME=LEVEL "
            + "(org.acme.foo=DEBUG)")
    String[] bundleLevels() default {};

    @AttributeDefinition(description = "Size at which the log file is rotated, in kilobytes", min = "16")
    int maxFileKilobytes() default 10240;

    @AttributeDefinition(description = "How many log files are kept, the current one included", min = "1",
            max = "100")
    int maxFiles() default 5;

    @AttributeDefinition(description = "text: one readable line per entry; json: one JSON object per line",
            options = {@Option(value = "text", label = "text"), @Option(value = "json", label = "JSON lines")})
    String format() default "text";

    @AttributeDefinition(description = "How many recent entries mb:log keeps in memory", min = "100")
    int recentEntries() default 5000;
}
