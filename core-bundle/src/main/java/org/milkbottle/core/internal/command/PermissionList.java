package org.milkbottle.core.internal.command;

import java.util.Arrays;
import java.util.List;

import org.milkbottle.validation.api.Permissions;

/** Parses the {@code --allow-permissions} list, refusing unknown names and {@code framework} with a clear error. */
final class PermissionList {

    private PermissionList() {
    }

    static List<String> parse(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<String> permissions = Arrays.stream(text.split("[,\\s]+")).map(String::trim).filter(p -> !p.isEmpty())
                .distinct().toList();
        for (String permission : permissions) {
            if (permission.equals(Permissions.FRAMEWORK)) {
                throw new IllegalArgumentException("'framework' cannot be allowed with --allow-permissions: only a "
                        + "bundle signed by a publisher in the trust store may hold it (mb:trust-add CERTFILE).");
            }
            if (!Permissions.ALL.contains(permission)) {
                throw new IllegalArgumentException("'" + permission + "' is not a permission. Use any of: "
                        + String.join(", ", Permissions.ALL.stream().filter(p -> !p.equals(Permissions.FRAMEWORK))
                                .toList()) + ".");
            }
        }
        return permissions;
    }
}
