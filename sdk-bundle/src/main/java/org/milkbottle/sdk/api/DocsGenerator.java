package org.milkbottle.sdk.api;

import java.nio.file.Path;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Writes a plugin's reference documentation from its jar alone: the manifest's metadata (name, version, vendor,
 * contact, license, runtime range, capabilities, tags, permissions, packages), its shell commands with their
 * {@code @Descriptor} texts, its health checks and its configurations (Metatype schema). No code of the jar runs.
 */
@ProviderType
public interface DocsGenerator {

    /**
     * @param jar    the plugin's jar
     * @param folder where to write {@code NAME.md} (and {@code NAME.html})
     * @param html   also write the HTML page
     * @return the files written
     * @throws SdkException for a jar that is no bundle or cannot be read, or a folder that cannot be written; nothing
     *                      is written then
     */
    List<Path> document(Path jar, Path folder, boolean html) throws SdkException;
}
