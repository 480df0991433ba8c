package org.milkbottle.itests;

import static org.junit.Assert.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.milkbottle.itests.fixtures.ExitingActivator;
import org.milkbottle.itests.fixtures.Markers;
import org.ops4j.pax.exam.junit.PaxExam;
import org.osgi.framework.Bundle;

/**
 * The console line of a veto says where the install came from: which bundle's code installed it through
 * the framework API, and from which location — not only the bundle and the reasons.
 */
@RunWith(PaxExam.class)
public class VetoOriginIT extends MilkBottleTestSupport {

    @Test
    public void theVetoLineNamesTheBundleThatInstalledItAndTheLocation() throws Exception {
        Path jar = TestBundles.plugin("raw.origin", "1.0.0").activator(ExitingActivator.class).addClass(Markers.class)
                .header("MilkBottle-Permissions", "file-write").writeTo(work("origin"), "origin.jar");
        Logger vetoLog = Logger.getLogger("org.milkbottle.validation.internal.VetoGuard");
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        vetoLog.addHandler(capture);
        try {
            Bundle hostile;
            try (InputStream in = Files.newInputStream(jar)) {
                hostile = context.installBundle("file:" + jar, in);
            }
            await("vetoed bundle uninstalled", () -> hostile.getState() == Bundle.UNINSTALLED);
            Bundle probe = context.getBundle();
            String veto = lines.stream().filter(l -> l.startsWith("Vetoed raw.origin")).findFirst()
                    .orElseThrow(() -> new AssertionError("no veto line among " + lines));
            assertTrue(veto, veto.contains("installed through the framework API by bundle "
                    + probe.getSymbolicName() + " " + probe.getVersion() + " (id " + probe.getBundleId() + ")"));
            assertTrue(veto, veto.contains("from file:" + jar));
            assertTrue(veto, veto.contains("trust.permission-not-allowed") && veto.contains("(it is uninstalled)"));
        } finally {
            vetoLog.removeHandler(capture);
        }
    }
}
