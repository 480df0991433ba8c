package org.milkbottle.repository.internal;

import java.net.URI;

/**
 * A repository configured in this runtime, as kept in {@code repositories.json}: a marketplace
 * ({@code http(s)://host/repository/}, whose index must carry a valid signature by {@code publicKey}) or a
 * folder with an {@code index.xml} ({@code file:} URL; checked when it has a key, trusted as local when not).
 */
public record ConfiguredRepository(String name, String url, String publicKey) {

    boolean isFolder() {
        return url != null && url.startsWith("file:");
    }

    /** The folder URI relative paths resolve against ({@code index.xml}, {@code ../api/plugins}). */
    URI base() {
        return base(url);
    }

    static URI base(String url) {
        return URI.create(url.endsWith("/") ? url : url + "/");
    }
}
