/**
 * The MilkBottle runtime API: manage plugins (install, update, uninstall, start, stop, history,
 * rollback), read their metadata, health and configuration.
 *
 * <p>Every way a plugin arrives — the shell, the deploy folder, the marketplace client — goes through
 * {@link org.milkbottle.api.PluginManager}, so the same all-or-nothing pipeline applies everywhere.
 */
@Export
@Version("1.2.0")
package org.milkbottle.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
