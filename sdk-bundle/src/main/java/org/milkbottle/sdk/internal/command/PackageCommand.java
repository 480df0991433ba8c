package org.milkbottle.sdk.internal.command;

import java.nio.file.Path;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.apache.felix.service.command.annotations.GogoCommand;
import org.milkbottle.sdk.api.Packager;
import org.milkbottle.sdk.api.SdkException;
import org.milkbottle.sdk.api.SigningKey;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code mb:package}. "package" is a Java keyword, so no method can carry the name; Gogo also looks for
 * {@code get} + the capitalised name, {@code getPackage}. (Not {@code _main}, as the dashed marketplace commands do:
 * Gogo parses no options there, the function's name coming first.)
 */
@Component(service = PackageCommand.class)
@GogoCommand(scope = "mb", function = "package")
public class PackageCommand {

    /** Where the keystore's password comes from when --storepass is not given. */
    static final String STOREPASS_VARIABLE = "MILKBOTTLE_STOREPASS";

    private final Packager packager;

    @Activate
    public PackageCommand(@Reference Packager packager) {
        this.packager = packager;
    }

    @Descriptor("sign a plugin's jar for publishing: dist/NAME-VERSION.jar beside it, verified after signing, and its "
            + "SHA-256 in NAME-VERSION.jar.sha256. A runtime that trusts your certificate (mb:trust-add) installs it "
            + "as trusted. Then: mb:publish dist/NAME-VERSION.jar")
    public String getPackage(
            @Descriptor("your keystore (PKCS#12 or JKS, as keytool makes them)") @Parameter(names = {"-k",
                    "--keystore"}, absentValue = "") String keystore,
            @Descriptor("the key's alias (needed when the keystore holds several)") @Parameter(names = {"-a",
                    "--alias"}, absentValue = "") String alias,
            @Descriptor("the keystore's password (default: the MILKBOTTLE_STOREPASS environment variable)")
            @Parameter(names = {"-s", "--storepass"}, absentValue = "") String storePassword,
            @Descriptor("the key's password, if not the keystore's") @Parameter(names = {"--keypass"},
                    absentValue = "") String keyPassword,
            @Descriptor("the plugin's jar, e.g. target/org.acme.notes.jar") String jar) throws SdkException {
        if (keystore.isBlank()) {
            throw new SdkException("Give the keystore to sign with: mb:package --keystore me.p12 JAR (make one with: "
                    + "keytool -genkeypair -alias me -keyalg EC -dname CN=Me -keystore me.p12).");
        }
        String password = storePassword.isBlank() ? System.getenv().getOrDefault(STOREPASS_VARIABLE, "")
                : storePassword;
        return SdkFormatter.packaged(packager.pack(Path.of(jar), new SigningKey(Path.of(keystore),
                alias.isBlank() ? null : alias, password.toCharArray(),
                keyPassword.isBlank() ? null : keyPassword.toCharArray())));
    }
}
