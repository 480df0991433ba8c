package org.milkbottle.sdk.api;

import java.nio.file.Path;
import java.time.Duration;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Tests a plugin the way a runtime will run it: installed (validated, resolved with its dependencies), started, its
 * Declarative Services components active, its health checks passing, its shell commands describing themselves.
 *
 * @since 1.1
 */
@ProviderType
public interface PluginTester {

    /**
     * Tests a plugin's jar in a throwaway runtime: a copy of this runtime started in a temporary folder of its own
     * (its own data, its own HTTP port), removed afterwards. Nothing of this runtime changes.
     *
     * @param timeout how long the throwaway runtime may take, start to stop
     * @throws SdkException for a jar that is no plugin, a runtime not started from its jar, or a throwaway runtime
     *                      that cannot be started or does not finish in time; a plugin that fails a check is a
     *                      report, not an exception
     */
    PluginTestReport test(Path jar, Duration timeout) throws SdkException;

    /**
     * Runs the same checks on a plugin installed in this runtime (what the throwaway runtime runs on itself).
     *
     * @throws SdkException for a plugin that is not installed
     */
    PluginTestReport check(String plugin) throws SdkException;
}
