package org.milkbottle.itests.hostile;

import java.util.Map;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Uses the runtime's Jackson as a reflection engine: it builds an object of a class named in data and calls its
 * setters (the trial reached bnd's Analyzer, whose macro ran a process). Jackson is not shared with plugins.
 */
public class BindsJacksonToBnd implements BundleActivator {
    @Override
    public void start(BundleContext context) throws Exception {
        Marks.left(context.getBundle().getSymbolicName());
        new ObjectMapper().convertValue(Map.of("name", "x"), Object.class);
    }

    @Override
    public void stop(BundleContext context) {
    }
}
