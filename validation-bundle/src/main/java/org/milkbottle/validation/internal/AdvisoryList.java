package org.milkbottle.validation.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.milkbottle.validation.api.Advisory;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import com.fasterxml.jackson.core.type.TypeReference;

/**
 * Known-bad plugin versions, read from {@code advisories.json} in MilkBottle's data folder (a JSON array
 * of {@code {id, plugin, versions, severity, message}}) and read again whenever the file changes, and
 * from every {@link org.milkbottle.validation.api.AdvisorySource} service (the marketplaces in use).
 */
@Component(service = AdvisoryList.class)
public class AdvisoryList {

    private static final System.Logger LOG = System.getLogger(AdvisoryList.class.getName());

    private final Path file;
    private final List<org.milkbottle.validation.api.AdvisorySource> sources =
            new java.util.concurrent.CopyOnWriteArrayList<>();
    private long loadedModified = -1;
    private List<Advisory> advisories = List.of();

    @Activate
    public AdvisoryList(BundleContext context) {
        this.file = DataFolder.file(context, "advisories.json");
    }

    AdvisoryList(Path file) {
        this.file = file;
    }

    @org.osgi.service.component.annotations.Reference(
            cardinality = org.osgi.service.component.annotations.ReferenceCardinality.MULTIPLE,
            policy = org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC)
    void addSource(org.milkbottle.validation.api.AdvisorySource source) {
        sources.add(source);
    }

    void removeSource(org.milkbottle.validation.api.AdvisorySource source) {
        sources.remove(source);
    }

    /** The advisories that apply to {@code version} of {@code plugin}: the local file's and every source's. */
    public synchronized List<Advisory> matching(String plugin, String version) {
        reloadIfChanged();
        Version parsed;
        try {
            parsed = Version.parseVersion(version == null ? "0" : version.trim());
        } catch (IllegalArgumentException e) {
            return List.of();
        }
        List<Advisory> all = new java.util.ArrayList<>(advisories);
        for (org.milkbottle.validation.api.AdvisorySource source : sources) {
            try {
                all.addAll(source.advisories());
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "An advisory source failed: " + e);
            }
        }
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
                    : AuditLog.MAPPER.readValue(file.toFile(), new TypeReference<List<Advisory>>() { });
        } catch (IOException e) {
            // keep the last good list: a broken file must not switch the advisories off
            LOG.log(System.Logger.Level.WARNING, "Cannot read advisories from " + file + ": " + e.getMessage()
                    + "; keeping the previous list");
        }
    }
}
