package org.milkbottle.validation.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.milkbottle.validation.api.Advisory;
import org.milkbottle.validation.api.AdvisoryRegistry;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import com.fasterxml.jackson.core.type.TypeReference;

/**
 * Known-bad plugin versions, read from {@code advisories.json} in MilkBottle's data folder (a JSON array
 * of {@code {id, plugin, versions, severity, message}}) and read again whenever the file changes, and
 * those pushed by other bundles through the {@link AdvisoryRegistry} service (the repositories in use,
 * the marketplace running here). It references no service: whoever knows advisories brings them here,
 * so that the validator never calls back into a repository client (which needs the validator).
 */
@Component(service = {AdvisoryList.class, AdvisoryRegistry.class})
public class AdvisoryList implements AdvisoryRegistry {

    private static final System.Logger LOG = System.getLogger(AdvisoryList.class.getName());

    private final Path file;
    private final Map<String, List<Advisory>> published = new ConcurrentHashMap<>();
    private long loadedModified = -1;
    private List<Advisory> advisories = List.of();

    @Activate
    public AdvisoryList(BundleContext context) {
        this.file = DataFolder.file(context, "advisories.json");
    }

    AdvisoryList(Path file) {
        this.file = file;
    }

    @Override
    public void publish(String source, List<Advisory> advisories) {
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("An advisory source needs a name, e.g. repository:acme");
        }
        published.put(source, List.copyOf(advisories.stream().filter(Objects::nonNull).toList()));
    }

    @Override
    public void withdraw(String source) {
        if (source != null) {
            published.remove(source);
        }
    }

    @Override
    public Set<String> sources() {
        return Set.copyOf(published.keySet());
    }

    /** The advisories that apply to {@code version} of {@code plugin}: the local file's and every pushed one. */
    public synchronized List<Advisory> matching(String plugin, String version) {
        reloadIfChanged();
        Version parsed;
        try {
            parsed = Version.parseVersion(version == null ? "0" : version.trim());
        } catch (IllegalArgumentException e) {
            return List.of();
        }
        List<Advisory> all = new ArrayList<>(advisories);
        published.values().forEach(all::addAll);
        return all.stream().filter(a -> plugin.equals(a.plugin()))
                .filter(a -> inRange(a.versions(), parsed)).toList();
    }

    private static boolean inRange(String range, Version version) {
        try {
            return VersionRange.valueOf(range).includes(version);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private void reloadIfChanged() {
        try {
            long modified = Files.exists(file) ? Files.getLastModifiedTime(file).toMillis() : 0;
            if (modified == loadedModified) {
                return;
            }
            loadedModified = modified;
            advisories = modified == 0 ? List.of()
                    : AuditLog.mapper().readValue(file.toFile(), new TypeReference<List<Advisory>>() { });
        } catch (IOException e) {
            // keep the last good list: a broken file must not switch the advisories off
            LOG.log(System.Logger.Level.WARNING, "Cannot read advisories from " + file + ": " + e.getMessage()
                    + "; keeping the previous list");
        }
    }
}
