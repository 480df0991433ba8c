package org.milkbottle.perf.internal.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.wiring.BundleWiring;

/** The OSGi side of the index, against stand-in bundles: laziness, event order, unresolved bundles. */
class BundlePackageIndexerTest {

    private final Map<Long, Bundle> installed = new HashMap<>();
    /** Per bundle, its class files; no entry means "not resolved" (no wiring). */
    private final Map<Long, List<String>> classFiles = new HashMap<>();
    private final AtomicInteger listings = new AtomicInteger();
    private final BundlePackageIndexer indexer = new BundlePackageIndexer(context());

    private BundleContext context() {
        return proxy(BundleContext.class, (name, args) -> switch (name) {
            case "getBundles" -> installed.values().toArray(new Bundle[0]);
            case "getBundle" -> installed.get((Long) args[0]);
            case "addBundleListener", "removeBundleListener" -> null;
            default -> throw new UnsupportedOperationException(name);
        });
    }

    private Bundle install(long id, String... files) {
        if (files.length > 0) {
            classFiles.put(id, List.of(files));
        }
        Bundle bundle = proxy(Bundle.class, (name, args) -> switch (name) {
            case "getBundleId" -> id;
            case "adapt" -> args[0] == BundleWiring.class && classFiles.containsKey(id) ? wiring(id) : null;
            case "findEntries" -> versioned(id, (String) args[1]);
            default -> throw new UnsupportedOperationException(name);
        });
        installed.put(id, bundle);
        return bundle;
    }

    /** The bundle's entries under META-INF/versions named {@code file}, as URLs. */
    private java.util.Enumeration<java.net.URL> versioned(long id, String file) {
        List<java.net.URL> urls = new java.util.ArrayList<>();
        for (String path : classFiles.getOrDefault(id, List.of())) {
            if (path.startsWith("META-INF/versions/") && path.endsWith("/" + file)) {
                try {
                    urls.add(new java.net.URL("bundle", Long.toString(id), -1, "/" + path,
                            new java.net.URLStreamHandler() {
                                @Override
                                protected java.net.URLConnection openConnection(java.net.URL u) {
                                    throw new UnsupportedOperationException();
                                }
                            }));
                } catch (java.net.MalformedURLException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return java.util.Collections.enumeration(urls);
    }

    private BundleWiring wiring(long id) {
        return proxy(BundleWiring.class, (name, args) -> switch (name) {
            case "listResources" -> {
                if (!"/".equals(args[0])) {
                    // the class-file probe: does the bundle hold this one class file?
                    String path = args[0].toString().substring(1) + "/" + args[1];
                    yield classFiles.get(id).stream().filter(path::equals).toList();
                }
                listings.incrementAndGet();
                yield classFiles.get(id);
            }
            case "getProvidedWires" -> List.of();
            default -> throw new UnsupportedOperationException(name);
        });
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Handler handler) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (self, method, args) -> switch (method.getName()) {
                    case "hashCode" -> System.identityHashCode(self);
                    case "equals" -> self == args[0];
                    case "toString" -> type.getSimpleName();
                    default -> handler.handle(method.getName(), args);
                });
    }

    private interface Handler {
        Object handle(String method, Object[] args);
    }

    private void event(int type, Bundle bundle) {
        indexer.bundleChanged(new BundleEvent(type, bundle));
    }

    @Test
    void bundlesAreListedOnlyWhenTheSamplerAsks() {
        install(0, "org/apache/felix/framework/Felix.class");
        install(5, "com/acme/A.class", "com/acme/impl/B.class", "com/acme/impl/B$1.class",
                "META-INF/versions/11/com/acme/mr/C.class");
        indexer.open();

        assertThat(listings).hasValue(0);
        indexer.refresh();
        assertThat(indexer.ownerOf("com.acme.A")).isEqualTo(5);
        assertThat(indexer.ownerOf("com.acme.impl.B$1")).isEqualTo(5);
        assertThat(indexer.ownerOf("com.acme.mr.C")).isEqualTo(5);
        // The system bundle is never indexed.
        assertThat(indexer.ownerOf("org.apache.felix.framework.Felix")).isEqualTo(PackageIndex.NO_BUNDLE);
        indexer.refresh();
        assertThat(listings).as("cached").hasValue(1);
    }

    @Test
    void unresolvedBundleIsSkippedUntilItResolves() {
        Bundle late = install(6);
        indexer.open();
        indexer.refresh();
        assertThat(indexer.ownerOf("org.late.X")).isEqualTo(PackageIndex.NO_BUNDLE);

        classFiles.put(6L, List.of("org/late/X.class"));
        event(BundleEvent.RESOLVED, late);
        indexer.refresh();
        assertThat(indexer.ownerOf("org.late.X")).isEqualTo(6);
    }

    @Test
    void splitPackageClassesGoToTheBundleThatHoldsThem() {
        Bundle first = install(3, "org/split/A.class");
        Bundle second = install(4, "org/split/B.class");
        indexer.open();
        event(BundleEvent.RESOLVED, second);
        event(BundleEvent.RESOLVED, first);
        indexer.refresh();

        assertThat(indexer.ownerOf("org.split.A")).isEqualTo(3);
        assertThat(indexer.ownerOf("org.split.B")).isEqualTo(4);
        assertThat(indexer.ownerOf("org.split.Any")).isEqualTo(PackageIndex.NO_BUNDLE); // neither holds it

        event(BundleEvent.UPDATED, second);
        indexer.refresh();
        assertThat(indexer.ownerOf("org.split.A")).isEqualTo(3);
        assertThat(indexer.ownerOf("org.split.B")).isEqualTo(4);
    }

    @Test
    void unresolvedOrUninstalledBundlesAreDropped() {
        Bundle a = install(3, "org/a/A.class");
        Bundle b = install(4, "org/b/B.class");
        indexer.open();
        indexer.refresh();

        event(BundleEvent.UNRESOLVED, a);
        event(BundleEvent.UNINSTALLED, b);
        installed.remove(4L);
        indexer.refresh();

        assertThat(indexer.ownerOf("org.a.A")).isEqualTo(PackageIndex.NO_BUNDLE);
        assertThat(indexer.ownerOf("org.b.B")).isEqualTo(PackageIndex.NO_BUNDLE);
    }

    @Test
    void resolvedThenUninstalledBeforeTheNextSampleIsNeverListed() {
        indexer.open();
        Bundle brief = install(9, "org/brief/X.class");
        event(BundleEvent.RESOLVED, brief);
        event(BundleEvent.UNINSTALLED, brief);
        indexer.refresh();

        assertThat(listings).hasValue(0);
        assertThat(indexer.ownerOf("org.brief.X")).isEqualTo(PackageIndex.NO_BUNDLE);
    }
}
