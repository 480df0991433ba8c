package org.milkbottle.marketplace.internal.client;

/**
 * A repository the runtime installs from: a marketplace ({@code http(s)://host/repository/}, whose
 * index must carry a valid signature by {@code publicKey}) or a folder with an {@code index.xml}
 * ({@code file:} URL, trusted as local). {@code local} is the marketplace running in this runtime.
 */
public record Repository(String name, String url, String publicKey) {

    static final String LOCAL = "local";

    boolean isLocal() {
        return LOCAL.equals(name) && url == null;
    }

    boolean isFolder() {
        return url != null && url.startsWith("file:");
    }
}
