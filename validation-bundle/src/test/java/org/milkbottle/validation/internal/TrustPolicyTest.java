package org.milkbottle.validation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.milkbottle.validation.api.Finding;
import org.milkbottle.validation.api.Provenance;
import org.milkbottle.validation.api.Severity;
import org.milkbottle.validation.api.ValidationReport;
import org.milkbottle.validation.internal.fixtures.ExitsTheJvm;
import org.milkbottle.validation.internal.fixtures.Harmless;
import org.milkbottle.validation.internal.fixtures.StartsProcess;

/**
 * Trust from provenance: the same bytes are refused or approved by where they came from and what the
 * operator allowed — never by the headers the jar chose to carry.
 */
class TrustPolicyTest {

    @TempDir
    Path dir;

    private ValidatorImpl validator;
    private OperatorAllowList allowList;
    private TrustStore trustStore;
    private AuditLog audit;
    private Path library;

    @BeforeEach
    void setUp() throws Exception {
        IntegritySeal seal = new IntegritySeal(dir.resolve("data"));
        validator = ValidatorTest.validator(1000, 512L * 1024 * 1024, 8 * 1024 * 1024, 200);
        trustStore = new TrustStore(dir.resolve("data/truststore.p12"), seal);
        allowList = new OperatorAllowList(dir.resolve("data/allowed.json"), seal);
        audit = new AuditLog(dir.resolve("data/audit.jsonl"));
        validator.configureTrust(trustStore, allowList, new ApprovalRecord(dir.resolve("data/approvals.json"), seal),
                audit);
        // a library: no MilkBottle headers at all, code that starts processes
        library = TestJars.library("com.acme.spawner").addClass(StartsProcess.class).write(dir, "spawner.jar");
    }

    private static Provenance maven(String source) {
        return new Provenance(Provenance.Kind.TRUSTED_MAVEN, source, "SHA-256 matches the trusted repository",
                List.of());
    }

    @Test
    void aLibraryFromALocalFileIsHeldToThePluginRulesAndTheRefusalSaysHowToProceed() {
        ValidationReport report = validator.validate(library, Provenance.file("spawner.jar"));
        assertThat(report.approved()).isFalse();
        assertThat(report.trustLevel()).isEqualTo("untrusted");
        assertThat(report.errors()).extracting(Finding::rule).containsOnly("trust.permission-not-allowed");
        assertThat(report.errors().get(0).message()).contains("'process'", "mb:trust-allow " + report.sha256(),
                "--allow-permissions process", "mvn:");
    }

    @Test
    void theDeployFolderAndRawInstallsAreUntrustedToo() {
        for (Provenance.Kind kind : List.of(Provenance.Kind.DEPLOY_FOLDER, Provenance.Kind.RAW_INSTALL,
                Provenance.Kind.URL)) {
            ValidationReport report = validator.validate(library, new Provenance(kind, "x", "", List.of()));
            assertThat(report.approved()).as(kind.name()).isFalse();
        }
    }

    @Test
    void theSameLibraryFromATrustedMavenRepositoryIsGrantedWhatItUsesButFramework() throws Exception {
        ValidationReport report = validator.validate(library, maven("mvn:com.acme/spawner/1.0"));
        assertThat(report.approved()).as(report.findings().toString()).isTrue();
        assertThat(report.trustLevel()).isEqualTo("source");
        assertThat(report.findings()).extracting(Finding::rule).contains("permissions.granted");

    }

    @Test
    void frameworkLevelCallsAreRefusedToPluginsAndMarketplaceLibrariesButOnlyWarnedOfInVouchedLibraries()
            throws Exception {
        // popular libraries carry such calls (Guava's shutdown hook, System.exit in a main method, H2's driver
        // deregistration): a library from a trusted Maven repository is warned of, and held by the hooks
        Path exits = TestJars.library("com.acme.exits").addClass(ExitsTheJvm.class).write(dir, "exits.jar");
        ValidationReport vouched = validator.validate(exits, maven("mvn:com.acme/exits/1.0"));
        assertThat(vouched.approved()).as(vouched.findings().toString()).isTrue();
        assertThat(vouched.findings()).filteredOn(f -> f.rule().equals("trust.framework-use-vouched"))
                .extracting(Finding::severity).containsOnly(Severity.WARNING);

        ValidationReport published = validator.validate(exits, new Provenance(Provenance.Kind.MARKETPLACE_INDEX,
                "exits", "listed in a signed index", List.of()));
        assertThat(published.approved()).as("a third party published it").isFalse();

        Path plugin = TestJars.plugin("com.acme.exitplugin").addClass(ExitsTheJvm.class).write(dir, "exitp.jar");
        ValidationReport exiting = validator.validate(plugin, maven("mvn:com.acme/exitplugin/1.0"));
        assertThat(exiting.approved()).as("a plugin needs framework from a trusted signer").isFalse();
        assertThat(exiting.errors()).extracting(Finding::message).anyMatch(m -> m.contains("trust store"));
    }

