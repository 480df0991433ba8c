package org.milkbottle.perf.internal.monitor;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** How the performance monitor samples threads (PID {@value #PID}). */
@ObjectClassDefinition(id = MonitorConfig.PID, name = "MilkBottle performance monitor",
        description = "Samples every thread's stack, CPU time and allocation to say what each plugin costs")
public @interface MonitorConfig {

    /** The configuration PID. */
    String PID = "org.milkbottle.perf.monitor";

    @AttributeDefinition(name = "Sample interval (ms)",
            description = "Time between two samples; also the window over which CPU % and bytes/s are computed",
            min = "100")
    long sampleIntervalMillis() default 1000;

    @AttributeDefinition(name = "Stack depth",
            description = "Frames read per thread; a bundle's frame deeper than this is not seen (the thread is then"
                    + " charged to the bundle it was last seen running)",
            min = "1", max = "1024")
    int stackDepth() default 64;

    @AttributeDefinition(name = "First sample after (ms)",
            description = "Delay before the first sample, so that sampling adds nothing to start-up", min = "0")
    long firstSampleDelayMillis() default 2000;
}
