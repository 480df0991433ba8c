package org.milkbottle.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.milkbottle.itests.fixtures.MarkerActivator;
import org.milkbottle.itests.fixtures.Markers;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

import aQute.bnd.osgi.repository.XMLResourceGenerator;
import aQute.bnd.osgi.resource.ResourceBuilder;

/**
 * Installing by name from repositories: the in-process marketplace (publish, search, install with
 * transitive dependencies, update, rollback) and a signed folder repository (tampered index and
 * tampered artifact refused, nothing installed).
 */
@RunWith(PaxExam.class)
public class MarketplaceInstallIT extends MilkBottleTestSupport {

    private Path markers;

    @Configuration
    @Override
    public Option[] configuration() throws IOException {
        return OptionUtils.combine(baseOptions(), marketplaceOptions(freePort()));
    }

    @Before
    public void prepare() throws Exception {
        markers = markerFolder();
        await("the repository client lists the local marketplace", () -> {
            try {
                return shell("mb:repo-list").contains("this runtime's marketplace");
            } catch (Exception e) {
                return false;
            }
        });
    }

    private String token() throws Exception {
        return Arrays.stream(shell("mb:market token alice").split("\\s+")).filter(w -> w.startsWith("mbt_"))
                .findFirst().orElseThrow();
    }

    private Path base() throws IOException {
        return TestBundles.library("mkt.base", "1.0.0").exportPackage("mkt.base").writeTo(work("base"), "base.jar");
    }

    private Path lib() throws IOException {
        return TestBundles.library("mkt.lib", "1.0.0").exportPackage("mkt.lib").importPackage("mkt.base")
                .writeTo(work("lib"), "lib.jar");
    }

    private Path app(String version, String importedPackage) throws IOException {
        return TestBundles.plugin("mkt.app", version).activator(MarkerActivator.class).addClass(Markers.class)
                .importPackage(importedPackage).header("MilkBottle-Permissions", "file-write")
                .header("MilkBottle-Tags", "demo").writeTo(work("app" + version), "app.jar");
    }

    private Bundle installed(String name) {
        return bundle(name).orElseThrow(() -> new AssertionError(name + " is not installed"));
    }

    @Test
    public void installByNameWithTransitiveDependenciesThenUpdateAndRollBack() throws Exception {
        String token = token();
        for (Path jar : List.of(base(), lib(), app("1.0.0", "mkt.lib"))) {
            String published = shell("mb:market publish " + token + " " + jar);
            assertTrue(published, published.contains("Published"));
        }
        String search = shell("mb:search app");
        assertTrue(search, search.contains("mkt.app") && search.contains("1.0.0"));
        assertTrue(shell("mb:search --tag demo").contains("mkt.app"));

        String simulated = shell("mb:install -t mkt.app");
        assertTrue(simulated, simulated.contains("mkt.base") && simulated.contains("mkt.lib"));
        assertFalse("a simulation installs nothing", bundle("mkt.app").isPresent());

        String output = shell("mb:install app");
        assertTrue(output, output.contains("mkt.app"));
        assertEquals(Bundle.ACTIVE, installed("mkt.app").getState());
        assertTrue(installed("mkt.lib").getState() >= Bundle.RESOLVED);
        assertTrue(installed("mkt.base").getState() >= Bundle.RESOLVED);
        assertTrue("the plugin's code ran", Files.exists(markers.resolve("mkt.app")));

        assertTrue(shell("mb:outdated").contains("up to date"));
        assertTrue(shell("mb:market publish " + token + " " + app("1.1.0", "mkt.lib")).contains("1.1.0"));
        assertTrue(shell("mb:market publish " + token + " " + app("1.2.0", "mkt.lib")).contains("1.2.0"));
        String outdated = shell("mb:outdated");
        assertTrue(outdated, outdated.contains("mkt.app") && outdated.contains("1.0.0") && outdated.contains("1.2.0"));
        String updated = shell("mb:update mkt.app");
        assertTrue(updated, updated.contains("1.2.0"));
        assertEquals("1.2.0", installed("mkt.app").getVersion().toString());
        shell("mb:rollback");
        assertEquals("1.0.0", installed("mkt.app").getVersion().toString());

        String all = shell("mb:update --all");
        assertTrue(all, all.contains("1.2.0"));
        assertEquals("1.2.0", installed("mkt.app").getVersion().toString());
        assertTrue(shell("mb:outdated").contains("up to date"));
        shell("mb:rollback");
        assertEquals("one rollback undoes the whole update", "1.0.0", installed("mkt.app").getVersion().toString());
    }

