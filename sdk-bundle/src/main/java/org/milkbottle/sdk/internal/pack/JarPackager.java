package org.milkbottle.sdk.internal.pack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.CertPath;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;

import org.milkbottle.sdk.api.PackagedPlugin;
import org.milkbottle.sdk.api.Packager;
import org.milkbottle.sdk.api.SdkException;
import org.milkbottle.sdk.api.SigningKey;
import org.osgi.framework.Version;
import org.osgi.service.component.annotations.Component;

/**
 * The {@link Packager} over the JDK's jar signing API ({@code jdk.security.jarsigner}, SHA-256 digests), the same
 * signature {@code jarsigner} makes and {@code jarsigner -verify} and MilkBottle's validator check. The signed jar
 * is written to a temporary file, verified, and only then moved into place with its SHA-256 file.
 */
@Component
public class JarPackager implements Packager {

    private static final Pattern SYMBOLIC_NAME = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*");

    @Override
    public PackagedPlugin pack(Path jar, SigningKey key) throws SdkException {
        String[] identity = identity(jar);
        KeyStore store = open(key);
        String alias = alias(store, key);
        PrivateKey privateKey = privateKey(store, alias, key);
        CertPath chain = chain(store, alias);
        Path dist = jar.toAbsolutePath().normalize().getParent().resolve("dist");
        Path target = dist.resolve(identity[0] + "-" + identity[1] + ".jar");
        Path shaFile = dist.resolve(target.getFileName() + ".sha256");
        Path temporary = null;
        Path shaTemporary = null;
        String sha256;
        try {
            Files.createDirectories(dist);
            temporary = Files.createTempFile(dist, ".packing-", ".jar");
            Signatures.sign(privateKey, chain, jar, temporary);
            verify(temporary);
            sha256 = sha256(temporary);
        } catch (IOException | GeneralSecurityException e) {
            deleteQuietly(temporary);
            throw new SdkException("Could not sign " + jar + ": " + e.getMessage() + ". Nothing was written.", e);
        } catch (LinkageError e) {
            deleteQuietly(temporary);
            throw new SdkException("Signing needs the JDK's jar signing module (jdk.jartool), which this Java lacks; "
                    + "run the runtime on a JDK. Nothing was written.", e);
        }
        boolean jarInPlace = false;
        try {
            shaTemporary = Files.createTempFile(dist, ".packing-", ".sha256");
            Files.writeString(shaTemporary, sha256 + "  " + target.getFileName() + "\n", StandardCharsets.UTF_8);
            readableByAll(temporary);
            readableByAll(shaTemporary);
            move(temporary, target);
            jarInPlace = true;
            move(shaTemporary, shaFile);
        } catch (IOException e) {
            if (jarInPlace) {
                deleteQuietly(target); // a signed jar without its SHA-256 file is not left as if it were complete
            }
            throw new SdkException("Signed " + jar + ", but could not write the result to " + dist + " ("
                    + e.getMessage() + "); check that the folder can be written and the disk has room. Nothing was "
                    + "written.", e);
        } finally {
            deleteQuietly(temporary);
            deleteQuietly(shaTemporary);
        }
        return new PackagedPlugin(identity[0], identity[1], target, sha256,
                ((X509Certificate) chain.getCertificates().get(0)).getSubjectX500Principal().getName());
    }

