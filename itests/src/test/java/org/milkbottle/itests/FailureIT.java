package org.milkbottle.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.milkbottle.itests.InstallIT.expectError;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.milkbottle.api.InstallRequest;
import org.milkbottle.api.Transaction;
import org.milkbottle.itests.fixtures.GreetingService;
import org.milkbottle.itests.fixtures.HangingActivator;
import org.milkbottle.itests.fixtures.ThrowingActivator;
import org.milkbottle.itests.fixtures.ThrowingComponent;
import org.ops4j.pax.exam.junit.PaxExam;
import org.osgi.framework.Bundle;

/**
 * Bad input: each install must be refused with a message that says what is wrong and what to do, and
 * must leave the framework exactly as it was.
 */
@RunWith(PaxExam.class)
public class FailureIT extends MilkBottleTestSupport {

    private long[] bundleIds() {
        return Arrays.stream(context.getBundles()).mapToLong(Bundle::getBundleId).sorted().toArray();
    }

    private String refused(Path... jars) {
        long[] before = bundleIds();
        String error = expectError(() -> manager.install(new InstallRequest(
                Arrays.stream(jars).map(Path::toString).toList(), false, true, "test")));
        assertTrue("bundles changed after a refused install", Arrays.equals(before, bundleIds()));
        return error;
    }

    @Test
    public void incompatibleRuntimeRangeIsRefusedInPlainWords() throws Exception {
        Path jar = TestBundles.plugin("future.plugin", "3.1.0").runtimeRange("2.0", "3.0")
                .writeTo(work("future"), "future.jar");
        String error = refused(jar);
        assertTrue(error, error.contains("future.plugin 3.1.0 needs MilkBottle runtime [2.0,3.0)"));
        assertTrue(error, error.contains("this runtime is 1.0.0"));
        assertTrue(error, error.contains("upgrade") || error.contains("run a MilkBottle version within"));
        Transaction last = manager.history().get(manager.history().size() - 1);
        assertEquals(Transaction.Status.FAILED, last.status());

        String shell = expectError(() -> shell("mb:install " + jar));
        assertTrue(shell, shell.contains("needs MilkBottle runtime [2.0,3.0)"));
    }

    @Test
    public void missingDependencyIsExplained() throws Exception {
        Path jar = TestBundles.plugin("needy.plugin", "1.0.0").importPackage("com.acme.missing;version=\"[1.2,2)\"")
                .writeTo(work("needy"), "needy.jar");
        String error = refused(jar);
        assertTrue(error, error.contains("needy.plugin 1.0.0 needs package com.acme.missing version [1.2.0,2.0.0)"));
        assertTrue(error, error.contains("which no installed bundle exports"));

        Path wrongVersion = TestBundles.plugin("picky.plugin", "1.0.0")
                .importPackage("org.osgi.framework;version=\"[9.0,10)\"").writeTo(work("picky"), "picky.jar");
        String versionError = refused(wrongVersion);
        assertTrue(versionError, versionError.contains("export it only as"));
    }

    @Test
    public void aDependencyInTheSameRequestSatisfiesThePlugin() throws Exception {
        Path api = TestBundles.library("greeting.api", "1.0.0").addClass(GreetingService.class)
                .exportPackage("org.milkbottle.itests.fixtures;version=1.0.0").writeTo(work("api"), "api.jar");
        Path user = TestBundles.plugin("greeting.user", "1.0.0")
                .importPackage("org.milkbottle.itests.fixtures;version=\"[1.0,2)\"").writeTo(work("user"), "user.jar");
        String alone = refused(user);
        assertTrue(alone, alone.contains("needs package org.milkbottle.itests.fixtures"));

        manager.install(new InstallRequest(List.of(user.toString(), api.toString()), false, true, "test"));
        assertEquals(Bundle.ACTIVE, bundle("greeting.user").orElseThrow().getState());
        assertEquals(Bundle.ACTIVE, bundle("greeting.api").orElseThrow().getState());
        String error = expectError(() -> manager.uninstall("greeting.api", "test"));
        assertTrue(error, error.contains("is used by greeting.user"));
    }

