package org.milkbottle.validation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.milkbottle.validation.api.Provenance;
import org.milkbottle.validation.internal.fixtures.ExitsTheJvm;
import org.milkbottle.validation.internal.fixtures.Harmless;
import org.milkbottle.validation.internal.fixtures.PrintsToFile;

/**
 * Approvals from the install pipeline to the veto guard are keyed by content: what the guard finds is decided by
 * the installed bundle's entries, never by its name, version or the time since the approval.
 */
class PipelineApprovalsTest {

    @TempDir
    Path dir;

    private final PipelineApprovals approvals = new PipelineApprovals();
    private Path good;

    @BeforeEach
    void setUp() throws IOException {
        good = TestJars.plugin("approved.name").addClass(Harmless.class).write(dir, "good.jar");
    }

    @Test
    void aBundleUnderTheApprovedNameAndVersionWithOtherContentIsNotApproved() throws Exception {
        Path hostile = TestJars.plugin("approved.name").addClass(ExitsTheJvm.class).write(dir, "hostile.jar");
        Path superset = TestJars.plugin("approved.name").addClass(Harmless.class).addClass(ExitsTheJvm.class)
                .write(dir, "superset.jar");
        approvals.approved(good);

        assertThat(approvals.take(EntryBundle.of(hostile, "milkbottle:approved.name"))).isNull();
        assertThat(approvals.take(EntryBundle.of(superset, "milkbottle:approved.name"))).isNull();
        // the masquerades did not use the approval up: the approved content still finds it
        assertThat(approvals.take(EntryBundle.of(good, "milkbottle:approved.name"))).isEqualTo(good);
    }

    @Test
    void theApprovedContentIsRecognisedUnderAnotherNameAndPacking() throws Exception {
        Path downloaded = Files.copy(good, dir.resolve("download-7f3a.tmp"));
        // the same files in another order, stored instead of deflated, with other timestamps: other bytes
        Path repacked = repack(good, dir.resolve("hello-renamed.jar"));
        assertThat(Files.mismatch(downloaded, repacked)).isNotEqualTo(-1L);
        approvals.approved(downloaded);

        assertThat(approvals.take(EntryBundle.of(repacked, "milkbottle:another.location"))).isEqualTo(downloaded);
    }

    @Test
    void anApprovalIsTakenOnce() throws Exception {
        approvals.approved(good);
        assertThat(approvals.take(EntryBundle.of(good, "milkbottle:approved.name"))).isEqualTo(good);
        assertThat(approvals.take(EntryBundle.of(good, "milkbottle:approved.name"))).isNull();
        assertThat(approvals.size()).isZero();
    }

    @Test
    void approvalsDoNotExpireOnlyTheOldestGoWhenMoreThanTheCapacityWait() throws Exception {
        PipelineApprovals small = new PipelineApprovals(2);
        Path first = good;
        Path second = TestJars.plugin("second").addClass(Harmless.class).write(dir, "second.jar");
        Path third = TestJars.plugin("third").addClass(PrintsToFile.class).write(dir, "third.jar");
        small.approved(first);
        small.approved(second);
        assertThat(small.size()).isEqualTo(2);
        small.approved(third);

        assertThat(small.take(EntryBundle.of(first, "milkbottle:approved.name"))).isNull();
        assertThat(small.take(EntryBundle.of(second, "milkbottle:second"))).isEqualTo(second);
        assertThat(small.take(EntryBundle.of(third, "milkbottle:third"))).isEqualTo(third);
        assertThat(PipelineApprovals.CAPACITY).isGreaterThanOrEqualTo(1000);
    }

    @Test
    void theValidatorHandsItsApprovalsToTheGuardByContent() throws Exception {
        IntegritySeal seal = new IntegritySeal(dir.resolve("data"));
        ValidatorImpl validator = ValidatorTest.validator(1000, 512L * 1024 * 1024, 8 * 1024 * 1024, 200);
        validator.configureTrust(new TrustStore(dir.resolve("data/truststore.p12"), seal),
                new OperatorAllowList(dir.resolve("data/allowed.json"), seal),
                new ApprovalRecord(dir.resolve("data/approvals.json"), seal), new AuditLog(dir.resolve("audit.jsonl")));
        validator.configurePipeline(approvals);
        Path refused = TestJars.plugin("refused").addClass(ExitsTheJvm.class).write(dir, "refused.jar");

        assertThat(validator.approve(good, Provenance.file("good.jar"), "shell", false).approved()).isTrue();
        assertThat(validator.approve(refused, Provenance.file("refused.jar"), "shell", false).approved()).isFalse();

        assertThat(approvals.size()).isEqualTo(1);
        assertThat(approvals.take(EntryBundle.of(refused, "milkbottle:refused"))).isNull();
        assertThat(approvals.take(EntryBundle.of(good, "milkbottle:approved.name"))).isEqualTo(good);
    }

    @Test
    void theDigestIsTheSameFromTheFileTheBytesAndTheBundleAndNoneForAFileNamedTwice() throws Exception {
        String fromFile = ContentDigest.of(good);
        assertThat(fromFile).hasSize(64);
        assertThat(ContentDigest.of(Files.readAllBytes(good))).isEqualTo(fromFile);
        assertThat(ContentDigest.of(EntryBundle.of(good, "milkbottle:approved.name"))).isEqualTo(fromFile);

        byte[] twoNames = TestJars.plugin("dup").entry("a.txt", new byte[] {1}).entry("b.txt", new byte[] {2}).bytes();
        Path duplicate = Files.write(dir.resolve("dup.jar"), TestJars.rename(twoNames, "b.txt", "a.txt"));
        assertThatThrownBy(() -> ContentDigest.of(duplicate)).hasMessageContaining("a.txt twice");
        approvals.approved(duplicate);
        assertThat(approvals.size()).isZero();
    }

    /** Writes the files of {@code jar} again, last first, stored, dated 1999: the same content, other bytes. */
    private static Path repack(Path jar, Path target) throws IOException {
        try (ZipFile in = new ZipFile(jar.toFile()); OutputStream file = Files.newOutputStream(target);
                ZipOutputStream out = new ZipOutputStream(file)) {
            List<? extends ZipEntry> entries = new ArrayList<>(Collections.list(in.entries()));
            Collections.reverse(entries);
            for (ZipEntry entry : entries) {
                byte[] content;
                try (InputStream stream = in.getInputStream(entry)) {
                    content = stream.readAllBytes();
                }
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setMethod(ZipEntry.STORED);
                copy.setSize(content.length);
                CRC32 crc = new CRC32();
                crc.update(content);
                copy.setCrc(crc.getValue());
                copy.setTime(915_148_800_000L);
                out.putNextEntry(copy);
                out.write(content);
                out.closeEntry();
            }
        }
        return target;
    }
}
