package org.milkbottle.validation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.milkbottle.validation.api.Provenance;
import org.milkbottle.validation.api.ValidationReport;
import org.milkbottle.validation.internal.fixtures.Harmless;
import org.milkbottle.validation.testing.Signing;

class SignatureTest {

    @TempDir
    Path dir;

    private ValidatorImpl validator(TrustStore trustStore) throws Exception {
        ValidatorImpl validator = ValidatorTest.validator(1000, 512L * 1024 * 1024, 256 * 1024, 200);
        var field = ValidatorImpl.class.getDeclaredField("trustStore");
        field.setAccessible(true);
        field.set(validator, trustStore);
        return validator;
    }

    private Path plugin(String name, String permissions) throws Exception {
        return TestJars.plugin(name).header("MilkBottle-Permissions", permissions).addClass(Harmless.class)
                .write(dir, name + ".jar");
    }

    private static boolean has(ValidationReport report, String rule) {
        return report.findings().stream().anyMatch(f -> f.rule().equals(rule));
    }

    @Test
    void trustComesFromASignatureByAPublisherInTheTrustStore() throws Exception {
        TrustStore trustStore = new TrustStore(dir.resolve("truststore.p12"), new IntegritySeal(dir));
        ValidatorImpl validator = validator(trustStore);
        Signing publisher = new Signing(dir, "acme");
        Path jar = publisher.sign(plugin("signed", "framework"));

        ValidationReport untrusted = validator.validate(jar, "signed.jar");
        assertThat(untrusted.trust()).isEqualTo("untrusted");
        assertThat(untrusted.signer()).contains("CN=acme");
        assertThat(has(untrusted, "trust.permission-not-allowed")).isTrue();

        trustStore.add(publisher.exportCertificate(dir.resolve("acme.pem")), null);
        assertThat(trustStore.list()).extracting(TrustStore.Entry::alias).containsExactly("acme");
        ValidationReport trusted = validator.validate(jar, "signed.jar");
        assertThat(trusted.trust()).isEqualTo("trusted");
        assertThat(trusted.approved()).as(trusted.findings().toString()).isTrue();

        assertThat(trustStore.remove("acme")).isTrue();
        assertThat(validator.validate(jar, "signed.jar").trust()).isEqualTo("untrusted");
    }

    @Test
    void unsignedPluginsMayNotDeclareFrameworkAndDownloadsNeedTrust() throws Exception {
        ValidatorImpl validator = validator(new TrustStore(dir.resolve("truststore.p12"), new IntegritySeal(dir)));
        ValidationReport unsigned = validator.validate(plugin("plain", "file-write"), "plain.jar");
        assertThat(unsigned.trust()).isEqualTo("unsigned");
        assertThat(unsigned.approved()).as(unsigned.findings().toString()).isTrue();
        assertThat(has(validator.validate(plugin("power", "framework"), "power.jar"), "trust.permission-not-allowed"))
                .isTrue();
        assertThat(has(validator.validate(plugin("remote", ""), new Provenance(Provenance.Kind.URL,
                "https://example.org/remote.jar", "", List.of())), "trust.required")).isTrue();
    }

    @Test
    void tamperedAndPartlySignedJarsAreAlwaysRefused() throws Exception {
        ValidatorImpl validator = validator(new TrustStore(dir.resolve("truststore.p12"), new IntegritySeal(dir)));
        Path signed = new Signing(dir, "acme").sign(plugin("victim", ""));

        Path tampered = rewrite(signed, dir.resolve("tampered.jar"), "org/milkbottle/validation/internal/fixtures/Harmless.class",
                "not the signed bytes".getBytes(StandardCharsets.UTF_8), null);
        ValidationReport report = validator.validate(tampered, "tampered.jar");
        assertThat(has(report, "signature.tampered")).isTrue();
        assertThat(report.approved()).isFalse();

        Path extended = rewrite(signed, dir.resolve("extended.jar"), null, null, "extra/Added.txt");
        ValidationReport partial = validator.validate(extended, "extended.jar");
        assertThat(has(partial, "signature.partial")).isTrue();
        assertThat(partial.approved()).isFalse();
    }

    /** Copies a jar, replacing one entry's content and/or adding one entry, keeping the signature files. */
    private static Path rewrite(Path source, Path target, String replace, byte[] content, String add) throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (ZipFile zip = new ZipFile(source.toFile()); ZipOutputStream out = new ZipOutputStream(buffer)) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals(replace)) {
                    out.write(content);
                } else {
                    try (InputStream in = zip.getInputStream(entry)) {
                        in.transferTo(out);
                    }
                }
                out.closeEntry();
            }
            if (add != null) {
                out.putNextEntry(new ZipEntry(add));
                out.write("added after signing".getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return Files.write(target, buffer.toByteArray());
    }
}
