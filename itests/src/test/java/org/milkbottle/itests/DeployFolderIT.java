package org.milkbottle.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.milkbottle.api.Transaction;
import org.ops4j.pax.exam.junit.PaxExam;
import org.osgi.framework.Bundle;

/** The deploy folder: drop to install, replace to update, delete to uninstall, never half a file. */
@RunWith(PaxExam.class)
public class DeployFolderIT extends MilkBottleTestSupport {

    private static final String HELLO = "org.milkbottle.example.hello";
    private Path folder;

    @Before
    public void watchAFolderOfOurOwn() throws Exception {
        folder = watchedDeployFolder();
    }

    @Test
    public void droppedReplacedAndDeletedJarsAreInstalledUpdatedAndUninstalled() throws Exception {
        Path dropped = folder.resolve("hello.jar");
        Files.copy(helloJar(), dropped);
        await("hello installed and active", () -> bundle(HELLO).map(b -> b.getState() == Bundle.ACTIVE).orElse(false)
                && manager.history().size() == 1);
        assertEquals(dropped.toString(), manager.list(false).get(0).source());
        assertEquals("deploy", manager.history().get(0).origin());

        Path v2 = TestBundles.withVersion(helloJar(), "1.5.0", work("v2").resolve("hello.jar"));
        Path temp = folder.resolve(".hello.jar.tmp");
        Files.copy(v2, temp);
        Files.move(temp, dropped, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        await("hello updated to 1.5.0", () -> bundle(HELLO).map(b -> b.getVersion().toString().equals("1.5.0")
                && b.getState() == Bundle.ACTIVE).orElse(false) && manager.history().size() == 2);
        assertEquals("update", manager.history().get(manager.history().size() - 1).action());

        Files.delete(dropped);
        await("hello uninstalled", () -> bundle(HELLO).isEmpty() && manager.history().size() == 3);
        assertEquals("uninstall", manager.history().get(manager.history().size() - 1).action());
    }

    @Test
    public void theDeployFolderOwnsWhatItInstalledAndLeavesTheRestAlone() throws Exception {
        // installed from the shell (the README's tour): a copy dropped in is refused, visibly, not taken silently
        shell("mb:install " + helloJar());
        Path dropped = folder.resolve("hello.jar");
        Files.copy(helloJar(), dropped);
        await("the drop is refused", () -> manager.history().stream().anyMatch(t -> t.message() != null
                && t.message().contains("the deploy folder only manages plugins it installed itself")));
        assertEquals(1, awaitDeployIdle(folder, 1));
        assertEquals(helloJar().toAbsolutePath().normalize().toString(), manager.list(false).get(0).source());

        // handed over: uninstall, and the folder takes it (a change in the folder, as a user would make)
        shell("mb:uninstall hello");
        Files.move(dropped, folder.resolve(".hello.jar.tmp"));
        Files.move(folder.resolve(".hello.jar.tmp"), dropped);
        await("the folder installed it", () -> manager.list(false).stream().anyMatch(p -> p.source().equals(
                dropped.toString())));

        // now only the folder removes it: an uninstall from the shell would come back at the next start
        try {
            shell("mb:uninstall hello");
            throw new AssertionError("mb:uninstall of a plugin the deploy folder owns should be refused");
        } catch (AssertionError e) {
            throw e;
        } catch (Exception e) {
            assertTrue(e.getMessage(), e.getMessage().contains("delete (or move away) that file to uninstall it"));
        }
        assertTrue(bundle(HELLO).isPresent());
        Files.delete(dropped);
        await("hello uninstalled with its file", () -> bundle(HELLO).isEmpty());
    }

    @Test
    public void aHalfCopiedJarIsNotInstalledUntilItIsComplete() throws Exception {
        byte[] jar = Files.readAllBytes(helloJar());
        Path target = folder.resolve("hello.jar");
        try (OutputStream out = Files.newOutputStream(target)) {
            out.write(jar, 0, jar.length / 3);
            out.flush();
            Thread.sleep(700); // a slow copy: long past the quiet period
            assertFalse("a partial jar must not be installed", bundle(HELLO).isPresent());
            assertTrue(manager.history().isEmpty());
            out.write(jar, jar.length / 3, jar.length - jar.length / 3);
        }
        await("hello installed once complete", () -> bundle(HELLO).map(b -> b.getState() == Bundle.ACTIVE)
                .orElse(false) && manager.history().size() == 1);
        assertEquals(Transaction.Status.COMMITTED, manager.history().get(0).status());
    }

    @Test
    public void aBrokenJarIsReportedOnceAndLeavesNothingBehind() throws Exception {
        Path broken = folder.resolve("broken.jar");
        Files.writeString(broken, "not a jar at all");
        await("the failure is recorded", () -> !manager.history().isEmpty());
        Transaction failed = manager.history().get(0);
        assertEquals(Transaction.Status.FAILED, failed.status());
        assertTrue(failed.message(), failed.message().contains("is not a valid jar file"));
        assertEquals("handed over once, not retried in a loop", 1, awaitDeployIdle(folder, 1));
        assertEquals(1, manager.history().size());
        assertTrue(manager.list(false).isEmpty());
        assertTrue(Arrays.stream(context.getBundles()).noneMatch(b -> b.getLocation().contains("broken")));
    }
}
