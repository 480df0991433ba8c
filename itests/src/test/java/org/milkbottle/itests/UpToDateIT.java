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
}
