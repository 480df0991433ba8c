package org.milkbottle.validation.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The publishers MilkBottle trusts: X.509 certificates in {@code truststore.p12} in the data folder. A
 * plugin signed by one of them (or by a certificate they issued) is trusted. The store holds
 * certificates only, no private keys, so its password protects nothing and is fixed.
 */
@Component(service = TrustStore.class)
public class TrustStore {

    private static final char[] PASSWORD = "milkbottle".toCharArray();

    /** One trusted certificate. */
    public record Entry(String alias, String subject, String sha256, String notAfter) {
    }

    private static final System.Logger LOG = System.getLogger(TrustStore.class.getName());

    private final Path file;
    private final IntegritySeal seal;
    /** Set once a change behind the runtime's back was seen, so it is reported once, not at every check. */
    private volatile boolean tamperingReported;

    @Activate
    public TrustStore(BundleContext context, @Reference IntegritySeal seal) {
        this(DataFolder.file(context, "truststore.p12"), seal);
    }

    TrustStore(Path file, IntegritySeal seal) {
        this.file = file;
        this.seal = seal;
    }

    /**
     * Whether the trust store on disk was changed behind the runtime's back; such a store is not honoured
     * (no publisher is trusted) until the operator rewrites it with mb:trust-add / mb:trust-remove.
     */
    public synchronized boolean tampered() {
        return seal.check(file) == IntegritySeal.Verdict.TAMPERED;
    }

    /** The trusted certificates. */
    public synchronized List<Entry> list() {
        KeyStore store = load();
        List<Entry> entries = new ArrayList<>();
        try {
            for (String alias : Collections.list(store.aliases())) {
                X509Certificate certificate = (X509Certificate) store.getCertificate(alias);
                entries.add(new Entry(alias, certificate.getSubjectX500Principal().getName(), fingerprint(certificate),
                        certificate.getNotAfter().toInstant().toString()));
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the trust store " + file, e);
        }
        return entries;
    }

    /** Adds the certificate in {@code certificateFile} (PEM or DER) under {@code alias} (or one made from it). */
    public synchronized Entry add(Path certificateFile, String alias) {
        X509Certificate certificate;
        try (InputStream in = Files.newInputStream(certificateFile)) {
            certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException | GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException(certificateFile + " is not an X.509 certificate (PEM or DER): "
                    + e.getMessage(), e);
        }
        String name = alias == null || alias.isBlank() ? defaultAlias(certificate) : alias.trim().toLowerCase();
        KeyStore store = load();
        try {
            if (store.containsAlias(name)) {
                throw new IllegalArgumentException("The trust store already has a certificate named '" + name
                        + "'; remove it first or give another alias.");
            }
            store.setCertificateEntry(name, certificate);
        } catch (KeyStoreException e) {
            throw new IllegalStateException("cannot update the trust store", e);
        }
        save(store);
        return new Entry(name, certificate.getSubjectX500Principal().getName(), fingerprint(certificate),
                certificate.getNotAfter().toInstant().toString());
    }

    /** Removes a certificate; false if there was none of that name. */
    public synchronized boolean remove(String alias) {
        KeyStore store = load();
        try {
            if (!store.containsAlias(alias)) {
                return false;
            }
            store.deleteEntry(alias);
        } catch (KeyStoreException e) {
            throw new IllegalStateException("cannot update the trust store", e);
        }
        save(store);
        return true;
    }

    /** Whether any certificate of the signer's chain is trusted. */
    public synchronized boolean trusts(List<? extends Certificate> chain) {
        KeyStore store = load();
        try {
            for (Certificate certificate : chain) {
                if (store.getCertificateAlias(certificate) != null) {
                    return true;
                }
            }
        } catch (KeyStoreException e) {
            throw new IllegalStateException("cannot read the trust store", e);
        }
        return false;
    }

    private KeyStore load() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            IntegritySeal.Verdict verdict = seal.check(file);
            if (verdict == IntegritySeal.Verdict.TAMPERED) {
                if (!tamperingReported) {
                    tamperingReported = true;
                    LOG.log(System.Logger.Level.ERROR, "The trust store " + file + " was changed behind MilkBottle's "
                            + "back; it is not honoured (no publisher is trusted). Check the data folder, then "
                            + "re-add your publishers with mb:trust-add CERTFILE.");
                }
                store.load(null, PASSWORD);
            } else if (verdict != IntegritySeal.Verdict.ABSENT) {
                try (InputStream in = Files.newInputStream(file)) {
                    store.load(in, PASSWORD);
                }
            } else {
                store.load(null, PASSWORD);
            }
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the trust store " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the trust store " + file, e);
        }
    }

    private void save(KeyStore store) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, PASSWORD);
            seal.write(file, out.toByteArray());
            tamperingReported = false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the trust store " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot write the trust store " + file, e);
        }
    }

    private static String defaultAlias(X509Certificate certificate) {
        String subject = certificate.getSubjectX500Principal().getName();
        for (String part : subject.split(",")) {
            if (part.trim().startsWith("CN=")) {
                return part.trim().substring(3).toLowerCase().replaceAll("[^a-z0-9._-]+", "-");
            }
        }
        return fingerprint(certificate).substring(0, 16);
    }

    static String fingerprint(Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
