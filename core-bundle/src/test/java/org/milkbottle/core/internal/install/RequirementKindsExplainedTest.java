package org.milkbottle.core.internal.install;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.milkbottle.api.PluginDescriptor;
import org.milkbottle.core.internal.install.BundleArchive.CapabilitySpec;
import org.osgi.framework.Bundle;

/** The explanations for requirement kinds the other tests' plugins do not have: fragments, Java, extenders. */
class RequirementKindsExplainedTest {

    private final RequirementExplainer explainer = new RequirementExplainer("1.0.0");

    private static Offers index(CapabilitySpec... capabilities) {
        PluginDescriptor descriptor = new PluginDescriptor("lib", "1.0.0", null, null, null, null, null, null, null,
                List.of(), List.of(), List.of(), null, null);
        return new PlanContext(new Bundle[0], Set.of(), List.of(new BundleArchive(Path.of("lib.jar"), "0", "lib.jar",
                descriptor, List.of(), List.of(capabilities))), List.of(), null);
    }

    @Test
    void aFragmentWithoutItsHostSaysWhichHostToInstall() {
        assertThat(explainer.explainIfMissing("theme 1.0.0", "osgi.wiring.host",
                "(osgi.wiring.host=com.example.ui)", index())).contains(
                        "theme 1.0.0 is a fragment of com.example.ui, which is not installed. Install com.example.ui "
                                + "first.");
    }

    @Test
    void aJavaVersionTheJvmLacksIsNamedWithTheJvmsVersion() {
        String filter = "(&(osgi.ee=JavaSE)(version=99))";
        assertThat(explainer.explainIfMissing("future 1.0.0", "osgi.ee", filter, index())).contains(
                "future 1.0.0 needs the Java environment " + filter + ", which this JVM (Java "
                        + Runtime.version().feature() + ") does not provide. Run MilkBottle on a newer Java.");
    }

    @Test
    void aMissingExtenderIsNamedWithItsRange() {
        assertThat(explainer.explainIfMissing("web 1.0.0", "osgi.extender",
                "(&(osgi.extender=osgi.http)(version>=2.0.0)(!(version>=3.0.0)))", index())).contains(
                        "web 1.0.0 needs the extender osgi.http [2.0.0,3.0.0), which this runtime does not run. "
                                + "Install a bundle that provides it.");
    }

    @Test
    void aRequirementWithoutFilterIsMetByAnyCapabilityOfItsNamespace() {
        Offers index = index(new CapabilitySpec("com.example.feature", Map.of("name", "x")));
        assertThat(explainer.explainIfMissing("p 1.0.0", "com.example.feature", null, index)).isEmpty();
        assertThat(explainer.explainIfMissing("p 1.0.0", "com.example.other", null, index)).contains(
                "p 1.0.0 needs a capability in namespace 'com.example.other', which no installed bundle provides. "
                        + "Install a bundle that provides it.");
    }
}
