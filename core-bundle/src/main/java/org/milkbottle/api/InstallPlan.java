package org.milkbottle.api;

import java.util.List;

/**
 * What an install request would do, computed without changing anything.
 *
 * @param changes the bundles to add, update or leave alone
 * @param problems requirements that nothing installed or requested provides, in plain words; a plan
 *     with problems would be refused
 */
public record InstallPlan(List<PlannedChange> changes, List<String> problems) {

    public InstallPlan {
        changes = List.copyOf(changes);
        problems = List.copyOf(problems);
    }

    /** Whether the plan would go through. */
    public boolean feasible() {
        return problems.isEmpty();
    }
}
