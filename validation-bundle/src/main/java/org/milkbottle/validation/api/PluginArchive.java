package org.milkbottle.validation.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A jar under validation, read without extracting it and without loading any of its classes. Reads
 * are bounded: an entry larger than the validator's limits cannot be read.
 */
@ProviderType
public interface PluginArchive {

    /** The main attributes of its manifest; empty when it has none. */
    Map<String, String> headers();

    /** Entry names in central-directory order, duplicates included. */
    List<String> entryNames();

    /** Reads one entry (the first of that name). */
    byte[] read(String entryName) throws IOException;

    /**
     * Opens one entry (the first of that name) as a stream, for readers that may stop early; the
     * stream fails once it passes the validator's size limit.
     *
     * @since 1.1
     */
    default InputStream open(String entryName) throws IOException {
        return new ByteArrayInputStream(read(entryName));
    }

    /** Whether it requires the MilkBottle runtime, i.e. is a plugin rather than a library. */
    boolean isPlugin();
}
