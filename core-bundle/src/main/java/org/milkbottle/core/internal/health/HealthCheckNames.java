package org.milkbottle.core.internal.health;

import org.apache.felix.hc.api.HealthCheck;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * The names of every registered health check. The Felix executor selects checks by name or by tag; selecting each by
 * its name is the way to run all of them, whatever tags a plugin gave its checks (or none).
 */
@Component(service = HealthCheckNames.class)
public class HealthCheckNames {

    private final BundleContext context;

    @Activate
    public HealthCheckNames(BundleContext context) {
        this.context = context;
    }

    /** The {@code hc.name} of each registered check that has one (the executor leaves out checks without). */
    public String[] all() {
        try {
            ServiceReference<?>[] checks = context.getServiceReferences(HealthCheck.class.getName(), null);
            if (checks == null) {
                return new String[0];
            }
            return java.util.Arrays.stream(checks).map(c -> c.getProperty(HealthCheck.NAME))
                    .filter(java.util.Objects::nonNull).map(Object::toString).distinct().toArray(String[]::new);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e); // no filter given
        }
    }
}
