package org.milkbottle.core.internal.install;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

import org.milkbottle.api.BundleSnapshot;

/**
 * The deploy folder owns the plugins it installed, for as long as their jar is in it: only it updates or
 * removes them (replace or delete the file), and it leaves every plugin installed another way alone — a jar
 * dropped for one of those is refused, saying so, instead of seeming to work and then doing nothing.
 */
public final class DeployOwnership {

    /** The origin the deploy folder's changes are recorded with. */
    public static final String ORIGIN = "deploy";

    private DeployOwnership() {
    }

    /** Whether the deploy folder installed this plugin and its jar is still there. */
    public static boolean owns(BundleSnapshot record) {
        if (!ORIGIN.equals(record.origin()) || record.source() == null) {
            return false;
        }
        try {
            return Files.exists(Path.of(record.source()));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    /** Why {@code origin} may not uninstall this plugin: the deploy folder would install it again at the next start. */
    public static Optional<String> uninstallRefusal(BundleSnapshot record, String origin) {
        if (ORIGIN.equals(origin) || !owns(record)) {
            return Optional.empty();
        }
        return Optional.of(record.symbolicName() + " was installed from the deploy folder, which keeps it installed "
                + "while " + record.source() + " is there: delete (or move away) that file to uninstall it.");
    }
}
