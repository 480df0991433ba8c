package org.milkbottle.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.Hashtable;

import org.junit.jupiter.api.Test;
import org.milkbottle.api.PluginDescriptor;
import org.osgi.framework.Bundle;
import org.osgi.framework.Version;

/**
 * {@code mb:info} and {@code mb:list} on an installed bundle whose headers MilkBottle would refuse to install:
 * the bundle is still described, from its name, version and Bundle-Name, instead of failing the command.
 */
class PluginLookupFallbackTest {

    private static Bundle bundle(Hashtable<String, String> headers) {
        return (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getHeaders" -> headers;
                    case "getSymbolicName" -> "legacy.tool";
                    case "getVersion" -> new Version(0, 9, 1);
                    case "adapt" -> null; // uninstalled meanwhile: no revision, no wiring
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static Hashtable<String, String> headers(String... keyValues) {
        Hashtable<String, String> headers = new Hashtable<>();
        headers.put("Bundle-SymbolicName", "legacy.tool");
        headers.put("Bundle-Version", "0.9.1");
        headers.put("Bundle-Name", "Legacy tool");
        for (int i = 0; i < keyValues.length; i += 2) {
            headers.put(keyValues[i], keyValues[i + 1]);
        }
        return headers;
    }

    @Test
    void anOldStyleBundleIsDescribedFromItsBasicHeaders() {
        PluginDescriptor descriptor = new PluginLookup(null).descriptor(bundle(headers("Bundle-ManifestVersion",
                "1")));

        assertThat(descriptor.symbolicName()).isEqualTo("legacy.tool");
        assertThat(descriptor.version()).isEqualTo("0.9.1");
        assertThat(descriptor.name()).isEqualTo("Legacy tool");
        assertThat(descriptor.isPlugin()).isFalse();
    }

    @Test
    void aCapabilityWithAMalformedNumberNoLongerBreaksTheDescription() {
        // before the fix in ManifestDescriptorReader this was a NumberFormatException out of mb:info and mb:list
        PluginDescriptor descriptor = new PluginLookup(null).descriptor(bundle(headers("Bundle-ManifestVersion",
                "2", "Provide-Capability", "com.example.engine;size:Long=big")));

        assertThat(descriptor.symbolicName()).isEqualTo("legacy.tool");
        assertThat(descriptor.name()).isEqualTo("Legacy tool");
    }

    @Test
    void aBundleWithoutRevisionHasNoDependencies() {
        assertThat(new PluginLookup(null).dependencies(bundle(headers()))).isEmpty();
    }
}
