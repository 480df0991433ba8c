package org.milkbottle.core.internal.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.milkbottle.api.HealthReport;
import org.milkbottle.api.PluginDescriptor;
import org.milkbottle.api.PluginDetails;
import org.milkbottle.api.PluginInfo;

/** {@code mb:info} of a bare fragment (the case the integration tests' plugins never are), and an empty health list. */
class FragmentDetailsFormatTest {

    @Test
    void aFragmentWithNothingShowsItsHostAndSaysNoneForEachSection() {
        PluginDescriptor descriptor = new PluginDescriptor("hello.nl", "1.0.0", null, null, null, null, null, null,
                null, List.of(), List.of(), List.of(), null, "hello");
        PluginInfo info = new PluginInfo(12, "hello.nl", "hello.nl", "1.0.0", "RESOLVED", "OK", "nl.jar", "library");
        PluginDetails details = new PluginDetails(info, descriptor, "1.0.0", List.of(), List.of(), List.of(),
                new HealthReport("hello.nl", "OK", List.of()));

        String text = PluginFormatter.details(details);

        assertThat(text).startsWith("hello.nl (hello.nl 1.0.0)\n")
                .contains("no MilkBottle runtime requirement (a library)")
                .contains("Fragment of")
                .contains("hello\n")
                .contains("Dependencies:\n  (none)\n")
                .contains("Commands:\n  (none while not active)\n")
                .contains("Configuration:\n  (no configuration schema)\n")
                .endsWith("Health: OK\n");
        assertThat(text.lines().filter(l -> l.startsWith("Fragment of"))).singleElement()
                .satisfies(l -> assertThat(l).endsWith("hello"));
    }

    @Test
    void anActivePluginWithoutCommandsSaysNoneWithoutQualification() {
        PluginDescriptor descriptor = new PluginDescriptor("quiet", "1.0.0", "Quiet", null, null, null, null, null,
                null, List.of(), List.of(), List.of(), "[1.0,2.0)", null);
        PluginInfo info = new PluginInfo(13, "quiet", "Quiet", "1.0.0", "ACTIVE", "OK", "q.jar", "plugin");
        String text = PluginFormatter.details(new PluginDetails(info, descriptor, "1.0.0", List.of(), List.of(),
                List.of(), new HealthReport("quiet", "OK", List.of(new HealthReport.Check("alive", "OK", " ")))));

        assertThat(text).contains("Commands:\n  (none)\n").contains("needs MilkBottle [1.0,2.0); this runtime is 1.0.0")
                .doesNotContain("Fragment of").endsWith("Health: OK\n  OK  alive\n");
    }

    @Test
    void noPluginsMeansNoHealthTable() {
        assertThat(PluginFormatter.healthAll(List.of())).isEqualTo("No plugins installed.\n");
    }
}
