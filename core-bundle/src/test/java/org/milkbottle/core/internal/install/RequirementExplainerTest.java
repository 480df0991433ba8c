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
import org.osgi.framework.Version;

class RequirementExplainerTest {

    private final RequirementExplainer explainer = new RequirementExplainer("1.0.0");

    private static Offers index(CapabilitySpec... capabilities) {
        PluginDescriptor descriptor = new PluginDescriptor("lib", "1.0.0", null, null, null, null, null, null, null,
                List.of(), List.of(), List.of(), null, null);
        return new PlanContext(new Bundle[0], Set.of(), List.of(new BundleArchive(Path.of("lib.jar"), "0", "lib.jar",
                descriptor, List.of(), List.of(capabilities))), List.of(), null);
    }

    @Test
    void runtimeRangeMismatchSaysWhatIsNeededAndWhatToDo() {
        String message = explainer.explainIfMissing("p 2.0.0", "milkbottle.runtime",
                "(&(milkbottle.runtime=milkbottle)(version>=2.0)(!(version>=3.0)))", index()).orElseThrow();
        assertThat(message).isEqualTo("p 2.0.0 needs MilkBottle runtime [2.0,3.0), but this runtime is 1.0.0. "
                + "Install a version of the plugin built for MilkBottle 1.x, or run a MilkBottle version within [2.0,3.0).");
    }

    @Test
    void satisfiedRequirementsNeedNoExplanation() {
        Offers index = index(new CapabilitySpec("osgi.wiring.package",
                Map.of("osgi.wiring.package", "com.acme", "version", new Version(1, 5, 0))));
        assertThat(explainer.explainIfMissing("p", "osgi.wiring.package",
                "(&(osgi.wiring.package=com.acme)(version>=1.0.0)(!(version>=2.0.0)))", index)).isEmpty();
        assertThat(explainer.explainIfMissing("p", "osgi.wiring.package",
                "(&(osgi.wiring.package=com.acme)(version>=2.0.0))", index).orElseThrow())
                .contains("export it only as 1.5.0 (from lib 1.0.0 (in this request))");
        assertThat(explainer.explainIfMissing("p", "osgi.wiring.bundle", "(osgi.wiring.bundle=gone)", index)
                .orElseThrow()).contains("requires bundle gone");
        assertThat(explainer.explainIfMissing("p", "acme.format", "(acme.format=pdf)", index).orElseThrow())
                .contains("namespace 'acme.format'");
    }
}
