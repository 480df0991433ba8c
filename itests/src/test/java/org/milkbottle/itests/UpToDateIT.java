package org.milkbottle.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.milkbottle.api.InstallRequest;
import org.ops4j.pax.exam.junit.PaxExam;

/** {@code mb:update} with nothing newer says so and records nothing: no transaction id, nothing to roll back. */
@RunWith(PaxExam.class)
public class UpToDateIT extends MilkBottleTestSupport {

    private static final String HELLO = "org.milkbottle.example.hello";

    @Test
    public void anUpdateThatFindsNothingNewerSaysSoAndRecordsNothing() throws Exception {
        manager.install(InstallRequest.of("test", helloJar().toString()));
        String version = bundle(HELLO).orElseThrow().getVersion().toString();
        int transactions = manager.history().size();

        String out = shell("mb:update hello");

        assertTrue(out, out.contains(HELLO + " is already up to date (" + version + ")"));
        assertFalse(out, out.contains("Updated") || out.contains("Transaction #"));
        assertEquals("no transaction recorded: " + manager.history(), transactions, manager.history().size());
    }

    @Test
    public void installingTheSameContentAgainSaysSoAndRecordsNothingButStartsAStoppedPlugin() throws Exception {
        manager.install(InstallRequest.of("test", helloJar().toString()));
        String version = bundle(HELLO).orElseThrow().getVersion().toString();
        int transactions = manager.history().size();

        String again = shell("mb:install " + helloJar());
        assertTrue(again, again.contains(HELLO + " " + version + " is already installed with this content"));
        assertFalse(again, again.contains("Installed") || again.contains("Transaction #"));
        assertEquals("no transaction recorded: " + manager.history(), transactions, manager.history().size());

        // a stopped plugin installed again is started: that is a change, and a transaction
        shell("mb:stop hello");
        String restarted = shell("mb:install " + helloJar());
        assertTrue(restarted, restarted.contains("ACTIVE") && restarted.contains("Transaction #"));
        assertEquals(org.osgi.framework.Bundle.ACTIVE, bundle(HELLO).orElseThrow().getState());
    }
}
