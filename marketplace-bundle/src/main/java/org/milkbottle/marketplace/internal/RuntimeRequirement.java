package org.milkbottle.marketplace.internal;

import java.util.Map;

import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.Version;

/**
 * Whether a plugin's requirement on the MilkBottle runtime accepts a runtime version: its filter is
 * matched against the capability the core provides, {@code milkbottle.runtime=milkbottle;version=X}.
 * The one place server (search) and client (outdated) decide compatibility.
 */
public final class RuntimeRequirement {

    private RuntimeRequirement() {
    }

    /**
     * @param filter the requirement's filter; null when there is no such requirement (a library, which
     *        fits every runtime)
     * @return whether the runtime satisfies it; a malformed filter fits none
     */
    public static boolean accepts(String filter, Version runtime) {
        if (filter == null) {
            return true;
        }
        try {
            return FrameworkUtil.createFilter(filter).matches(Map.of("milkbottle.runtime", "milkbottle", "version",
                    runtime));
        } catch (InvalidSyntaxException e) {
            return false;
        }
    }
}