    /** Temporary files are made for the owner only; the results are ordinary build output, readable by all. */
    private static void readableByAll(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its defaults apply
        }
    }

    /** The jar's symbolic name and version: a plugin jar is a bundle. */
    private static String[] identity(Path jar) throws SdkException {
        if (!Files.isRegularFile(jar)) {
            throw new SdkException(jar + " is not a file; give the plugin's jar, e.g. target/org.acme.notes.jar "
                    + "(mvn -q verify builds it).");
        }
        Manifest manifest;
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            manifest = file.getManifest();
        } catch (IOException e) {
            throw new SdkException(jar + " is not a jar (" + e.getMessage() + ").");
        }
        String name = manifest == null ? null : manifest.getMainAttributes().getValue("Bundle-SymbolicName");
        String version = manifest == null ? null : manifest.getMainAttributes().getValue("Bundle-Version");
        if (name == null || version == null) {
            throw new SdkException(jar + " is not a plugin: its manifest has no Bundle-SymbolicName or "
                    + "Bundle-Version (build it with bnd, as mb:create's projects do).");
        }
        String symbolicName = name.split(";")[0].strip();
        // the two name the files written: only what a symbolic name and a version may be, so that no manifest can
        // steer them out of dist/ (../, an absolute path)
        if (!SYMBOLIC_NAME.matcher(symbolicName).matches()) {
            throw new SdkException(jar + " has the Bundle-SymbolicName '" + symbolicName + "', which is not a plugin "
                    + "name (dot-separated letters, digits, '-' and '_'). Nothing was written.");
        }
        try {
            return new String[] {symbolicName, Version.parseVersion(version.strip()).toString()};
        } catch (IllegalArgumentException e) {
            throw new SdkException(jar + " has the Bundle-Version '" + version.strip() + "', which is not an OSGi "
                    + "version (major.minor.micro.qualifier). Nothing was written.");
        }
    }

    private static KeyStore open(SigningKey key) throws SdkException {
        Path keystore = key.keystore();
        if (keystore == null || !Files.isRegularFile(keystore)) {
            throw new SdkException("The keystore " + keystore + " does not exist; give yours with --keystore (make "
                    + "one with: keytool -genkeypair -alias me -keyalg EC -dname CN=Me -keystore me.p12). Nothing "
                    + "was written.");
        }
        if (key.storePassword() == null || key.storePassword().length == 0) {
            throw new SdkException("The keystore's password is missing; give it with --storepass or the "
                    + "MILKBOTTLE_STOREPASS environment variable. Nothing was written.");
        }
        try {
            return KeyStore.getInstance(keystore.toFile(), key.storePassword());
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new SdkException("The keystore " + keystore + " did not open with that password; check "
                        + "--storepass. Nothing was written.");
            }
            throw new SdkException("The keystore " + keystore + " could not be read (" + e.getMessage() + "); is "
                    + "it a PKCS#12 or JKS keystore? Nothing was written.");
        } catch (GeneralSecurityException e) {
            throw new SdkException("The keystore " + keystore + " could not be read (" + e.getMessage() + "); is "
                    + "it a PKCS#12 or JKS keystore? Nothing was written.");
        }
    }

    private static String alias(KeyStore store, SigningKey key) throws SdkException {
        try {
            List<String> keys = Collections.list(store.aliases()).stream().filter(a -> isKey(store, a)).sorted()
                    .toList();
            if (key.alias() != null && !key.alias().isBlank()) {
                if (!keys.contains(key.alias())) {
                    throw new SdkException("The keystore " + key.keystore() + " has no key '" + key.alias()
                            + "'; its keys: " + String.join(", ", keys) + ". Nothing was written.");
                }
                return key.alias();
            }
            if (keys.size() != 1) {
                throw new SdkException("The keystore " + key.keystore() + " holds " + (keys.isEmpty() ? "no key"
                        : "several keys (" + String.join(", ", keys) + "); choose one with --alias") + ". Nothing "
                        + "was written.");
            }
            return keys.get(0);
        } catch (GeneralSecurityException e) {
            throw new SdkException("The keystore " + key.keystore() + " could not be read: " + e.getMessage());
        }
    }

    private static boolean isKey(KeyStore store, String alias) {
        try {
            return store.isKeyEntry(alias);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static PrivateKey privateKey(KeyStore store, String alias, SigningKey key) throws SdkException {
        char[] password = key.keyPassword() != null && key.keyPassword().length > 0 ? key.keyPassword()
                : key.storePassword();
        try {
            Key entry = store.getKey(alias, password);
            if (entry instanceof PrivateKey privateKey) {
                return privateKey;
            }
            throw new SdkException("The keystore's entry '" + alias + "' is not a private key. Nothing was written.");
        } catch (UnrecoverableKeyException e) {
            throw new SdkException("The key '" + alias + "' did not open with that password; give it with "
                    + "--keypass if it differs from the keystore's. Nothing was written.");
        } catch (GeneralSecurityException e) {
            throw new SdkException("The key '" + alias + "' could not be read: " + e.getMessage() + ". Nothing was "
                    + "written.");
        }
    }

    private static CertPath chain(KeyStore store, String alias) throws SdkException {
        try {
            Certificate[] chain = store.getCertificateChain(alias);
            if (chain == null || chain.length == 0) {
                throw new SdkException("The key '" + alias + "' has no certificate; make it with keytool "
                        + "-genkeypair. Nothing was written.");
            }
            return CertificateFactory.getInstance("X.509").generateCertPath(Arrays.asList(chain));
        } catch (GeneralSecurityException e) {
            throw new SdkException("The certificate of '" + alias + "' could not be read: " + e.getMessage() + ".");
        }
    }

    /** Every entry outside META-INF must carry the signature, and every digest must match. */
    private static void verify(Path signed) throws IOException {
        try (JarFile jar = new JarFile(signed.toFile(), true)) {
            for (JarEntry entry : Collections.list(jar.entries())) {
                try (InputStream in = jar.getInputStream(entry)) {
                    in.transferTo(OutputStream.nullOutputStream());
                }
                if (!entry.isDirectory() && !entry.getName().startsWith("META-INF/")
                        && (entry.getCodeSigners() == null || entry.getCodeSigners().length == 0)) {
                    throw new IOException("after signing, " + entry.getName() + " carries no signature");
                }
            }
        } catch (SecurityException e) {
            throw new IOException("the signed jar does not verify: " + e.getMessage(), e);
        }
    }

    private static String sha256(Path file) throws IOException, GeneralSecurityException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a hidden temporary file in dist/; the error that got us here is the one to report
            }
        }
    }

    /** The one class that touches jdk.security.jarsigner: a JRE without jdk.jartool fails here, not at load. */
    static final class Signatures {

        private Signatures() {
        }

        static void sign(PrivateKey key, CertPath chain, Path jar, Path target)
                throws IOException, GeneralSecurityException {
            jdk.security.jarsigner.JarSigner signer = new jdk.security.jarsigner.JarSigner.Builder(key, chain)
                    .digestAlgorithm("SHA-256").build();
            try (ZipFile in = new ZipFile(jar.toFile()); OutputStream out = Files.newOutputStream(target)) {
                signer.sign(in, out);
            }
        }
    }
}
