package org.milkbottle.sdk.api;

import java.nio.file.Path;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Development mode: watches a plugin project's build output ({@code target/*.jar}); each jar the build writes is
 * validated and installed, or updates the running version in place, as one transaction. A build the validator
 * refuses, or that does not start, is reported and the version before keeps running.
 */
@ProviderType
public interface DevMode {

    /**
     * Starts watching {@code directory} (a project folder); its jar, if already built, is taken up at once.
     *
     * @throws SdkException if the folder does not exist or is watched already
     */
    DevWatch watch(Path directory) throws SdkException;

    /** Stops watching; the installed plugin stays. @return false if the folder was not watched */
    boolean stop(Path directory);

    /** The watched projects, with their latest updates. */
    List<DevWatch> watches();
}
