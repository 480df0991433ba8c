package org.milkbottle.repository.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the repository client (pid {@value #PID}). */
@ObjectClassDefinition(name = "MilkBottle repositories", description = "How the runtime uses plugin repositories")
public @interface RepositoryClientConfig {

    String PID = "org.milkbottle.repositories";

    @AttributeDefinition(description = "How long a fetched index or list of advisories is used before it is fetched "
            + "again, in seconds (advisories are also fetched again in the background that often, at most once a "
            + "minute)", min = "0")
    long indexExpirySeconds() default 300;

    @AttributeDefinition(description = "Network timeout for indexes, keys and searches, in seconds", min = "1")
    long timeoutSeconds() default 30;
}
