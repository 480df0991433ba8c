package org.milkbottle.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.milkbottle.api.InstallRequest;
import org.milkbottle.api.PluginManager;
import org.milkbottle.api.Transaction;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.osgi.framework.Bundle;

/**
 * A transaction cut short (the JVM killed mid-install) is rolled back at the next start. Here the
 * interruption is staged: a bundle installed behind the manager's back and a journal left in flight,
 * then the core bundle restarts. LauncherIT kills a real process.
 */
@RunWith(PaxExam.class)
public class RecoveryIT extends MilkBottleTestSupport {

    @Override
    @Configuration
    public Option[] configuration() throws IOException {
        return configurationWithOwnDataFolder("recovery-");
    }

    @Test
    public void anInterruptedTransactionIsRolledBackAtTheNextStart() throws Exception {
        manager.install(InstallRequest.of("test", helloJar().toString()));
        Path data = Path.of(context.getProperty("milkbottle.data"));
        String state = Files.readString(data.resolve("state.json"));

        // what a crash in the middle of "mb:install half.jar" leaves: the bundle in the framework,
        // the journal with the state before
        Path half = TestBundles.plugin("half.installed", "1.0.0").writeTo(work("half"), "half.jar");
        try (InputStream in = Files.newInputStream(half)) {
            context.installBundle("milkbottle:half.installed", in).start();
        }
        Files.writeString(data.resolve("inflight.json"), "{\"id\":2,\"action\":\"install\",\"subject\":\"" + half
                + "\",\"origin\":\"shell\",\"before\":" + state + "}");

        Bundle core = bundle("org.milkbottle.core").orElseThrow();
        core.stop();
        core.start();
        await("recovered", () -> !Files.exists(data.resolve("inflight.json")));
        await("half-installed bundle removed", () -> bundle("half.installed").isEmpty());
        // the injected service belonged to the stopped core; use the new one
        PluginManager manager = context.getService(context.getServiceReference(PluginManager.class));

        assertEquals(Bundle.ACTIVE, bundle("org.milkbottle.example.hello").orElseThrow().getState());
        Transaction last = manager.history().get(manager.history().size() - 1);
        assertEquals(2, last.id());
        assertEquals(Transaction.Status.INTERRUPTED, last.status());
        assertTrue(last.message(), last.message().contains("rolled back"));
        assertFalse(manager.list(true).stream().anyMatch(p -> p.symbolicName().equals("half.installed")));
    }
}
