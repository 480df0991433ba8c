package org.milkbottle.validation.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which of the runtime's packages a plugin may be wired to: whole names or prefixes, never a look-alike. */
class SharedPackagesTest {

    @Test
    void theSpecificationsTheApiAndTheSharedLibrariesAreShared() {
        assertThat(SharedPackages.isShared("org.osgi.framework")).isTrue();
        assertThat(SharedPackages.isShared("org.osgi.service.component.annotations")).isTrue();
        assertThat(SharedPackages.isShared("org.milkbottle.perf.api")).isTrue();
        assertThat(SharedPackages.isShared("org.milkbottle.api")).isFalse();
        assertThat(SharedPackages.isShared("org.milkbottle.marketplace.api")).isFalse();
        assertThat(SharedPackages.isShared("org.milkbottle.repository.api")).isFalse();
        assertThat(SharedPackages.isShared("org.apache.felix.service.command")).isTrue();
        assertThat(SharedPackages.isShared("org.apache.felix.service.command.annotations")).isTrue();
        assertThat(SharedPackages.isShared("org.apache.felix.hc.api.execution")).isTrue();
        assertThat(SharedPackages.isShared("org.slf4j")).isTrue();
    }

    @Test
    void theLibrariesTheRuntimeKeepsForItselfAndLookAlikesAreNot() {
        assertThat(SharedPackages.isShared("org.h2.jdbcx")).isFalse();
        assertThat(SharedPackages.isShared("com.fasterxml.jackson.databind")).isFalse();
        assertThat(SharedPackages.isShared("org.apache.felix.gogo.command")).isFalse();
        assertThat(SharedPackages.isShared("org.apache.felix.gogo.runtime")).isFalse();
        assertThat(SharedPackages.isShared("org.jline.utils")).isFalse();
        assertThat(SharedPackages.isShared("aQute.bnd.osgi")).isFalse();
        assertThat(SharedPackages.isShared("org.eclipse.jetty.server")).isFalse();
        assertThat(SharedPackages.isShared("org.apache.felix.service.commandx")).isFalse();
        assertThat(SharedPackages.isShared("org.slf4jx")).isFalse();
        assertThat(SharedPackages.isShared("org.osgix.framework")).isFalse();
    }
}
