package org.milkbottle.marketplace.internal.server;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the marketplace server (pid {@value #PID}). */
@ObjectClassDefinition(name = "MilkBottle marketplace server", description = "Storage and limits of the marketplace")
public @interface MarketplaceConfig {

    String PID = "org.milkbottle.marketplace";

    @AttributeDefinition(description = "Folder for artifacts, the signing key and the H2 database; empty means "
            + "'marketplace' under the runtime's data folder")
    String dataFolder() default "";

    @AttributeDefinition(description = "JDBC URL (jdbc:postgresql://HOST:PORT/DATABASE); empty means the framework "
            + "property milkbottle.marketplace.jdbc.url, or else an embedded H2 database in the data folder")
    String jdbcUrl() default "";

    @AttributeDefinition(description = "Database user (or the framework property milkbottle.marketplace.jdbc.user)")
    String jdbcUser() default "";

    @AttributeDefinition(description = "Database password (or milkbottle.marketplace.jdbc.password)", type = AttributeType.PASSWORD)
    String jdbcPassword() default "";

    @AttributeDefinition(description = "Largest jar that may be published, in bytes", min = "1024")
    long maxUploadBytes() default 50L * 1024 * 1024;

    @AttributeDefinition(description = "Publish the example plugins shipped with MilkBottle (owner 'milkbottle') "
            + "when this marketplace lacks them")
    boolean seedExamples() default true;

    @AttributeDefinition(description = "How often a node checks the database for changes made by other nodes, in ms",
            min = "0")
    long catalogRefreshMillis() default 1000;
}
