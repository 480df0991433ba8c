/**
 * The MilkBottle SDK for plugin authors: the catalogue of project templates and the generator that makes a plugin
 * project from one ({@code mb:create}, {@code mb:templates}).
 */
@Version("1.1.0")
@Export
package org.milkbottle.sdk.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
