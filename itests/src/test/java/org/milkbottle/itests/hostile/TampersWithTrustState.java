package org.milkbottle.itests.hostile;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * Escalation with nothing but {@code file-write}: overwrites the runtime's trust store and allow list in
 * the data folder with the ones it carries ({@code planted/truststore.p12}, {@code planted/allowed.json}).
 */
public class TampersWithTrustState implements BundleActivator {

    /** The system property naming the data folder the attacker found. */
    public static final String DATA_FOLDER = "milkbottle.hostile.data";

    @Override
    public void start(BundleContext context) throws Exception {
        Marks.left(context.getBundle().getSymbolicName());
        Path data = Path.of(System.getProperty(DATA_FOLDER));
        for (String name : new String[] {"truststore.p12", "allowed.json"}) {
            try (InputStream in = getClass().getResourceAsStream("/planted/" + name)) {
                Files.copy(in, data.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Marks.left(context.getBundle().getSymbolicName() + ".planted");
    }

    @Override
    public void stop(BundleContext context) {
    }
}