    @Test
    void theOperatorAllowsExactContentBySha256AndCanRevokeIt() throws Exception {
        String sha = validator.validate(library, Provenance.file("spawner.jar")).sha256();
        allowList.allow(sha, "reviewed by Ada");
        ValidationReport allowed = validator.validate(library, Provenance.file("spawner.jar"));
        assertThat(allowed.approved()).as(allowed.findings().toString()).isTrue();
        assertThat(allowed.trustLevel()).isEqualTo("operator");

        Path other = TestJars.library("com.acme.spawner").addClass(StartsProcess.class).addClass(Harmless.class)
                .write(dir, "other.jar");
        assertThat(validator.validate(other, Provenance.file("other.jar")).approved())
                .as("another content is not allowed by this SHA-256").isFalse();

        assertThat(allowList.revoke(sha)).isTrue();
        assertThat(validator.validate(library, Provenance.file("spawner.jar")).approved()).isFalse();
    }

    @Test
    void allowPermissionsForOneInstallIsRecordedButNeverGrantsFramework() throws Exception {
        ValidationReport report = validator.approve(library, Provenance.file("spawner.jar").allowing(
                List.of("process")), "shell --allow-permissions process", false);
        assertThat(report.errors()).extracting(Finding::rule).containsOnly("permissions.undeclared");

        Path plugin = TestJars.plugin("com.acme.proc").header("MilkBottle-Permissions", "process")
                .addClass(StartsProcess.class).write(dir, "proc.jar");
        ValidationReport allowed = validator.approve(plugin, Provenance.file("proc.jar").allowing(List.of("process")),
                "shell --allow-permissions process", false);
        assertThat(allowed.approved()).as(allowed.findings().toString()).isTrue();
        assertThat(audit.tail(1).get(0).origin()).isEqualTo("shell --allow-permissions process");
        assertThat(audit.tail(1).get(0).report().provenance().allowedPermissions()).containsExactly("process");

        Path framework = TestJars.plugin("com.acme.fw").header("MilkBottle-Permissions", "framework")
                .addClass(Harmless.class).write(dir, "fw.jar");
        assertThat(validator.validate(framework, Provenance.file("fw.jar").allowing(List.of("framework"))).approved())
                .isFalse();
    }

    @Test
    void anAllowListOrTrustStoreWrittenBehindTheRuntimesBackIsNotHonoured() throws Exception {
        String sha = validator.validate(library, Provenance.file("spawner.jar")).sha256();
        allowList.allow(sha, "reviewed");
        assertThat(allowList.allows(sha)).isTrue();
        // a plugin with file-write rewrites the list to allow its own second stage
        Path file = dir.resolve("data/allowed.json");
        Files.writeString(file, Files.readString(file).replace(sha, "a".repeat(64)));
        assertThat(allowList.tampered()).isTrue();
        assertThat(allowList.allows("a".repeat(64))).isFalse();
        assertThat(allowList.allows(sha)).isFalse();

        // planted while the runtime was stopped: the next start has the key already, so this is not an upgrade
        Files.write(dir.resolve("data/truststore.p12"), new byte[] {1, 2, 3});
        TrustStore nextStart = new TrustStore(dir.resolve("data/truststore.p12"), new IntegritySeal(dir.resolve("data")));
        assertThat(nextStart.tampered()).isTrue();
        assertThat(nextStart.list()).isEmpty();
    }

    @Test
    void dataFromAnEarlierReleaseIsAdoptedOnceButAnUnsealedFileLaterIsTampering() throws Exception {
        Path data = dir.resolve("old");
        Files.createDirectories(data);
        Files.writeString(data.resolve("allowed.json"), "[]");
        IntegritySeal first = new IntegritySeal(data);
        assertThat(first.check(data.resolve("allowed.json"))).isEqualTo(IntegritySeal.Verdict.INTACT);

        // written after the key was made, in the same run or a later one: tampering
        Files.writeString(data.resolve("truststore.p12"), "planted");
        assertThat(first.check(data.resolve("truststore.p12"))).isEqualTo(IntegritySeal.Verdict.TAMPERED);
        IntegritySeal later = new IntegritySeal(data);
        assertThat(later.check(data.resolve("truststore.p12"))).isEqualTo(IntegritySeal.Verdict.TAMPERED);
    }

    @Test
    void contentPutBackIsJudgedByTheProvenanceItWasApprovedWith() {
        ValidationReport first = validator.approve(library, maven("mvn:com.acme/spawner/1.0"), "shell", false);
        assertThat(first.approved()).isTrue();
        ValidationReport restored = validator.reapprove(library, "mvn:com.acme/spawner/1.0", "rollback");
        assertThat(restored.approved()).as(restored.findings().toString()).isTrue();
        assertThat(restored.trustLevel()).isEqualTo("source");
        assertThat(audit.tail(1).get(0).origin()).isEqualTo("rollback");
    }
}
