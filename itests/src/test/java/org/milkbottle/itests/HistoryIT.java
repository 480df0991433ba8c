package org.milkbottle.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.milkbottle.itests.InstallIT.expectError;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.milkbottle.api.InstallRequest;
import org.milkbottle.api.Transaction;
import org.ops4j.pax.exam.junit.PaxExam;
import org.osgi.framework.Bundle;

/** Every change is a transaction in the history, and rollback restores the exact earlier set. */
@RunWith(PaxExam.class)
public class HistoryIT extends MilkBottleTestSupport {

    private static final String HELLO = "org.milkbottle.example.hello";

    @Test
    public void rollbackAfterASuccessfulUpdateRestoresThePreviousVersion() throws Exception {
        manager.install(InstallRequest.of("test", helloJar().toString()));
        String original = bundle(HELLO).orElseThrow().getVersion().toString();
        Path v2 = TestBundles.withVersion(helloJar(), "2.0.0", work("v2").resolve("hello-2.jar"));

        String updated = shell("mb:update --replace hello " + v2);
        assertTrue(updated, updated.contains("update " + HELLO + " " + original + " -> 2.0.0"));
        assertEquals("2.0.0", bundle(HELLO).orElseThrow().getVersion().toString());

        String history = shell("mb:history");
        assertTrue(history, history.contains("install") && history.contains("update") && history.contains("COMMITTED"));

        String rolledBack = shell("mb:rollback");
        assertTrue(rolledBack, rolledBack.contains("update " + HELLO + " 2.0.0 -> " + original));
        Bundle hello = bundle(HELLO).orElseThrow();
        assertEquals(original, hello.getVersion().toString());
        assertEquals(Bundle.ACTIVE, hello.getState());
        assertEquals("Hello, Cy!", shell("hello:greet Cy").trim());
        // the content put back was judged again, by the provenance it came in with, and recorded as a restore
        String audit = shell("mb:audit 1");
        assertTrue(audit, audit.contains("APPROVED  restore  " + HELLO + " " + original) && !audit.contains("null"));

        List<Transaction> all = manager.history();
        assertEquals(List.of("install", "update", "rollback"), all.stream().map(Transaction::action).toList());
    }

    @Test
    public void rollbackToAnEarlierTransactionRemovesEverythingAfterIt() throws Exception {
        manager.install(InstallRequest.of("test", helloJar().toString()));
        manager.install(InstallRequest.of("test", "mvn:org.apache.commons/commons-lang3/3.14.0"));
        long second = manager.history().get(1).id();
        manager.uninstall("hello", "test");
        assertFalse(bundle(HELLO).isPresent());

        manager.rollback(Optional.of(second));
        assertEquals(Bundle.ACTIVE, bundle(HELLO).orElseThrow().getState());
        assertFalse("commons-lang3 came with #" + second, bundle("org.apache.commons.lang3").isPresent());
    }

    @Test
    public void uninstallIsRecordedAndCanBeRolledBack() throws Exception {
        manager.install(InstallRequest.of("test", helloJar().toString()));
        shell("mb:config hello greeting Howdy");
        shell("mb:uninstall hello");
        assertFalse(bundle(HELLO).isPresent());
        shell("mb:rollback");
        assertEquals(Bundle.ACTIVE, bundle(HELLO).orElseThrow().getState());
        // configuration outlives the bundle; ConfigurationAdmin hands it to the new component asynchronously
        awaitShell("hello:greet Di", "Howdy, Di!");
    }

    @Test
    public void nothingToRollBackIsSaidPlainly() throws Exception {
        assertTrue(expectError(() -> shell("mb:rollback")).contains("Nothing to roll back"));
        assertTrue(shell("mb:history").contains("No transactions yet"));
    }
}
