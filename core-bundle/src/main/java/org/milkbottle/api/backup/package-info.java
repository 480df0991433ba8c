/**
 * Taking part in MilkBottle's backups ({@code mb:backup}): a bundle that keeps data the plain copy of the data
 * folder cannot take consistently while the runtime runs (a database) writes that part itself.
 */
@Export
@Version("1.0.0")
package org.milkbottle.api.backup;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
