package org.milkbottle.validation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.milkbottle.validation.api.Finding;
import org.milkbottle.validation.api.Severity;
import org.milkbottle.validation.api.ValidationReport;
import org.milkbottle.validation.internal.fixtures.ExitsTheJvm;
import org.milkbottle.validation.internal.fixtures.Harmless;
import org.milkbottle.validation.internal.fixtures.PrintsToFile;
import org.milkbottle.validation.internal.fixtures.ReflectsAndLoads;
import org.milkbottle.validation.internal.fixtures.StartsProcess;

class ValidatorTest {

    @TempDir
    Path dir;

    private final ValidatorImpl validator = validator(1000, 512L * 1024 * 1024, 256 * 1024, 200);

    static ValidatorImpl validator(int entries, long bytes, int manifest, int ratio) {
        ValidatorImpl validator = new ValidatorImpl();
        validator.configureStandalone(new ValidationLimits() {
            public Class<? extends Annotation> annotationType() {
                return ValidationLimits.class;
            }

            public int maxEntries() {
                return entries;
            }

            public long maxUncompressedBytes() {
                return bytes;
            }

            public int maxManifestBytes() {
                return manifest;
            }

            public int maxCompressionRatio() {
                return ratio;
            }

            public String[] untrustedPermissions() {
                return new String[] {"network", "file-write"};
            }

            public boolean networkRequiresTrust() {
                return true;
            }
        });
        return validator;
    }

    private ValidationReport check(TestJars jar) throws Exception {
        return validator.validate(jar.write(dir, "t" + System.nanoTime() + ".jar"), "test.jar");
    }

    private static boolean has(ValidationReport report, String rule, Severity severity) {
        return report.findings().stream().anyMatch(f -> f.rule().equals(rule) && f.severity() == severity);
    }

    @Test
    void aWellFormedHarmlessPluginIsApproved() throws Exception {
        ValidationReport report = check(TestJars.plugin("good").addClass(Harmless.class));
        assertThat(report.approved()).as(report.findings().toString()).isTrue();
        assertThat(report.plugin()).isTrue();
        assertThat(report.sha256()).hasSize(64);
        assertThat(report.usedPermissions()).isEmpty();
    }

    @Test
    void archiveSafety() throws Exception {
        assertThat(has(check(TestJars.plugin("trav").entry("../../x", new byte[1])), "archive.path-traversal",
                Severity.ERROR)).isTrue();
        assertThat(has(check(TestJars.plugin("abs").entry("/etc/cron.d/x", new byte[1])), "archive.path-traversal",
                Severity.ERROR)).isTrue();

        byte[] twoNames = TestJars.plugin("dup").entry("a.txt", new byte[] {1}).entry("b.txt", new byte[] {2}).bytes();
        Path duplicate = Files.write(dir.resolve("dup.jar"), TestJars.rename(twoNames, "b.txt", "a.txt"));
        assertThat(has(validator.validate(duplicate, "dup.jar"), "archive.duplicate-entry", Severity.ERROR)).isTrue();

        ValidationReport bomb = check(TestJars.plugin("bomb").entry("zeros.bin", new byte[20 * 1024 * 1024]));
        assertThat(has(bomb, "archive.compression-ratio", Severity.ERROR)).isTrue();
        assertThat(bomb.approved()).isFalse();

        ValidatorImpl strict = validator(3, 1000, 100, 200);
        ValidationReport many = strict.validate(TestJars.plugin("many").entry("1", new byte[400]).entry("2",
                new byte[400]).entry("3", new byte[400]).write(dir, "many.jar"), "many.jar");
        assertThat(has(many, "archive.too-many-entries", Severity.ERROR)).isTrue();
        assertThat(has(many, "archive.too-large", Severity.ERROR)).isTrue();
        assertThat(has(many, "archive.manifest-too-large", Severity.ERROR)).isTrue();

        Path notZip = Files.writeString(dir.resolve("text.jar"), "not a zip");
        assertThat(has(validator.validate(notZip, "text.jar"), "archive.unreadable", Severity.ERROR)).isTrue();
    }

    @Test
    void metadata() throws Exception {
        ValidationReport bare = check(new TestJars().header("Bundle-ManifestVersion", "2")
                .header("Bundle-SymbolicName", "bare").header("Bundle-Version", "1.0.0")
                .header("Require-Capability", "milkbottle.runtime;filter:=\"(milkbottle.runtime=milkbottle)\""));
        assertThat(bare.findings()).filteredOn(f -> f.rule().equals("metadata.missing-header"))
                .extracting(Finding::location)
                .containsExactlyInAnyOrder("Bundle-Name", "Bundle-Description", "Bundle-Vendor", "Bundle-License");
        assertThat(has(bare, "metadata.contact", Severity.ERROR)).isTrue();
        assertThat(has(bare, "metadata.runtime-range", Severity.WARNING)).isTrue();

        assertThat(has(check(TestJars.plugin("p").header("Bundle-ContactAddress", "not an email")), "metadata.contact",
                Severity.ERROR)).isTrue();
        assertThat(has(check(TestJars.plugin("p").header("MilkBottle-Permissions", "everything")),
                "metadata.permissions", Severity.ERROR)).isTrue();
        assertThat(has(check(TestJars.library("lib").header("Bundle-Version", "x.y")), "metadata.version",
                Severity.ERROR)).isTrue();
        assertThat(check(TestJars.library("lib")).approved()).as("a library needs no plugin headers").isTrue();
        assertThat(has(check(new TestJars().header("Implementation-Title", "plain")), "metadata.symbolic-name",
                Severity.ERROR)).isTrue();
    }

