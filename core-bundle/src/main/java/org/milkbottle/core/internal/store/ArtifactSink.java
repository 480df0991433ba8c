package org.milkbottle.core.internal.store;

import java.io.IOException;
import java.io.InputStream;

/** Where a fetched jar goes: the {@link ArtifactStore} itself, or a request's {@link ArtifactStore.Staging}. */
public interface ArtifactSink {

    /**
     * Copies {@code in} here under its SHA-256, refusing more than {@code maxBytes}.
     *
     * @throws IOException when reading fails or the limit is passed
     */
    ArtifactStore.Stored put(InputStream in, long maxBytes) throws IOException;
}
