package org.milkbottle.core.internal.install;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The plugin manager's one HTTP client (connection pool, redirects, time-outs alike for every download), made at
 * the first download rather than at start-up: building an {@link HttpClient} initialises the TLS stack, some four
 * hundred classes that a start without downloads never needs.
 */
final class HttpClients {

    private HttpClients() {
    }

    static Supplier<HttpClient> lazy(Duration connectTimeout) {
        return new Supplier<>() {
            private volatile HttpClient client;

            @Override
            public HttpClient get() {
                HttpClient made = client;
                if (made == null) {
                    synchronized (this) {
                        made = client;
                        if (made == null) {
                            made = HttpClient.newBuilder().connectTimeout(connectTimeout)
                                    .followRedirects(HttpClient.Redirect.NORMAL).build();
                            client = made;
                        }
                    }
                }
                return made;
            }
        };
    }
}
