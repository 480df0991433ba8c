package org.milkbottle.maven;

import java.io.File;
import java.nio.file.Path;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.milkbottle.sdk.api.PackagedPlugin;
import org.milkbottle.sdk.api.SdkException;
import org.milkbottle.sdk.api.SigningKey;
import org.milkbottle.sdk.internal.docs.JarDocumenter;
import org.milkbottle.sdk.internal.pack.JarPackager;

/**
 * Makes the plugin ready to publish, as {@code mb:package} does: builds it, validates it (a refused plugin is not
 * signed), signs it with the author's key into {@code target/dist/NAME-VERSION.jar}, verifies the signature, writes
 * its SHA-256 beside it and its reference pages into {@code target/dist/docs}.
 */
@Mojo(name = "package", threadSafe = true)
@Execute(phase = LifecyclePhase.PACKAGE)
public class PackageMojo extends AbstractMojo {

    /** Where the keystore's password comes from when milkbottle.storepass is not given. */
    static final String STOREPASS_VARIABLE = "MILKBOTTLE_STOREPASS";

    /** The plugin's jar. */
    @Parameter(property = "milkbottle.jar", defaultValue = "${project.build.directory}/${project.build.finalName}.jar")
    File jar;

    /** The keystore to sign with (PKCS#12 or JKS, as keytool makes them). */
    @Parameter(property = "milkbottle.keystore")
    File keystore;

    /** The key's alias; needed when the keystore holds several keys. */
    @Parameter(property = "milkbottle.alias")
    String alias;

    /** The keystore's password; default: the MILKBOTTLE_STOREPASS environment variable. */
    @Parameter(property = "milkbottle.storepass")
    String storePassword;

    /** The key's password, if it is not the keystore's. */
    @Parameter(property = "milkbottle.keypass")
    String keyPassword;

    @Override
    public void execute() throws MojoFailureException {
        if (keystore == null) {
            throw new MojoFailureException("Give the keystore to sign with: -Dmilkbottle.keystore=me.p12 (make one "
                    + "with: keytool -genkeypair -alias me -keyalg EC -dname CN=Me -keystore me.p12).");
        }
        // a permission only a trusted source may grant is no reason not to sign: signing is how it becomes trusted
        boolean refused = ValidateMojo.validate(jar).errors().stream()
                .anyMatch(f -> !f.rule().equals(ValidateMojo.NOT_ALLOWED));
        if (refused) {
            throw new MojoFailureException(jar.getName() + " would be refused by MilkBottle, so it is not signed: "
                    + "mvn milkbottle:validate shows why.");
        }
        String password = storePassword == null || storePassword.isEmpty()
                ? System.getenv().getOrDefault(STOREPASS_VARIABLE, "") : storePassword;
        try {
            PackagedPlugin packed = new JarPackager().pack(jar.toPath(), new SigningKey(keystore.toPath(),
                    blankToNull(alias), password.toCharArray(),
                    blankToNull(keyPassword) == null ? null : keyPassword.toCharArray()));
            getLog().info("signed by " + packed.signer() + ": " + packed.jar());
            getLog().info("SHA-256 " + packed.sha256() + " in " + packed.jar() + ".sha256");
            Path docs = packed.jar().getParent().resolve("docs");
            new JarDocumenter().document(packed.jar(), docs, true).forEach(page -> getLog().info("wrote " + page));
            getLog().info("publish it: mvn milkbottle:publish -Dmilkbottle.marketplace=URL");
        } catch (SdkException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
