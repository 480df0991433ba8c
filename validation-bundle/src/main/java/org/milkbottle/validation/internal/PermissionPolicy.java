package org.milkbottle.validation.internal;

import java.util.List;
import java.util.Map;

import org.milkbottle.validation.api.Finding;
import org.milkbottle.validation.api.Severity;

/**
 * Compares what the code uses with what the bundle declares. A plugin must declare every permission its
 * code needs. A library — a bundle without the MilkBottle runtime requirement, typically a dependency
 * from Maven Central — declares nothing; what it uses is reported, not refused (see docs/security.md).
 */
final class PermissionPolicy {

    private PermissionPolicy() {
    }

    static void check(boolean plugin, List<String> declared, CollectedFindings collected) {
        for (Map.Entry<String, String> use : collected.firstUse().entrySet()) {
            String permission = use.getKey();
            if (declared.contains(permission)) {
                collected.add(new Finding("permissions.used", Severity.INFO, "uses " + use.getValue()
                        + ", covered by its declared permission '" + permission + "'.", use.getValue()));
            } else if (plugin) {
                collected.add(new Finding("permissions.undeclared", Severity.ERROR, "uses " + use.getValue()
                        + " but does not declare permission '" + permission + "'. Add it to MilkBottle-Permissions, "
                        + "or remove the call.", use.getValue()));
            } else {
                collected.add(new Finding("permissions.library-uses", Severity.INFO, "library uses " + use.getValue()
                        + " (permission '" + permission + "'); libraries are trusted by their source.",
                        use.getValue()));
            }
        }
        for (String permission : declared) {
            if (!collected.firstUse().containsKey(permission)) {
                collected.add(new Finding("permissions.unused", Severity.INFO, "declares permission '" + permission
                        + "' that its code does not appear to use.", "MilkBottle-Permissions"));
            }
        }
    }
}
