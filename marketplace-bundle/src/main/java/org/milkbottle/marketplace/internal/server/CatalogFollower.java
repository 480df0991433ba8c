package org.milkbottle.marketplace.internal.server;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;

import org.milkbottle.marketplace.internal.store.PluginStore;

/**
 * Keeps the {@link Catalog} in step with the database: after a write on this node at once, and for
 * writes on other nodes when the shared revision counter moves (checked at most every refresh
 * interval). Download counts, which do not move the counter, are refreshed every 30 seconds.
 */
final class CatalogFollower {

    private static final long DOWNLOADS_REFRESH_NANOS = 30_000_000_000L;

    private final PluginStore store;
    private final long refreshNanos;
    private volatile Snapshot snapshot;

    /** @param generation counts the catalogs loaded by this follower: a new one whenever any answer may change */
    private record Snapshot(Catalog catalog, long revision, PluginStore.DownloadTotals downloads, long checkedAt,
            long loadedAt, long generation) {
    }

    private final AtomicLong generations = new AtomicLong();

    CatalogFollower(PluginStore store, long refreshMillis) throws SQLException {
        this.store = store;
        this.refreshNanos = refreshMillis * 1_000_000L;
        this.snapshot = load();
    }

    Catalog current() {
        return fresh().catalog();
    }

    long revision() {
        return fresh().revision();
    }

    /** Which catalog answers now: equal values, equal answers (download counts included). */
    long generation() {
        return fresh().generation();
    }

    PluginStore.DownloadTotals downloads() {
        return fresh().downloads();
    }

    /** A write on this node: the next read reloads (so a burst of writes costs one reload, not one each). */
    synchronized void invalidate() {
        Snapshot current = snapshot;
        snapshot = new Snapshot(current.catalog(), -1, current.downloads(), Long.MIN_VALUE / 2, current.loadedAt(),
                current.generation());
    }

    private Snapshot fresh() {
        Snapshot current = snapshot;
        long now = System.nanoTime();
        if (now - current.checkedAt() < refreshNanos && now - current.loadedAt() < DOWNLOADS_REFRESH_NANOS) {
            return current;
        }
        synchronized (this) {
            current = snapshot;
            try {
                if (store.revision() != current.revision() || now - current.loadedAt() >= DOWNLOADS_REFRESH_NANOS) {
                    snapshot = load();
                } else {
                    snapshot = new Snapshot(current.catalog(), current.revision(), current.downloads(), now,
                            current.loadedAt(), current.generation());
                }
            } catch (SQLException e) {
                // the database is unreachable: keep serving the last snapshot
                System.getLogger(CatalogFollower.class.getName()).log(System.Logger.Level.WARNING,
                        "Cannot refresh the marketplace catalog: " + e.getMessage());
            }
            return snapshot;
        }
    }

    private Snapshot load() throws SQLException {
        long revision = store.revision();
        PluginStore.DownloadTotals downloads = store.downloadTotals();
        Catalog catalog = new Catalog(store.versions(), store.ratingTotals(), downloads, store.owners());
        long now = System.nanoTime();
        return new Snapshot(catalog, revision, downloads, now, now, generations.incrementAndGet());
    }
}
