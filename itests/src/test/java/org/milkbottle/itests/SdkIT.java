package org.milkbottle.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.CoreOptions;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.milkbottle.validation.testing.Signing;
import org.ops4j.pax.exam.junit.PaxExam;
import org.osgi.framework.ServiceReference;

/**
 * The SDK as a plugin author uses it: {@code mb:create} a project from each template, build it with Maven (offline,
 * against the local repository this build filled), validate the jar with zero findings, install it ACTIVE, and use
 * what it offers (the command template's shell commands, the basic template's service). Bad requests are refused
 * with one clear line and nothing written.
 */
@RunWith(PaxExam.class)
public class SdkIT extends SdkTestSupport {

    @Configuration
    @Override
    public Option[] configuration() throws IOException {
        return OptionUtils.combine(baseOptions(), CoreOptions.bundle("file:" + System.getProperty("milkbottle.sdk.bundle")));
    }

    @Test
    public void theCommandTemplateBuildsValidatesInstallsAndItsCommandsWork() throws Exception {
        Path folder = work("sdk-command").resolve("notes");
        String created = shell("mb:create org.acme.notes --template command --dir " + folder);
        assertTrue(created, created.startsWith("Created org.acme.notes from the command template in " + folder));
        assertTrue(created, created.contains("mb:install file:" + folder.resolve("target/org.acme.notes.jar")));

        Path jar = GeneratedProjects.build(folder, "org.acme.notes");
        assertNoFindings(jar);
        String installed = shell("mb:install file:" + jar);
        assertTrue(installed, installed.contains("org.acme.notes") && installed.contains("ACTIVE"));

        assertEquals("Added entry 1.", shell("notes:add \"buy milk\"").trim());
        assertEquals("Added entry 2.", shell("notes:add \"call Ada\"").trim());
        assertEquals("1. buy milk\n2. call Ada", shell("notes:list").trim());
    }

    @Test
    public void theServiceTemplatesTwoBundlesBuildValidateInstallAndItsCommandUsesTheService() throws Exception {
        Path folder = work("sdk-service").resolve("greeter");
        String created = shell("mb:create org.acme.greeter --template service --dir " + folder);
        assertTrue(created, created.contains("mb:install file:" + folder.resolve("impl/target/org.acme.greeter.jar")));

        GeneratedProjects.MavenRun build = GeneratedProjects.maven(folder, "-q", "verify");
        assertEquals(build.output(), 0, build.status());
        Path api = folder.resolve("api/target/org.acme.greeter.api.jar");
        Path impl = folder.resolve("impl/target/org.acme.greeter.jar");
        assertNoFindings(api);
        assertNoFindings(impl);
        assertTrue(Files.isRegularFile(folder.resolve("impl/target/docs/org.acme.greeter.md")));

        // the implementation alone lacks its API: refused, nothing installed
        String alone = expectShellError("mb:install file:" + impl);
        assertTrue(alone, alone.contains("org.acme.greeter.api"));
        assertTrue(shell("mb:install file:" + api).contains("ACTIVE"));
        assertTrue(shell("mb:install file:" + impl).contains("ACTIVE"));
        assertEquals("Hello, Ada, from Greeter!", shell("greeter:greet Ada").trim());
    }