    @Test
    public void throwingActivatorUndoesTheWholeRequest() throws Exception {
        Path good = helloJar();
        Path bad = TestBundles.plugin("bad.activator", "1.0.0").activator(ThrowingActivator.class)
                .writeTo(work("bad"), "bad.jar");
        String error = refused(good, bad);
        assertTrue(error, error.contains("bad.activator 1.0.0 failed to start"));
        assertTrue(error, error.contains("boom from ThrowingActivator"));
        assertFalse("the good bundle of the request must be gone too", bundle("org.milkbottle.example.hello").isPresent());
        assertTrue(manager.list(true).stream().noneMatch(p -> p.symbolicName().equals("bad.activator")));
    }

    @Test
    public void hangingActivatorIsInterruptedAndRemoved() throws Exception {
        startTimeoutSeconds(1.5);
        Path jar = TestBundles.plugin("slow.activator", "1.0.0").activator(HangingActivator.class)
                .writeTo(work("slow"), "slow.jar");
        long started = System.nanoTime();
        String error = refused(jar);
        assertTrue(error, error.contains("slow.activator 1.0.0 did not finish starting within 1 s"));
        assertTrue("gave up in time", System.nanoTime() - started < 20_000_000_000L);
        assertFalse(bundle("slow.activator").isPresent());
    }

    @Test
    public void failingActivateMethodOfAComponentIsRefused() throws Exception {
        Path jar = TestBundles.plugin("bad.component", "1.0.0").immediateComponent(ThrowingComponent.class)
                .writeTo(work("component"), "component.jar");
        String error = refused(jar);
        assertTrue(error, error.contains("bad.component 1.0.0 failed to start"));
        assertTrue(error, error.contains("boom from ThrowingComponent.activate"));
    }

    @Test
    public void corruptJarIsRefused() throws Exception {
        Path dir = work("corrupt");
        byte[] hello = Files.readAllBytes(helloJar());
        Path truncated = Files.write(dir.resolve("truncated.jar"), Arrays.copyOf(hello, hello.length / 2));
        String error = refused(truncated);
        assertTrue(error, error.contains("is not a valid jar file"));
        Path text = Files.writeString(dir.resolve("notes.jar"), "this is not a zip file");
        assertTrue(refused(text).contains("is not a valid jar file"));
        assertTrue(refused(dir.resolve("absent.jar")).contains("File not found"));
    }

    @Test
    public void jarThatIsNotABundleIsRefused() throws Exception {
        Path dir = work("plain");
        Path noHeaders = Files.write(dir.resolve("plain.jar"), new TestBundles.Plain().bytes());
        String error = refused(noHeaders);
        assertTrue(error, error.contains("not an OSGi bundle"));
        assertTrue(error, error.contains("Wrap it as a bundle"));
    }

    @Test
    public void failedUpdateKeepsThePreviousVersionRunning() throws Exception {
        manager.install(InstallRequest.of("test", helloJar().toString()));
        Bundle hello = bundle("org.milkbottle.example.hello").orElseThrow();
        String version = hello.getVersion().toString();
        Path broken = TestBundles.plugin("org.milkbottle.example.hello", "9.0.0").activator(ThrowingActivator.class)
                .writeTo(work("broken"), "hello-broken.jar");
        String error = expectError(() -> shell("mb:update --replace hello " + broken));
        assertTrue(error, error.contains("failed to start"));
        assertEquals(version, hello.getVersion().toString());
        assertEquals(Bundle.ACTIVE, hello.getState());
        assertEquals("Hello, Bo!", shell("hello:greet Bo").trim());
    }

    @Test
    public void pluginCannotTakeTheNameOfARuntimeBundle() throws Exception {
        Path jar = TestBundles.plugin("org.milkbottle.core", "9.9.9").writeTo(work("impostor"), "impostor.jar");
        String error = refused(jar);
        assertTrue(error, error.contains("symbolic name org.milkbottle.core of a MilkBottle runtime bundle"));
    }

    @Test
    public void shellArgumentMistakesAreExplained() throws Exception {
        assertTrue(expectError(() -> shell("mb:install")).contains("needs at least one"));
        assertTrue(expectError(() -> shell("mb:install ftp://example.org/x.jar")).contains("scheme"));
        assertTrue(expectError(() -> shell("mb:rollback 999")).contains("no transaction 999"));
    }
}
