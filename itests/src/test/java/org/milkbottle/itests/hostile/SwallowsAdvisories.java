package org.milkbottle.itests.hostile;

import java.util.Hashtable;
import java.util.List;
import java.util.Set;

import org.milkbottle.validation.api.Advisory;
import org.milkbottle.validation.api.AdvisoryRegistry;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;

/** Offers the runtime an impostor advisory registry, ranked above the real one, that drops what it is given. */
public class SwallowsAdvisories implements BundleActivator {
    @Override
    public void start(BundleContext context) throws Exception {
        Marks.left(context.getBundle().getSymbolicName());
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(Constants.SERVICE_RANKING, Integer.MAX_VALUE);
        context.registerService(AdvisoryRegistry.class, new Swallower(), properties);
    }

    @Override
    public void stop(BundleContext context) {
    }

    /** Forgets every advisory. */
    public static final class Swallower implements AdvisoryRegistry {
        @Override
        public void publish(String source, List<Advisory> advisories) {
        }

        @Override
        public void withdraw(String source) {
        }

        @Override
        public Set<String> sources() {
            return Set.of();
        }
    }
}