    @Test
    public void advisoriesPublishedByTheMarketplaceFlagInstalledPluginsAndRefuseAffectedVersions() throws Exception {
        String token = token();
        shell("mb:market publish " + token + " " + app("1.0.0", "org.osgi.util.tracker"));
        shell("mb:install mkt.app");
        String published = shell("mb:market advisory mkt.app '[1.0,1.1)' medium 'Leaks memory; update to 1.1'");
        assertTrue(published, published.contains("Published advisory MB-"));
        String list = shell("mb:list");
        assertTrue(list, list.contains("mkt.app") && list.contains("WARN"));
        String health = shell("mb:health mkt.app");
        assertTrue(health, health.contains("Leaks memory"));

        shell("mb:uninstall mkt.app");
        shell("mb:market advisory mkt.app '[1.0,1.1)' critical Deletes files");
        String refused = expectShellError("mb:install mkt.app");
        assertTrue(refused, refused.contains("Deletes files") && refused.contains("[advisory.matched]"));
        assertFalse(bundle("mkt.app").isPresent());

        // the user's informed choice: installed anyway, said so, and recorded
        String forced = shell("mb:install --force mkt.app");
        assertTrue(forced, forced.contains("Installed mkt.app 1.0.0") && forced.contains("installed anyway"));
        assertTrue(shell("mb:audit").contains("--force"));
        shell("mb:uninstall mkt.app");

        shell("mb:market publish " + token + " " + app("1.1.0", "org.osgi.util.tracker"));
        assertTrue(shell("mb:install mkt.app").contains("1.1.0"));

        // the marketplace checks an upload against its own store, whatever this runtime's registry was told
        org.osgi.framework.ServiceReference<org.milkbottle.validation.api.AdvisoryRegistry> reference =
                context.getServiceReference(org.milkbottle.validation.api.AdvisoryRegistry.class);
        context.getService(reference).withdraw("marketplace:local");
        context.ungetService(reference);
        String upload = expectShellError("mb:market publish " + token + " " + app("1.0.5", "org.osgi.util.tracker"));
        assertTrue(upload, upload.contains("Deletes files") && upload.contains("[advisory.matched]"));
    }

    @Test
    public void anUnreachableMarketplaceIsAnsweredFromItsLastIndexAndSaysSo() throws Exception {
        shell("mb:market publish " + token() + " " + app("1.0.0", "org.osgi.util.tracker"));
        String url = "http://127.0.0.1:" + context.getProperty("org.osgi.service.http.port") + "/repository/";
        String added = shell("mb:repo-add remote " + url);
        assertTrue(added, added.contains("Pinned the marketplace's key") && added.contains("Added repository 'remote'"));

        // fetch the index on every use from now on, then take the marketplace's HTTP server away
        org.osgi.service.cm.Configuration config = configurationAdmin.getConfiguration("org.milkbottle.repositories",
                "?");
        config.update(new java.util.Hashtable<>(java.util.Map.of("indexExpirySeconds", 0L)));
        Bundle jetty = bundle("org.apache.felix.http.jetty").orElseThrow();
        jetty.stop();
        try {
            await("the remote marketplace is reported offline", () -> {
                try {
                    return shell("mb:repo-list").contains("(offline)");
                } catch (Exception e) {
                    return false;
                }
            });
            // what the core reads: the configured repository is a Repository service that says it is offline
            ServiceReference<?>[] remote = context.getServiceReferences(
                    "org.osgi.service.repository.Repository", "(milkbottle.repository.name=remote)");
            assertEquals(1, remote.length);
            assertEquals(url, remote[0].getProperty("repository.url"));
            assertTrue(String.valueOf(remote[0].getProperty("milkbottle.repository.note"))
                    .contains("repository 'remote' is unreachable"));
            // search answers from the same kept index as install, and says so
            String search = shell("mb:search app");
            assertTrue(search, search.contains("mkt.app") && search.contains("answered from its index from"));
            String output = shell("mb:install mkt.app");
            assertTrue(output, output.contains("repository 'remote' is unreachable")
                    && output.contains("using its index from") && output.contains("Installed mkt.app 1.0.0"));
        } finally {
            jetty.start();
        }
    }

