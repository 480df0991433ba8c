package org.milkbottle.sdk.internal.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.milkbottle.sdk.api.PackagedPlugin;
import org.milkbottle.sdk.api.SdkException;
import org.milkbottle.sdk.api.SigningKey;

/** Signing with a key keytool made, checked the way jarsigner -verify checks. */
class JarPackagerTest {

    @TempDir
    Path work;

    private Path keystore;
    private Path jar;

    @BeforeEach
    void keysAndAJar() throws Exception {
        keystore = work.resolve("me.p12");
        keytool("-genkeypair", "-alias", "me", "-keyalg", "EC", "-dname", "CN=Me,O=Tests", "-validity", "30",
                "-keystore", keystore.toString(), "-storepass", "secret", "-storetype", "PKCS12");
        jar = bundle(Files.createDirectories(work.resolve("target")).resolve("org.acme.notes.jar"));
    }

    static void keytool(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin",
                "keytool").toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("keytool failed: " + out);
        }
    }

    static Path bundle(Path file) throws IOException {
        return bundle(file, "org.acme.notes;singleton:=true", "0.1.0.1");
    }

    static Path bundle(Path file, String symbolicName, String version) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().putValue("Manifest-Version", "1.0");
        manifest.getMainAttributes().putValue("Bundle-SymbolicName", symbolicName);
        manifest.getMainAttributes().putValue("Bundle-Version", version);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(file), manifest)) {
            out.putNextEntry(new JarEntry("org/acme/notes/Entries.class"));
            out.write(new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE});
        }
        return file;
    }

    private SigningKey key(String alias, String password) {
        return new SigningKey(keystore, alias, password.toCharArray(), null);
    }

    @Test
    void theSignedJarVerifiesAndItsShaIsBesideIt() throws Exception {
        PackagedPlugin packaged = new JarPackager().pack(jar, key(null, "secret"));

        Path signed = work.resolve("target/dist/org.acme.notes-0.1.0.1.jar");
        assertThat(packaged.jar()).isEqualTo(signed);
        assertThat(packaged.name()).isEqualTo("org.acme.notes");
        assertThat(packaged.signer()).isEqualTo("CN=Me,O=Tests");
        try (JarFile verified = new JarFile(signed.toFile(), true)) {
            JarEntry entry = verified.getJarEntry("org/acme/notes/Entries.class");
            try (InputStream in = verified.getInputStream(entry)) {
                in.readAllBytes();
            }
            assertThat(entry.getCodeSigners()).hasSize(1);
        }
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(signed)));
        assertThat(packaged.sha256()).isEqualTo(sha);
        assertThat(Files.readString(work.resolve("target/dist/org.acme.notes-0.1.0.1.jar.sha256")))
                .isEqualTo(sha + "  org.acme.notes-0.1.0.1.jar\n");
        assertThat(Files.getPosixFilePermissions(signed)).as("ordinary build output, not the owner's alone")
                .contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ);
        assertThat(Collections.list(new JarFile(jar.toFile()).entries())).as("the jar it was made from is untouched")
                .extracting(JarEntry::getName).noneMatch(n -> n.endsWith(".SF"));
    }

    /** The manifest names the files written: a hostile one must not steer them out of dist/. */
    @Test
    void aManifestCannotSteerTheSignedJarOutOfDist() throws Exception {
        JarPackager packager = new JarPackager();
        for (String[] hostile : new String[][] {{"../../escaped", "1.0.0"}, {work.resolve("abs").toString(), "1.0.0"},
                {"nodir/x", "1.0.0"}, {";singleton:=true", "1.0.0"}, {"org.acme.notes", "1.0.0/../../x"}}) {
            Path evil = bundle(work.resolve("target/evil.jar"), hostile[0], hostile[1]);
            assertThatThrownBy(() -> packager.pack(evil, key(null, "secret"))).isInstanceOf(SdkException.class)
                    .hasMessageEndingWith("Nothing was written.");
        }
        try (Stream<Path> everything = Files.walk(work)) {
            assertThat(everything.map(p -> p.getFileName().toString()))
                    .noneMatch(n -> n.contains("escaped") || n.startsWith("abs") || n.startsWith(".packing-")
                            || n.endsWith(".sha256") || n.equals("dist"));
        }
    }

    @Test
    void aMissingKeystoreAWrongPasswordAnUnknownAliasOrNoBundleWriteNothing() throws Exception {
        JarPackager packager = new JarPackager();
        assertThatThrownBy(() -> packager.pack(jar, new SigningKey(work.resolve("none.p12"), null,
                "secret".toCharArray(), null))).isInstanceOf(SdkException.class)
                .hasMessageStartingWith("The keystore " + work.resolve("none.p12") + " does not exist");
        assertThatThrownBy(() -> packager.pack(jar, key(null, "wrong")))
                .hasMessage("The keystore " + keystore + " did not open with that password; check --storepass. "
                        + "Nothing was written.");
        assertThatThrownBy(() -> packager.pack(jar, key(null, "")))
                .hasMessageStartingWith("The keystore's password is missing");
        assertThatThrownBy(() -> packager.pack(jar, key("you", "secret")))
                .hasMessage("The keystore " + keystore + " has no key 'you'; its keys: me. Nothing was written.");
        Path notABundle = Files.write(work.resolve("plain.jar"), new byte[] {1, 2, 3});
        assertThatThrownBy(() -> packager.pack(notABundle, key(null, "secret"))).hasMessageContaining("is not a jar");
        assertThatThrownBy(() -> packager.pack(work.resolve("missing.jar"), key(null, "secret")))
                .hasMessageContaining("is not a file");
        assertThat(work.resolve("target/dist")).doesNotExist();

        keytool("-genkeypair", "-alias", "other", "-keyalg", "EC", "-dname", "CN=Other", "-validity", "30",
                "-keystore", keystore.toString(), "-storepass", "secret", "-storetype", "PKCS12");
        assertThatThrownBy(() -> packager.pack(jar, key(null, "secret")))
                .hasMessageContaining("holds several keys (me, other); choose one with --alias");
        assertThat(packager.pack(jar, key("other", "secret")).signer()).isEqualTo("CN=Other");
        try (Stream<Path> dist = Files.list(work.resolve("target/dist"))) {
            assertThat(dist.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    "org.acme.notes-0.1.0.1.jar", "org.acme.notes-0.1.0.1.jar.sha256");
        }
    }
}
