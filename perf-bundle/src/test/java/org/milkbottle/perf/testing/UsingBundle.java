package org.milkbottle.perf.testing;

import java.lang.reflect.Proxy;

import org.osgi.framework.Bundle;
import org.osgi.service.component.ComponentContext;

/**
 * A component context whose using bundle has an id and a name, and nothing else: enough for the bundle-scoped
 * shells (cache manager, task executor). Any other call fails loudly, so a shell that starts to need more shows it.
 */
public final class UsingBundle {

    private UsingBundle() {
    }

    public static ComponentContext context(long bundleId, String symbolicName) {
        Bundle bundle = (Bundle) Proxy.newProxyInstance(UsingBundle.class.getClassLoader(),
                new Class<?>[] {Bundle.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getBundleId" -> bundleId;
                    case "getSymbolicName" -> symbolicName;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (ComponentContext) Proxy.newProxyInstance(UsingBundle.class.getClassLoader(),
                new Class<?>[] {ComponentContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getUsingBundle")) {
                        return bundle;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
