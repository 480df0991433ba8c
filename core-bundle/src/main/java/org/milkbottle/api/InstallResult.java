package org.milkbottle.api;

import java.util.List;

/**
 * The outcome of a successful install, update or rollback.
 *
 * @param transactionId the history entry recording it ({@code 0} for a simulation)
 * @param plan what was done
 * @param plugins the state of the bundles the request touched, afterwards
 * @param warnings things the user should know that did not stop the operation
 */
public record InstallResult(long transactionId, InstallPlan plan, List<PluginInfo> plugins, List<String> warnings) {

    public InstallResult {
        plugins = List.copyOf(plugins);
        warnings = List.copyOf(warnings);
    }
}
