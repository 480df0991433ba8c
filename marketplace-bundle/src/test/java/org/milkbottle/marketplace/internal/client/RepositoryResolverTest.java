package org.milkbottle.marketplace.internal.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.milkbottle.api.PluginException;
import org.osgi.framework.Version;
import org.osgi.resource.Capability;
import org.osgi.resource.Requirement;
import org.osgi.resource.Resource;

class RepositoryResolverTest {

    /** A repository resource with an identity and, optionally, a runtime requirement. */
    record Stub(String name, String version, String runtimeFilter) implements Resource {
        @Override
        public List<Capability> getCapabilities(String namespace) {
            if (namespace != null && !namespace.equals("osgi.identity")) {
                return List.of();
            }
            Resource self = this;
            return List.of(new Capability() {
                public String getNamespace() {
                    return "osgi.identity";
                }

                public Map<String, String> getDirectives() {
                    return Map.of();
                }

                public Map<String, Object> getAttributes() {
                    return Map.of("osgi.identity", name, "version", Version.parseVersion(version));
                }

                public Resource getResource() {
                    return self;
                }
            });
        }

        @Override
        public List<Requirement> getRequirements(String namespace) {
            if (runtimeFilter == null || (namespace != null && !namespace.equals("milkbottle.runtime"))) {
                return List.of();
            }
            Resource self = this;
            return List.of(new Requirement() {
                public String getNamespace() {
                    return "milkbottle.runtime";
                }

                public Map<String, String> getDirectives() {
                    return Map.of("filter", runtimeFilter);
                }

                public Map<String, Object> getAttributes() {
                    return Map.of();
                }

                public Resource getResource() {
                    return self;
                }
            });
        }
    }

    private final List<Resource> available = List.of(new Stub("org.acme.pdf", "1.0.0", null),
            new Stub("org.acme.pdf", "2.1.0", null), new Stub("org.acme.pdf", "3.0.0", null),
            new Stub("org.other.pdf", "1.0.0", null), new Stub("org.acme.chart", "1.0.0", null));

    @Test
    void theNewestVersionInRangeOfTheExactOrUniqueShortNameIsPicked() {
        assertThat(Resources.version(RepositoryResolver.pick("org.acme.pdf", available))).isEqualTo(new Version(3, 0, 0));
        assertThat(Resources.version(RepositoryResolver.pick("org.acme.pdf@[2.0,3.0)", available)))
                .isEqualTo(new Version(2, 1, 0));
        assertThat(Resources.identity(RepositoryResolver.pick("chart", available))).isEqualTo("org.acme.chart");
    }

    @Test
    void unknownAmbiguousOrOutOfRangeNamesAreExplained() {
        assertThatThrownBy(() -> RepositoryResolver.pick("pdf", available)).isInstanceOf(PluginException.class)
                .hasMessageContaining("could mean org.acme.pdf, org.other.pdf");
        assertThatThrownBy(() -> RepositoryResolver.pick("nothing", available))
                .hasMessageContaining("No repository has a plugin named 'nothing'");
        assertThatThrownBy(() -> RepositoryResolver.pick("org.acme.pdf@[4,5)", available))
                .hasMessageContaining("within [4.0.0,5.0.0)");
        assertThatThrownBy(() -> RepositoryResolver.pick("org.acme.pdf@[x", available))
                .hasMessageContaining("is not a version range");
    }

    @Test
    void theRuntimeRequirementDecidesWhetherAnUpdateFits() {
        String oneX = "(&(milkbottle.runtime=milkbottle)(version>=1.0)(!(version>=2.0)))";
        assertThat(RepositoryResolver.fitsRuntime(new Stub("a", "1.0.0", oneX), new Version(1, 4, 0))).isTrue();
        assertThat(RepositoryResolver.fitsRuntime(new Stub("a", "1.0.0", oneX), new Version(2, 0, 0))).isFalse();
        assertThat(RepositoryResolver.fitsRuntime(new Stub("lib", "1.0.0", null), new Version(9, 0, 0))).isTrue();
    }

    @Test
    void requirementsInPlainWords() {
        assertThat(RequirementWords.describe("osgi.wiring.package",
                "(&(osgi.wiring.package=com.acme.util)(version>=1.2.0)(!(version>=2.0.0)))"))
                .isEqualTo("package com.acme.util 1.2.0 or later, before 2.0.0");
        assertThat(RequirementWords.describe("osgi.wiring.package", "(osgi.wiring.package=mkt.nowhere)"))
                .isEqualTo("package mkt.nowhere");
        assertThat(RequirementWords.describe("milkbottle.runtime",
                "(&(milkbottle.runtime=milkbottle)(version>=2.0))")).isEqualTo("MilkBottle runtime 2.0 or later");
    }
}