    @Test
    public void mbDevTakesUpEachRebuildAndKeepsTheVersionBeforeWhenARebuildIsRefused() throws Exception {
        Path folder = work("sdk-dev").resolve("diary");
        shell("mb:create org.acme.diary --template command --dir " + folder);
        GeneratedProjects.build(folder, "org.acme.diary");
        String watching = shell("mb:dev " + folder);
        assertTrue(watching, watching.startsWith("Watching " + folder));
        awaitShell("diary:add first", "Added entry 1.");

        // edit, rebuild: the new behaviour is live without an install command
        Path commands = folder.resolve("src/main/java/org/acme/diary/DiaryCommands.java");
        Files.writeString(commands, Files.readString(commands).replace("\"Added entry \"", "\"Noted entry \""));
        GeneratedProjects.build(folder, "org.acme.diary");
        awaitShell("diary:add second", "Noted entry 1.");
        assertTrue(shell("mb:history"), shell("mb:history").contains("dev"));

        // a rebuild the validator refuses (no contact address) is reported; the version before keeps running
        Path bnd = folder.resolve("bnd.bnd");
        Files.writeString(bnd, Files.readString(bnd).replace("Bundle-ContactAddress: plugins@acme.org",
                "Bundle-ContactAddress: nobody"));
        Files.writeString(commands, Files.readString(commands).replace("\"Noted entry \"", "\"Broken entry \""));
        // the build refuses it too (milkbottle:validate, after the jar is written), naming the rule
        GeneratedProjects.MavenRun refusedBuild = GeneratedProjects.maven(folder, "-q", "verify");
        assertTrue(refusedBuild.output(), refusedBuild.status() != 0
                && refusedBuild.output().contains("would be refused by MilkBottle: [metadata.contact]"));
        awaitShellContains("mb:dev", "refused, the version before keeps running");
        assertTrue(shell("mb:dev"), shell("mb:dev").contains("metadata.contact"));
        assertTrue(shell("diary:add third").startsWith("Noted entry"));

        assertTrue(shell("mb:dev --stop " + folder).startsWith("Stopped watching " + folder));
        assertEquals("No project is watched; start with mb:dev DIR.", shell("mb:dev").trim());
        assertTrue(expectShellError("mb:dev " + folder.resolve("missing")).contains("is not a folder"));
    }

    @Test
    public void theBasicTemplateBuildsValidatesInstallsAndPublishesItsService() throws Exception {
        Path folder = work("sdk-basic").resolve("greeter");
        installedProject("com.example.greeter", "--package com.example.greet", folder);

        ServiceReference<?>[] services = context.getAllServiceReferences("com.example.greet.api.GreeterService", null);
        assertTrue("the generated component publishes its service", services != null && services.length == 1);
        Object service = context.getService(services[0]);
        Method greet = service.getClass().getMethod("greet", String.class);
        assertEquals("Hello, Ada, from Greeter!", greet.invoke(service, "Ada"));
        context.ungetService(services[0]);
    }

    @Test
    public void theConfigTemplatesSchemaIsShownCheckedAndItsValuesReachTheCommand() throws Exception {
        Path folder = work("sdk-config").resolve("greet");
        Path jar = installedProject("org.acme.greeter", "--template config", folder);

        assertEquals("Hello, Ada!", shell("greeter:greet Ada").trim());
        String schema = shell("mb:config org.acme.greeter");
        assertTrue(schema, schema.contains("greeting") && schema.contains("excitement") && schema.contains("plain|shout"));
        assertTrue(expectShellError("mb:config org.acme.greeter excitement 9").contains("excitement"));
        shell("mb:config org.acme.greeter excitement 3");
        awaitShell("greeter:greet Ada", "Hello, Ada!!!");

        // its reference page, from the jar alone
        String docs = shell("mb:docs --html " + jar);
        assertTrue(docs, docs.startsWith("Wrote the plugin's reference:"));
        String page = Files.readString(jar.getParent().resolve("docs/org.acme.greeter.md"));
        assertTrue(page, page.contains("| greeter:greet | greet someone | who to greet |")
                && page.contains("| org.acme.greeter | excitement | Integer | 1 | 0 to 5 |")
                && page.contains("plain (as written), shout (upper case)"));
        assertTrue(Files.readString(jar.getParent().resolve("docs/org.acme.greeter.html")).contains("<h1>Greeter "));

        // mb:test in a throwaway runtime: everything passes, its migration file leads to its schema
        String tested = shell("mb:test " + jar);
        assertTrue(tested, tested.contains("PASSED (6 of 6") && tested.contains("PASS  migrations  1 step(s) lead to "
                + "the schema"));
    }

    @Test
    public void theHealthcheckTemplatesCheckRunsInMbHealthAndWarnsBelowItsThreshold() throws Exception {
        Path folder = work("sdk-health").resolve("watch");
        installedProject("org.acme.watch", "--template healthcheck", folder);

        String health = shell("mb:health org.acme.watch");
        assertTrue(health, health.contains("Health: OK") && health.contains("of the maximum heap is free"));
        shell("mb:config org.acme.watch minimumHeadroomPercent 100");
        awaitShellContains("mb:health org.acme.watch", "WARN");
    }

