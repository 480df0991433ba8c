package org.milkbottle.itests;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;

/**
 * {@code help} (the console resolves MilkBottle's scope first, so it is {@code mb:help}) lists every command —
 * also those with a dash in their name, which Gogo's own help cannot find — and {@code help COMMAND} shows
 * their arguments and flags.
 */
@RunWith(PaxExam.class)
public class HelpIT extends MilkBottleTestSupport {

    @Test
    public void everyCommandIsListedWithWhatItDoes() throws Exception {
        String help = shell("mb:help");
        assertTrue(help, help.contains("mb:install") && help.contains("mb:trust-add") && help.contains("mb:trust-allow"));
        assertTrue(help, help.lines().anyMatch(l -> l.contains("mb:trust-allow") && l.length() > "  mb:trust-allow".length() + 10));
        assertTrue(help, help.contains("Other commands:") && help.contains("lb"));
    }

    @Test
    public void aDashedCommandShowsItsArgumentsAndFlags() throws Exception {
        String usage = shell("mb:help trust-allow");
        assertFalse(usage, usage.contains("No methods found"));
        assertTrue(usage, usage.contains("mb:trust-allow") && usage.contains("--reason"));
        String install = shell("mb:help mb:install");
        assertTrue(install, install.contains("--simulate") && install.contains("ARG1"));
        assertTrue(shell("mb:help no-such-command").contains("There is no command 'no-such-command'"));
        assertTrue(shell("mb:help lb").toLowerCase().contains("lb"));
    }
}