    @Test
    public void aDependencyMissingFromEveryRepositoryIsExplained() throws Exception {
        String token = token();
        shell("mb:market publish " + token + " " + app("1.0.0", "mkt.nowhere"));
        String error = expectShellError("mb:install mkt.app");
        assertTrue(error, error.contains("mkt.app 1.0.0 needs package mkt.nowhere")
                && error.contains("no plugin repository offers"));
        assertFalse(bundle("mkt.app").isPresent());
        String unknown = expectShellError("mb:install no-such-plugin");
        assertTrue(unknown, unknown.contains("No repository has a plugin named 'no-such-plugin'"));
    }

    @Test
    public void aTamperedIndexOrArtifactInASignedRepositoryIsRefused() throws Exception {
        Path folder = work("folder-repo");
        Path artifacts = Files.createDirectories(folder.resolve("artifacts"));
        Path app = app("1.0.0", "org.osgi.framework");
        Path stored = Files.copy(app, artifacts.resolve("app.jar"));
        ResourceBuilder builder = new ResourceBuilder();
        builder.addFile(stored.toFile(), URI.create("artifacts/app.jar"));
        java.io.ByteArrayOutputStream xml = new java.io.ByteArrayOutputStream();
        new XMLResourceGenerator().name("test").resources(List.of(builder.build())).save(xml);
        byte[] index = xml.toByteArray();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = generator.generateKeyPair();
        Files.write(folder.resolve("index.xml"), index);
        Files.writeString(folder.resolve("index.xml.sig"), sign(keys, index));
        Path key = Files.writeString(folder.resolve("key.pem"), "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(keys.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");

        // the artifact changed after indexing: its SHA-256 no longer matches
        TestBundles.plugin("mkt.app", "1.0.0").activator(MarkerActivator.class).addClass(Markers.class)
                .header("MilkBottle-Permissions", "file-write").header("Bundle-Description", "changed")
                .writeTo(artifacts, "app.jar");
        String added = shell("mb:repo-add folder " + folder.toUri() + " " + key);
        assertTrue(added, added.contains("1 resources"));
        String error = expectShellError("mb:install mkt.app");
        assertTrue(error, error.contains("SHA-256") && error.contains("changed or damaged"));
        assertFalse(bundle("mkt.app").isPresent());
        assertFalse(Files.exists(markers.resolve("mkt.app")));

        // the index changed after signing
        shell("mb:repo-remove folder");
        Files.writeString(folder.resolve("index.xml"), new String(index, StandardCharsets.UTF_8)
                .replace("mkt.app", "mkt.evil"));
        String refused = expectShellError("mb:repo-add folder " + folder.toUri() + " " + key);
        assertTrue(refused, refused.contains("does not match its signature"));
        assertFalse(shell("mb:repo-list").contains("folder"));
    }

    private static String sign(KeyPair keys, byte[] content) throws Exception {
        Signature signature = Signature.getInstance("SHA256withECDSA");
        signature.initSign(keys.getPrivate());
        signature.update(content);
        return Base64.getEncoder().encodeToString(signature.sign());
    }

}
