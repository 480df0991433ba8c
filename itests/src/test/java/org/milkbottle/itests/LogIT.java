package org.milkbottle.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.milkbottle.api.InstallRequest;
import org.milkbottle.itests.fixtures.ChattyService;
import org.ops4j.pax.exam.junit.PaxExam;

/**
 * The runtime's log: what plugins and the runtime log (through System.Logger or the OSGi Log Service) lands in
 * data/log with the bundle that logged it, and mb:log shows the runtime's or one plugin's entries.
 */
@RunWith(PaxExam.class)
public class LogIT extends MilkBottleTestSupport {

    private static final String CHATTY = "org.acme.chatty";

    @Test
    public void mbLogShowsOnePluginsEntriesAndTheFileHasThemAll() throws Exception {
        Path jar = TestBundles.plugin(CHATTY, "1.0.0")
                .serviceComponent(ChattyService.class, "java.lang.Runnable", true, Map.of())
                .writeTo(work("log-chatty"), "chatty.jar");
        manager.install(InstallRequest.of("test", jar.toString()));
        try {
            String mine = shell("mb:log " + CHATTY);
            // through System.Logger, attributed by the code on the stack, and the OSGi Log Service's bundle event
            assertTrue(mine, mine.contains("WARN  [" + CHATTY + "] chatty started and wants to be heard"));
            assertTrue(mine, mine.contains("[" + CHATTY + "] BundleEvent STARTED"));
            assertTrue(mine, mine.lines().allMatch(l -> l.isBlank() || l.contains("[" + CHATTY + "]")
                    || l.startsWith("\t") || l.startsWith("Caused by")));

            String all = shell("mb:log -n 500");
            assertTrue("other bundles' entries too", all.lines().anyMatch(l -> !l.contains("[" + CHATTY + "]")));
            String warnings = shell("mb:log --level WARN " + CHATTY);
            assertTrue(warnings, warnings.contains("chatty started") && !warnings.contains("BundleEvent STARTED"));
            assertEquals(1, shell("mb:log -n 1").lines().filter(l -> l.matches("^\\d{4}-.*")).count());

            // beside the data folder; here (no milkbottle.data) the core bundle's data area
            String data = context.getProperty("milkbottle.data");
            Path logFolder = data != null ? Path.of(data).toAbsolutePath().getParent().resolve("log")
                    : bundle("org.milkbottle.core").orElseThrow().getBundleContext().getDataFile("log").toPath();
            String file = Files.readString(logFolder.resolve("milkbottle.0.log"));
            assertTrue(file, file.contains("[" + CHATTY + "] chatty started and wants to be heard"));
        } finally {
            manager.uninstall(CHATTY, "test");
        }
    }

    @Test
    public void followPrintsNewEntriesUntilInterrupted() throws Exception {
        java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
        java.io.PrintStream out = new java.io.PrintStream(buffer, true, java.nio.charset.StandardCharsets.UTF_8);
        java.util.concurrent.atomic.AtomicReference<Object> ended = new java.util.concurrent.atomic.AtomicReference<>();
        Thread follower = new Thread(() -> {
            try (org.apache.felix.service.command.CommandSession session = processor.createSession(System.in, out,
                    out)) {
                ended.set(session.execute("mb:log --follow -n 0 --level WARN"));
                ended.compareAndSet(null, "returned");
            } catch (Exception e) {
                ended.set(e);
            }
        });
        follower.start();
        long deadline = System.currentTimeMillis() + 30_000;
        String text = "";
        while (!text.contains("followed line") && System.currentTimeMillis() < deadline) {
            System.getLogger("org.acme.follow").log(System.Logger.Level.WARNING, "followed line");
            Thread.sleep(200);
            text = buffer.toString(java.nio.charset.StandardCharsets.UTF_8);
        }
        follower.interrupt(); // Ctrl-C
        follower.join(10_000);
        assertFalse("the follower stopped", follower.isAlive());
        assertTrue(text, text.contains("WARN ") && text.contains("followed line"));
        assertTrue(String.valueOf(ended.get()), !(ended.get() instanceof Exception)
                || ended.get() instanceof InterruptedException);
    }

    @Test
    public void badArgumentsAreOneClearLine() throws Exception {
        String level = expectShellError("mb:log --level LOUD");
        assertTrue(level, level.contains("no log level 'LOUD'") && level.contains("ERROR, WARN, INFO, DEBUG and TRACE"));
        String unknown = expectShellError("mb:log org.acme.nothing.here");
        assertFalse(unknown, unknown.isBlank());
        String negative = expectShellError("mb:log -n -3");
        assertTrue(negative, negative.contains("must not be negative"));
        try (Stream<String> lines = shell("help mb:log").lines()) {
            assertTrue(lines.anyMatch(l -> l.contains("--follow")));
        }
    }
}
