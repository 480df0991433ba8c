package org.milkbottle.core.internal.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;

/** Which configurations other bundles own — their Metatype designates them — for the migrator to leave alone. */
public final class MetatypeOwners implements ConfigurationMigrator.ConfigurationOwners {

    private final BundleContext context;
    private final Supplier<MetaTypeService> metaType;
    private final Function<String, Optional<Bundle>> installed;

    public MetatypeOwners(BundleContext context, Supplier<MetaTypeService> metaType,
            Function<String, Optional<Bundle>> installed) {
        this.context = context;
        this.metaType = metaType;
        this.installed = installed;
    }

    @Override
    public List<String> othersDesignating(String pid, String plugin) {
        MetaTypeService types = metaType.get();
        List<String> owners = new ArrayList<>();
        if (types == null) {
            // without the Metatype service nobody can tell who owns what: refuse rather than guess
            owners.add("(unknown: the Metatype service is not running)");
            return owners;
        }
        for (Bundle bundle : context.getBundles()) {
            if (plugin.equals(bundle.getSymbolicName())) {
                continue;
            }
            MetaTypeInformation information = types.getMetaTypeInformation(bundle);
            if (information != null && List.of(information.getPids()).contains(pid)) {
                owners.add(bundle.getSymbolicName());
            }
        }
        return owners;
    }

    @Override
    public String location(String plugin) {
        return installed.apply(plugin).map(Bundle::getLocation).orElse(null);
    }
}
