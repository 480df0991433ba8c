package org.milkbottle.validation.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Makes a publisher key and signs jars with the JDK's keytool and jarsigner, as a publisher would. Shared with
 * the integration tests through this module's test-jar.
 */
public final class Signing {

    private final Path keystore;
    private final String alias;

    /** Makes a key pair named {@code alias} (subject {@code CN=alias,O=Tests}) in a keystore in {@code dir}. */
    public Signing(Path dir, String alias) throws Exception {
        this.keystore = dir.resolve(alias + ".p12");
        this.alias = alias;
        run("keytool", "-genkeypair", "-alias", alias, "-keyalg", "EC", "-dname", "CN=" + alias + ",O=Tests",
                "-validity", "30", "-keystore", keystore.toString(), "-storepass", "secret", "-storetype", "PKCS12");
    }

    /** The keystore (PKCS#12, password {@code secret}) holding the key. */
    public Path keystore() {
        return keystore;
    }

    /** Writes the publisher's certificate (PEM) to {@code target}, as a publisher hands it to operators. */
    public Path exportCertificate(Path target) throws Exception {
        run("keytool", "-exportcert", "-rfc", "-alias", alias, "-keystore", keystore.toString(), "-storepass",
                "secret", "-file", target.toString());
        return target;
    }

    /** Signs {@code jar} in place. */
    public Path sign(Path jar) throws Exception {
        run("jarsigner", "-keystore", keystore.toString(), "-storepass", "secret", jar.toString(), alias);
        return jar;
    }

    private static void run(String tool, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", tool).toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(tool + " failed: " + output);
        }
    }
}
