package org.milkbottle.validation.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.CodeSigner;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import org.milkbottle.validation.api.Finding;
import org.milkbottle.validation.api.Findings;
import org.milkbottle.validation.api.Severity;

/**
 * Verifies a jar's signatures with the JDK's jar verifier: every entry must be signed, by one and the
 * same signer, and match its signed digest. Reports how far the jar can be trusted.
 */
final class SignatureCheck {

    /** How far a jar can be trusted. */
    enum Trust {
        /** No signature at all. */
        UNSIGNED,
        /** Signed, but not by a publisher in the trust store. */
        UNTRUSTED,
        /** Signed by a trusted publisher. */
        TRUSTED,
        /** Tampered with, partly signed or signed by several signers: always refused. */
        INVALID
    }

    /** The verdict, and the signer's subject when signed. */
    record Result(Trust trust, String signer) {
    }

    private SignatureCheck() {
    }

    static Result check(Path jar, TrustStore trustStore, Findings findings, long maxEntryBytes) {
        try (JarFile file = new JarFile(jar.toFile(), true)) {
            boolean signed = Collections.list(file.entries()).stream().anyMatch(e -> isSignatureFile(e.getName()));
            if (!signed) {
                return new Result(Trust.UNSIGNED, null);
            }
            Set<List<Certificate>> signers = new HashSet<>();
            byte[] buffer = new byte[16 * 1024];
            for (JarEntry entry : Collections.list(file.entries())) {
                if (entry.isDirectory() || isSignatureFile(entry.getName())
                        || entry.getName().equals("META-INF/MANIFEST.MF")) {
                    continue;
                }
                long read = 0;
                try (InputStream in = file.getInputStream(entry)) {
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        read += n;
                        if (read > maxEntryBytes) {
                            throw new IOException(entry.getName() + " inflates to more than " + maxEntryBytes + " bytes");
                        }
                    }
                } catch (SecurityException e) {
                    findings.add(new Finding("signature.tampered", Severity.ERROR, "The entry " + entry.getName()
                            + " was changed after the jar was signed (" + e.getMessage() + "). Never install it; get "
                            + "the jar again from its publisher.", entry.getName()));
                    return new Result(Trust.INVALID, null);
                }
                CodeSigner[] codeSigners = entry.getCodeSigners();
                if (codeSigners == null || codeSigners.length == 0) {
                    findings.add(new Finding("signature.partial", Severity.ERROR, "The entry " + entry.getName()
                            + " is not covered by the jar's signature: it was added after signing. Never install it.",
                            entry.getName()));
                    return new Result(Trust.INVALID, null);
                }
                for (CodeSigner signer : codeSigners) {
                    signers.add(List.copyOf(signer.getSignerCertPath().getCertificates()));
                }
            }
            if (signers.size() > 1) {
                findings.add(new Finding("signature.mixed-signers", Severity.ERROR, "The entries of the jar are signed "
                        + "by " + signers.size() + " different signers; a plugin must be signed by one publisher.", null));
                return new Result(Trust.INVALID, null);
            }
            if (signers.isEmpty()) {
                return new Result(Trust.UNSIGNED, null);
            }
            List<Certificate> chain = signers.iterator().next();
            String subject = ((X509Certificate) chain.get(0)).getSubjectX500Principal().getName();
            boolean trusted = trustStore != null && trustStore.trusts(chain);
            findings.add(new Finding("signature.signed", Severity.INFO, "signed by " + subject + " ("
                    + (trusted ? "trusted" : "not in the trust store") + ")", null));
            return new Result(trusted ? Trust.TRUSTED : Trust.UNTRUSTED, subject);
        } catch (IOException e) {
            findings.add(new Finding("signature.unreadable", Severity.ERROR, "The jar's signatures cannot be checked: "
                    + e.getMessage(), null));
            return new Result(Trust.INVALID, null);
        }
    }

    private static boolean isSignatureFile(String name) {
        String upper = name.toUpperCase();
        return upper.startsWith("META-INF/") && upper.indexOf('/', "META-INF/".length()) < 0
                && Arrays.asList(".SF", ".RSA", ".DSA", ".EC").stream().anyMatch(upper::endsWith);
    }
}
