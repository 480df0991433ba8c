/**
 * The MilkBottle runtime API: manage plugins (install, update, uninstall, start, stop, history,
 * rollback), read their metadata, health and configuration.
 *
 * <p>Every way a plugin arrives — the shell, the deploy folder, a plugin name looked up in the OSGi
 * {@code Repository} services — goes through {@link org.milkbottle.api.PluginManager}, so the same
 * all-or-nothing pipeline applies everywhere.
 *
 * <p>2.0.0: the {@code PluginResolver} SPI is gone; the plugin manager resolves names itself, with the
 * OSGi {@code Resolver} over the installed bundles and the {@code org.osgi.service.repository.Repository}
 * services that runtime bundles register.
 */
@Export
@Version("2.0.0")
package org.milkbottle.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