    @Test
    void undeclaredPermissionsAreRefusedWithWhereAndWhat() throws Exception {
        ValidationReport report = check(TestJars.plugin("print").addClass(PrintsToFile.class));
        assertThat(report.approved()).isFalse();
        assertThat(report.errors()).filteredOn(f -> f.rule().equals("permissions.undeclared"))
                .extracting(Finding::message).anyMatch(m -> m.startsWith("uses new PrintStream in "
                        + PrintsToFile.class.getName()) && m.contains("does not declare permission 'file-write'"));

        ValidationReport declared = check(TestJars.plugin("print").header("MilkBottle-Permissions", "file-write")
                .addClass(PrintsToFile.class));
        assertThat(declared.approved()).as(declared.findings().toString()).isTrue();
        assertThat(declared.usedPermissions()).containsExactly("file-write");
    }

    @Test
    void anUntrustedPluginMayNotHoldProcessEvenWhenItDeclaresIt() throws Exception {
        ValidationReport report = check(TestJars.plugin("proc").header("MilkBottle-Permissions", "process")
                .addClass(StartsProcess.class));
        assertThat(report.approved()).isFalse();
        assertThat(report.trustLevel()).isEqualTo("untrusted");
        assertThat(report.errors()).extracting(Finding::rule).contains("trust.permission-not-allowed");
        assertThat(report.errors()).extracting(Finding::message)
                .anyMatch(m -> m.contains("mb:trust-allow " + report.sha256()));
    }

    @Test
    void reflectionOnComputedNamesAndFileWritesAreFound() throws Exception {
        ValidationReport report = check(TestJars.plugin("refl").addClass(ReflectsAndLoads.class));
        assertThat(report.usedPermissions()).containsExactlyInAnyOrder("reflection", "file-write");
        assertThat(report.errors()).extracting(Finding::message)
                .anyMatch(m -> m.contains(" in " + ReflectsAndLoads.class.getName() + ".peek")
                        && m.contains("needs permission 'reflection'"));
    }

    @Test
    void exitIsRefusedToPluginsAndToLibrariesFromAFileAlike() throws Exception {
        ValidationReport plugin = check(TestJars.plugin("exit").header("MilkBottle-Permissions", "process")
                .addClass(ExitsTheJvm.class));
        assertThat(plugin.approved()).isFalse();
        assertThat(plugin.usedPermissions()).contains("framework");
        ValidationReport library = check(TestJars.library("exitlib").addClass(ExitsTheJvm.class)
                .addClass(StartsProcess.class));
        assertThat(library.approved()).as("leaving out the runtime header changes nothing").isFalse();
        assertThat(library.errors()).extracting(Finding::rule).contains("trust.permission-not-allowed");
    }

    @Test
    void printStreamOnAFileNameNeedsFileWriteButPrintingDoesNot() throws Exception {
        ValidationReport report = check(TestJars.plugin("print").addClass(PrintsToFile.class));
        assertThat(report.usedPermissions()).containsExactly("file-write");
        assertThat(report.errors()).extracting(Finding::message)
                .anyMatch(m -> m.startsWith("uses new PrintStream in " + PrintsToFile.class.getName()));
        assertThat(check(TestJars.plugin("quiet").addClass(Harmless.class)).usedPermissions()).isEmpty();
    }

    @Test
    void malformedClassFilesAreRefused() throws Exception {
        byte[] real = TestJars.classBytes(StartsProcess.class);
        ValidationReport cut = check(TestJars.plugin("cut").entry("com/x/Cut.class", Arrays.copyOf(real, 40)));
        assertThat(has(cut, "bytecode.malformed", Severity.ERROR)).as(cut.findings().toString()).isTrue();

        ValidationReport report = check(TestJars.plugin("bad").entry("com/x/Bad.class", new byte[] {(byte) 0xCA,
            (byte) 0xFE, 0, 1, 2}));
        assertThat(has(report, "bytecode.malformed", Severity.ERROR)).isTrue();

        byte[] future = new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 99, 0, 0};
        ValidationReport newer = check(TestJars.plugin("future").entry("com/x/Future.class", future));
        assertThat(has(newer, "bytecode.unsupported-version", Severity.ERROR)).as(newer.findings().toString()).isTrue();
    }
}
