package org.milkbottle.core.internal;

import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

/** Which other bundles are wired to a bundle, i.e. would break if it went away. */
final class Dependents {

    private Dependents() {
    }

    static List<String> of(Bundle bundle) {
        List<String> users = new ArrayList<>();
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        if (wiring == null) {
            return users;
        }
        for (BundleWire wire : wiring.getProvidedWires(null)) {
            Bundle user = wire.getRequirer().getBundle();
            String label = user.getSymbolicName() + " " + user.getVersion();
            if (user != bundle && user.getBundleId() != 0 && !users.contains(label)) {
                users.add(label);
            }
        }
        return users;
    }
}
