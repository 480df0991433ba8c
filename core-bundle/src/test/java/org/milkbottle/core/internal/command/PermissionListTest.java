package org.milkbottle.core.internal.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@code mb:install --allow-permissions}: the names it accepts, and the two refusals users can meet. */
class PermissionListTest {

    @Test
    void nothingGivenAllowsNothing() {
        assertThat(PermissionList.parse(null)).isEmpty();
        assertThat(PermissionList.parse("  ")).isEmpty();
    }

    @Test
    void namesAreSplitOnCommasAndSpacesAndRepeatsDropped() {
        assertThat(PermissionList.parse(" network, file-write  network,,reflection "))
                .containsExactly("network", "file-write", "reflection");
    }

    @Test
    void frameworkCanNeverBeAllowedFromTheShell() {
        assertThatThrownBy(() -> PermissionList.parse("network,framework"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'framework' cannot be allowed with --allow-permissions: only a bundle signed by a "
                        + "publisher in the trust store may hold it (mb:trust-add CERTFILE).");
    }

    @Test
    void anUnknownNameIsRefusedListingTheNamesThatCanBeAllowed() {
        assertThatThrownBy(() -> PermissionList.parse("network, netwrk"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'netwrk' is not a permission. Use any of: process, network, file-write, reflection, "
                        + "class-definition, native.");
    }
}
