package org.milkbottle.validation.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Keeps the runtime's own trust state (trust store, operator allow list) from being changed behind its
 * back: each file is written with an HMAC-SHA256 next to it ({@code NAME.mac}), keyed by a random key in
 * the data folder, and a file whose MAC does not match is reported and not honoured.
 * <p>
 * What this does and does not stop (docs/security.md): a plugin allowed to write files that overwrites
 * the trust store — the escalation seen in the trial — is detected at the next use. A plugin that
 * also reads the key and recomputes the MAC is not: every file the runtime can read, a plugin in the same
 * JVM and user account can read too. Only a plugin host in a separate, confined process stops that.
 */
@Component(service = IntegritySeal.class)
public class IntegritySeal {

    /** What a check of a sealed file found. */
    public enum Verdict {
        /** The file is as the runtime last wrote it. */
        INTACT,
        /** There is no such file (and no MAC): nothing was ever written. */
        ABSENT,
        /** The file or its MAC changed behind the runtime's back, or the MAC is missing. */
        TAMPERED
    }

    private static final String KEY_FILE = "integrity.key";

    /** The files an earlier release wrote unsealed: adopted as they are by the start that creates the key. */
    private static final List<String> EARLIER_RELEASE_FILES = List.of("truststore.p12", "allowed.json",
            "approvals.json");

    private final byte[] key;

    @Activate
    public IntegritySeal(BundleContext context) {
        this(DataFolder.file(context, ""));
    }

    IntegritySeal(Path folder) {
        Path keyFile = folder.resolve(KEY_FILE);
        try {
            if (Files.isRegularFile(keyFile) && Files.size(keyFile) == 32) {
                key = Files.readAllBytes(keyFile);
            } else {
                byte[] made = new byte[32];
                new SecureRandom().nextBytes(made);
                Files.createDirectories(folder);
                key = made;
                // only what is there at this moment is adopted; a file written later without its seal is tampering
                for (String name : EARLIER_RELEASE_FILES) {
                    Path file = folder.resolve(name);
                    if (Files.isRegularFile(file)) {
                        writeAtomically(macFile(file), mac(Files.readAllBytes(file)).getBytes(StandardCharsets.US_ASCII));
                    }
                }
                writeAtomically(keyFile, made);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the integrity key " + keyFile, e);
        }
    }

    /** Writes {@code content} to {@code file} and its MAC next to it, each atomically. */
    public void write(Path file, byte[] content) {
        try {
            Files.createDirectories(file.getParent());
            writeAtomically(file, content);
            writeAtomically(macFile(file), mac(content).getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Checks {@code file} against its MAC. */
    public Verdict check(Path file) {
        Path mac = macFile(file);
        try {
            if (!Files.exists(file)) {
                return Files.exists(mac) ? Verdict.TAMPERED : Verdict.ABSENT;
            }
            byte[] content = Files.readAllBytes(file);
            if (!Files.exists(mac)) {
                return Verdict.TAMPERED;
            }
            byte[] expected = mac(content).getBytes(StandardCharsets.US_ASCII);
            return MessageDigest.isEqual(expected, Files.readAllBytes(mac)) ? Verdict.INTACT : Verdict.TAMPERED;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private String mac(byte[] content) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(hmac.doFinal(content));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM has no HmacSHA256", e);
        }
    }

    private static Path macFile(Path file) {
        return file.resolveSibling(file.getFileName() + ".mac");
    }

    private static void writeAtomically(Path file, byte[] content) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(temp, content);
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
