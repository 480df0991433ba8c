package org.milkbottle.perf.internal.task;

import java.lang.reflect.Proxy;

import org.osgi.framework.Bundle;
import org.osgi.service.component.ComponentContext;

/** A component context whose using bundle has an id and a name, and nothing else: enough for the bundle-scoped shell. */
final class UsingBundle {

    private UsingBundle() {
    }

    static ComponentContext context(long bundleId, String symbolicName) {
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
