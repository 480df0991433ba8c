package org.milkbottle.core.internal.install;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.milkbottle.api.BundleSnapshot;
import org.milkbottle.api.PlannedChange;
import org.milkbottle.api.PlannedChange.Action;

class InstallPlannerTest {

    private static BundleSnapshot snap(String name, String version, String sha) {
        return new BundleSnapshot(name, version, sha, true, name + ".jar", "shell");
    }

    @Test
    void diffNamesEveryChangeBetweenTwoStates() {
        List<PlannedChange> changes = InstallPlanner.diff(
                List.of(snap("a", "1.0.0", "1"), snap("b", "1.0.0", "2"), snap("c", "1.0.0", "3")),
                List.of(snap("a", "1.0.0", "1"), snap("b", "2.0.0", "4"), snap("d", "1.0.0", "5")));
        assertThat(changes).extracting(PlannedChange::symbolicName, PlannedChange::action).containsExactly(
                org.assertj.core.groups.Tuple.tuple("a", Action.UNCHANGED),
                org.assertj.core.groups.Tuple.tuple("b", Action.UPDATE),
                org.assertj.core.groups.Tuple.tuple("d", Action.INSTALL),
                org.assertj.core.groups.Tuple.tuple("c", Action.UNINSTALL));
        assertThat(changes.get(1).fromVersion()).isEqualTo("1.0.0");
        assertThat(changes.get(1).toVersion()).isEqualTo("2.0.0");
    }

    @Test
    void sameVersionWithOtherContentIsAnUpdate() {
        assertThat(InstallPlanner.diff(List.of(snap("a", "1.0.0", "1")), List.of(snap("a", "1.0.0", "9"))))
                .extracting(PlannedChange::action).containsExactly(Action.UPDATE);
    }
}
