package org.milkbottle.marketplace.internal.server;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.Enumeration;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;

import org.milkbottle.marketplace.api.MarketplaceException;
import org.osgi.framework.Bundle;

/**
 * The example plugins shipped inside this bundle ({@code seed/*.jar}), published on start by the owner
 * {@value #OWNER} so that a new runtime's marketplace is never empty. A version already there is left
 * alone; a seed goes through the validator like any upload.
 */
final class Seeds {

    static final String OWNER = "milkbottle";
    private static final System.Logger LOG = System.getLogger(Seeds.class.getName());

    private Seeds() {
    }

    static void publish(Bundle bundle, Publishing publishing) {
        Enumeration<URL> seeds = bundle.findEntries("seed", "*.jar", false);
        for (URL seed : seeds == null ? Collections.<URL>emptyList() : Collections.list(seeds)) {
            Path copy = null;
            try {
                if (publishedAlready(seed, publishing)) {
                    continue; // every start after the first: validating the seeds again only to refuse them cost
                              // ~120 ms of a core (PDFBox's classes scanned) beside the first command
                }
            } catch (IOException | IllegalArgumentException e) {
                // an unreadable manifest or version: publishing it says what is wrong
            } catch (MarketplaceException e) {
                LOG.log(System.Logger.Level.WARNING, "Cannot seed " + seed.getPath() + ": " + e.getMessage());
                continue;
            }
            try (InputStream in = seed.openStream()) {
                copy = Files.createTempFile("milkbottle-seed", ".jar");
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
                publishing.publishAs(OWNER, copy);
            } catch (MarketplaceException e) {
                if (e.reason() != MarketplaceException.Reason.CONFLICT) {
                    LOG.log(System.Logger.Level.WARNING, "Cannot seed " + seed.getPath() + ": " + e.getMessage());
                }
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "Cannot read the seed " + seed.getPath() + ": " + e.getMessage());
            } finally {
                if (copy != null) {
                    copy.toFile().delete();
                }
            }
        }
    }

    /** Whether the seed's name and version (from its manifest) are in the store. */
    private static boolean publishedAlready(URL seed, Publishing publishing) throws IOException, MarketplaceException {
        try (JarInputStream jar = new JarInputStream(seed.openStream())) {
            Manifest manifest = jar.getManifest();
            String name = manifest == null ? null : manifest.getMainAttributes().getValue("Bundle-SymbolicName");
            String version = manifest == null ? null : manifest.getMainAttributes().getValue("Bundle-Version");
            return name != null && version != null && publishing.isPublished(name.split(";", 2)[0].strip(), version);
        }
    }
}
