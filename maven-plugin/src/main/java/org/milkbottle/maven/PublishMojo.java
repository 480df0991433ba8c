package org.milkbottle.maven;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;
import org.milkbottle.sdk.api.PublishReceipt;
import org.milkbottle.sdk.api.SdkException;
import org.milkbottle.sdk.internal.publish.HttpPublisher;

/**
 * Publishes the plugin to a marketplace, as {@code mb:publish} does: the signed jar {@code milkbottle:package} made
 * (target/dist/NAME-VERSION.jar; refused if older than the jar, which was then built again), else the plain jar. The
 * token: -Dmilkbottle.token if given, else the Maven way, the {@code <password>} of the {@code <server>} named by
 * milkbottle.serverId in settings.xml (encrypted passwords work), else the MILKBOTTLE_TOKEN environment variable.
 */
@Mojo(name = "publish", threadSafe = true)
public class PublishMojo extends AbstractMojo {

    static final String TOKEN_VARIABLE = "MILKBOTTLE_TOKEN";

    /** The marketplace's address, e.g. http://127.0.0.1:8180. */
    @Parameter(property = "milkbottle.marketplace")
    String marketplace;

    /** The settings.xml server whose password is the publishing token. */
    @Parameter(property = "milkbottle.serverId", defaultValue = "milkbottle")
    String serverId;

    /** The publishing token, when it is not in settings.xml. */
    @Parameter(property = "milkbottle.token")
    String token;

    /** The plugin's jar as the build made it; its signed copy in dist/ is published when there is one. */
    @Parameter(property = "milkbottle.jar", defaultValue = "${project.build.directory}/${project.build.finalName}.jar")
    File jar;

    @Parameter(defaultValue = "${session}", readonly = true)
    MavenSession session;

    @Component
    SettingsDecrypter decrypter;

    @Override
    public void execute() throws MojoFailureException {
        if (marketplace == null || marketplace.isBlank()) {
            throw new MojoFailureException("Name the marketplace: -Dmilkbottle.marketplace=http://HOST:PORT");
        }
        URI address;
        try {
            address = URI.create(marketplace.strip());
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("'" + marketplace + "' is not an address; give one such as "
                    + "http://127.0.0.1:8180");
        }
        Path toPublish = jarToPublish();
        try {
            PublishReceipt receipt = new HttpPublisher().publish(toPublish, address, token());
            getLog().info("published " + receipt.name() + " " + receipt.version() + " to " + receipt.marketplace()
                    + " (SHA-256 " + receipt.sha256() + ")");
            receipt.findings().forEach(finding -> getLog().warn(finding));
            getLog().info("install it on a runtime that uses this marketplace: mb:install " + receipt.name());
        } catch (SdkException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }

    private Path jarToPublish() throws MojoFailureException {
        if (jar == null || !jar.isFile()) {
            throw new MojoFailureException("There is no plugin jar at " + jar + ": build and sign it first (mvn "
                    + "milkbottle:package -Dmilkbottle.keystore=KEYSTORE).");
        }
        Path signed = signedCopy(jar.toPath());
        if (signed != null && Files.isRegularFile(signed)) {
            try {
                if (Files.getLastModifiedTime(signed).compareTo(Files.getLastModifiedTime(jar.toPath())) < 0) {
                    throw new MojoFailureException("The signed copy " + signed + " is older than " + jar.getName()
                            + ", which was built again since: sign this build with mvn milkbottle:package (or delete "
                            + "target/dist to publish it unsigned). Nothing was published.");
                }
            } catch (IOException e) {
                throw new MojoFailureException("Cannot read " + signed + ": " + e.getMessage(), e);
            }
            return signed;
        }
        getLog().warn(jar.getName() + " is not signed (mvn milkbottle:package signs it): runtimes install it from "
                + "this marketplace only if they trust the marketplace itself.");
        return jar.toPath();
    }

    /** Where milkbottle:package put the signed copy: dist/NAME-VERSION.jar beside the jar. */
    static Path signedCopy(Path jar) {
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            Manifest manifest = file.getManifest();
            Attributes main = manifest == null ? null : manifest.getMainAttributes();
            String name = main == null ? null : main.getValue("Bundle-SymbolicName");
            String version = main == null ? null : main.getValue("Bundle-Version");
            if (name == null || version == null) {
                return null;
            }
            String symbolicName = name.split(";", 2)[0].strip();
            if (!symbolicName.matches("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*")) {
                return null;
            }
            // the name milkbottle:package gives it: the version as OSGi writes it (1.0 is 1.0.0)
            return jar.toAbsolutePath().getParent().resolve("dist").resolve(symbolicName + "-"
                    + org.osgi.framework.Version.parseVersion(version.strip()) + ".jar");
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    private String token() throws MojoFailureException {
        if (token != null && !token.isBlank()) {
            return token.strip(); // said on this command line: it wins over settings.xml
        }
        Server server = session == null ? null : session.getSettings().getServer(serverId);
        if (server != null && server.getPassword() != null) {
            SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
            if (!result.getProblems().isEmpty()) {
                throw new MojoFailureException("The password of the server '" + serverId + "' in settings.xml "
                        + "cannot be decrypted: " + result.getProblems().get(0).getMessage());
            }
            return result.getServer().getPassword();
        }
        String variable = System.getenv(TOKEN_VARIABLE);
        if (variable != null && !variable.isBlank()) {
            return variable.strip();
        }
        throw new MojoFailureException("No publishing token: put it in ~/.m2/settings.xml as <server><id>" + serverId
                + "</id><password>mbt_…</password></server>, or give -Dmilkbottle.token=… (the marketplace's "
                + "admin makes one with mb:market-token).");
    }
}