    @Test
    public void mbPackageSignsSoThatATrustingRuntimeInstallsItAsTrustedAndTamperingIsRefused() throws Exception {
        Path folder = work("sdk-package").resolve("signed");
        shell("mb:create org.acme.signed --template command --dir " + folder);
        Path jar = GeneratedProjects.build(folder, "org.acme.signed");
        Signing author = new Signing(work("sdk-keys"), "acme-author");

        String packaged = shell("mb:package --keystore " + author.keystore() + " --storepass secret " + jar);
        assertTrue(packaged, packaged.startsWith("Packaged org.acme.signed 0.1.0.")
                && packaged.contains("signed by CN=acme-author,O=Tests and verified"));
        Path signed;
        try (Stream<Path> dist = Files.list(folder.resolve("target/dist"))) {
            signed = dist.filter(p -> p.toString().endsWith(".jar")).findFirst().orElseThrow();
        }
        Process verify = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jarsigner").toString(),
                "-verify", signed.toString()).redirectErrorStream(true).start();
        String verified = new String(verify.getInputStream().readAllBytes());
        assertEquals(verified, 0, verify.waitFor());
        assertTrue(verified, verified.contains("jar verified"));

        // tampered after signing: refused, whoever signed it
        Path tampered = TestBundles.tamper(signed, "org/acme/signed/Entries.class", new byte[] {1, 2, 3},
                work("sdk-tampered").resolve("tampered.jar"));
        assertTrue(shell("mb:validate " + tampered).contains(": REFUSED"));

        assertTrue(shell("mb:validate " + signed).contains("signature    untrusted"));
        shell("mb:trust-add " + author.exportCertificate(work("sdk-cert").resolve("author.pem")) + " acme-author");
        assertTrue(shell("mb:validate " + signed).contains("signature    trusted"));
        assertTrue(shell("mb:install file:" + signed).contains("ACTIVE"));

        assertTrue(expectShellError("mb:package --keystore " + author.keystore() + " --storepass wrong " + jar)
                .contains("did not open with that password"));
        assertTrue(expectShellError("mb:package --keystore " + folder.resolve("none.p12") + " --storepass x " + jar)
                .contains("does not exist"));
        assertTrue(expectShellError("mb:package " + jar).startsWith("Give the keystore to sign with"));
    }

    @Test
    public void templatesAreListedAndBadRequestsAreRefusedWithNothingWritten() throws Exception {
        String templates = shell("mb:templates");
        assertTrue(templates, templates.contains("basic") && templates.contains("command")
                && templates.contains("Make one with: mb:create NAME --template TEMPLATE"));

        Path base = work("sdk-bad");
        assertEquals("There is no template 'gui'; the templates are basic, command, config, healthcheck, service, web "
                + "(mb:templates describes them).",
                expectShellError("mb:create org.acme.notes --template gui --dir " + base.resolve("a")));
        assertTrue(expectShellError("mb:create 'org acme' --dir " + base.resolve("b"))
                .contains("is not a valid plugin name"));
        assertTrue(expectShellError("mb:create org.acme.new --dir " + base.resolve("c"))
                .contains("give one with --package"));
        assertTrue(expectShellError("mb:create org.acme.notes --package 1abc --dir " + base.resolve("d"))
                .contains("is not a valid Java package name"));
        Path existing = Files.createDirectories(base.resolve("taken"));
        Files.writeString(existing.resolve("keep.txt"), "mine");
        assertEquals(existing + " exists already; nothing was written. Choose another folder with --dir, or remove "
                + "that one first.", expectShellError("mb:create org.acme.notes --dir " + existing));
        assertEquals("mine", Files.readString(existing.resolve("keep.txt")));
        try (Stream<Path> left = Files.list(base)) {
            assertEquals("only the folder that was there", List.of(existing), left.toList());
        }
    }

    /** mb:package is written getPackage ("package" is a Java keyword); its help was empty. */
    @Test
    public void theHelpOfACommandNamedAfterAJavaKeywordIsThere() throws Exception {
        String usage = shell("mb:help mb:package");
        assertTrue(usage, usage.contains("sign a plugin's jar") && usage.contains("--keystore"));
        assertTrue(usage, shell("mb:help").lines().anyMatch(l -> l.contains("mb:package") && l.contains("sign")));
    }
}
