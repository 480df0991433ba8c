package org.milkbottle.itests.hostile;

import java.beans.XMLDecoder;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** Starts a process described by data: an XMLDecoder document builds a ProcessBuilder and calls start. */
public class DecodesXmlBeans implements BundleActivator {
    @Override
    public void start(BundleContext context) throws Exception {
        Marks.left(context.getBundle().getSymbolicName());
        String beans = "<java><object class=\"java.lang.ProcessBuilder\"><array class=\"java.lang.String\" length=\"1\">"
                + "<void index=\"0\"><string>true</string></void></array><void method=\"start\"/></object></java>";
        try (XMLDecoder decoder = new XMLDecoder(new ByteArrayInputStream(beans.getBytes(StandardCharsets.UTF_8)))) {
            decoder.readObject();
        }
    }

    @Override
    public void stop(BundleContext context) {
    }
}
