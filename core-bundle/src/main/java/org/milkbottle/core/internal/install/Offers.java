package org.milkbottle.core.internal.install;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The capabilities on offer to a plan, as far as an explanation of a missing one needs them. */
@FunctionalInterface
public interface Offers {

    /** A capability and who offers it ({@code NAME VERSION}, and where it would come from). */
    record Offer(String namespace, Map<String, Object> attributes, String provider) {
    }

    /** Offers in {@code namespace} matching {@code filter} (all of the namespace when it is null). */
    List<Offer> matching(String namespace, String filter);

    /**
     * The runtime bundle that exports {@code pkg} for its own work only (not one of the packages shared with
     * plugins), if any: why a plugin is not offered a package the runtime has.
     */
    default Optional<String> keptByRuntime(String pkg) {
        return Optional.empty();
    }
}
