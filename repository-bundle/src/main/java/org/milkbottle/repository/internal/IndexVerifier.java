package org.milkbottle.repository.internal;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

import org.milkbottle.repository.api.RepositoryException;

/** Checks a marketplace index (or advisory list) against the detached signature made with the marketplace's key. */
final class IndexVerifier {

    private IndexVerifier() {
    }

    static PublicKey key(String pem) {
        try {
            byte[] der = Base64.getDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
            return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new RepositoryException("The marketplace key is not a PEM-encoded EC public key (" + e.getMessage()
                    + ").");
        }
    }

    /** The key's SHA-256 fingerprint, for people to compare. */
    static String fingerprint(String pem) {
        try {
            return HexFormat.ofDelimiter(":").formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key(pem).getEncoded())).substring(0, 47);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static void verify(String repository, byte[] index, String signature, String publicKeyPem) {
        boolean valid;
        try {
            Signature verifier = Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(key(publicKeyPem));
            verifier.update(index);
            valid = signature != null && verifier.verify(Base64.getDecoder().decode(signature.trim()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            valid = false;
        }
        if (!valid) {
            throw new RepositoryException("The index of repository '" + repository + "' does not match its signature: "
                    + "it was changed after the marketplace signed it, or it is signed by another key. Nothing was "
                    + "installed from it. If the marketplace changed its key, remove and add the repository again.");
        }
    }
}
