package org.milkbottle.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.Collections;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.milkbottle.api.PluginException;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;

/** One name lookup for every command: symbolic name, {@code .NAME} suffix, Maven artifactId, Bundle-Name, id. */
class BundleFinderTest {

    private final Bundle hello = bundle(10, "org.milkbottle.example.hello", "hello", null);
    private final Bundle pdf = bundle(11, "com.example.pdf", "PDF export", null);
    private final Bundle lang3 = bundle(12, "org.apache.commons.lang3", "Apache Commons Lang",
            "org.apache.commons/commons-lang3");
    private final Bundle coreApi = bundle(13, "org.example.core.api", "Core API", null);
    private final Bundle webApi = bundle(14, "org.example.web.api", "Web API", null);
    private final BundleContext context = context(hello, pdf, lang3, coreApi, webApi);

    @Test
    void anExactSymbolicNameWins() {
        assertThat(BundleFinder.find(context, "com.example.pdf")).isSameAs(pdf);
    }

    @Test
    void theLastPartsOfOneSymbolicNameFindIt() {
        assertThat(BundleFinder.find(context, "pdf")).isSameAs(pdf);
        assertThat(BundleFinder.find(context, "example.hello")).isSameAs(hello);
    }

    @Test
    void theMavenArtifactIdAPluginWasInstalledAsFindsIt() {
        assertThat(BundleFinder.find(context, "commons-lang3")).isSameAs(lang3);
    }

    @Test
    void theBundleNameAndTheIdStillFindIt() {
        assertThat(BundleFinder.find(context, "pdf export")).isSameAs(pdf);
        assertThat(BundleFinder.find(context, "12")).isSameAs(lang3);
    }

    @Test
    void aNameSeveralBundlesAnswerToListsThem() {
        assertThatThrownBy(() -> BundleFinder.find(context, "api")).isInstanceOf(PluginException.class)
                .hasMessageContaining("org.example.core.api 1.0.0 [13]")
                .hasMessageContaining("org.example.web.api 1.0.0 [14]");
    }

    @Test
    void anUnknownNameSaysWhereToLook() {
        assertThatThrownBy(() -> BundleFinder.find(context, "nope")).hasMessageContaining("mb:list");
    }

    private static Bundle bundle(long id, String symbolicName, String name, String maven) {
        Hashtable<String, String> headers = new Hashtable<>(Map.of("Bundle-Name", name));
        return (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getBundleId" -> id;
                    case "getSymbolicName" -> symbolicName;
                    case "getVersion" -> new Version(1, 0, 0);
                    case "getHeaders" -> headers;
                    case "getEntryPaths" -> entries((String) args[0], maven);
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> symbolicName;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** The folders of META-INF/maven/GROUP/ARTIFACT/ as Bundle.getEntryPaths lists them. */
    private static Object entries(String folder, String maven) {
        if (maven == null) {
            return null;
        }
        String group = "META-INF/maven/" + maven.substring(0, maven.indexOf('/')) + "/";
        if (folder.equals("META-INF/maven/")) {
            return Collections.enumeration(List.of(group));
        }
        return folder.equals(group) ? Collections.enumeration(List.of("META-INF/maven/" + maven + "/")) : null;
    }

    private static BundleContext context(Bundle... bundles) {
        return (BundleContext) Proxy.newProxyInstance(BundleContext.class.getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getBundles" -> bundles;
                    case "getBundle" -> args[0] instanceof Long id
                            ? Arrays.stream(bundles).filter(b -> b.getBundleId() == id).findFirst().orElse(null)
                            : null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
