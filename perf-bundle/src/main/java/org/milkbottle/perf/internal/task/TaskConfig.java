package org.milkbottle.perf.internal.task;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The shared task pool and what one bundle may use of it (PID {@value #PID}). */
@ObjectClassDefinition(name = "MilkBottle tasks",
        description = "The thread pool the TaskExecutor service runs every bundle's parallel work on")
public @interface TaskConfig {

    /** The configuration PID. */
    String PID = "org.milkbottle.perf.tasks";

    @AttributeDefinition(name = "Pool size",
            description = "Threads in the shared pool; 0 means one per processor core")
    int poolSize() default 0;

    @AttributeDefinition(name = "Tasks per bundle",
            description = "The most tasks of one bundle that run at once (the others wait in order); 0 means the pool size")
    int perBundleConcurrency() default 0;
}
