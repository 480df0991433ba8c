package org.milkbottle.validation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.milkbottle.validation.api.Finding;
import org.milkbottle.validation.api.Findings;
import org.milkbottle.validation.api.PluginArchive;
import org.milkbottle.validation.api.Severity;
import org.milkbottle.validation.api.ValidationReport;
import org.milkbottle.validation.api.ValidationRule;
import org.milkbottle.validation.api.Validator;
import org.milkbottle.validation.internal.fixtures.Harmless;

/**
 * The metadata rule's refusals that the other tests leave out (no manifest, a malformed name, range or
 * value), the extension point for extra rules (a rule that reports, a rule that throws), and the
 * validator tools use outside a framework.
 */
class MetadataAndExtraRulesTest {

    private static final String RUNTIME = "milkbottle.runtime;filter:=\"(&(milkbottle.runtime=milkbottle)"
            + "(version>=1.0)(!(version>=2.0)))\"";

    @TempDir
    Path dir;

    private final ValidatorImpl validator = ValidatorTest.validator(1000, 512L * 1024 * 1024, 256 * 1024, 200);

    private ValidationReport check(TestJars jar) throws Exception {
        return validator.validate(jar.write(dir, "t" + System.nanoTime() + ".jar"), "test.jar");
    }

    private static Finding finding(ValidationReport report, String rule) {
        return report.findings().stream().filter(f -> f.rule().equals(rule)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + rule + " in " + report.findings()));
    }

    private Path jarWithoutManifest() throws Exception {
        Path jar = dir.resolve("plain.jar");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            zip.putNextEntry(new ZipEntry("readme.txt"));
            zip.write("not a bundle".getBytes());
            zip.closeEntry();
        }
        return jar;
    }

    @Test
    void theStandaloneValidatorApprovesAHarmlessPluginAndRefusesAJarWithoutManifest() throws Exception {
        Validator standalone = StandaloneValidator.create();

        ValidationReport good = standalone.validate(TestJars.plugin("good").addClass(Harmless.class)
                .write(dir, "good.jar"), "good.jar");
        assertThat(good.approved()).as(good.findings().toString()).isTrue();
        assertThat(good.symbolicName()).isEqualTo("good");

        ValidationReport plain = standalone.validate(jarWithoutManifest(), "plain.jar");
        assertThat(plain.approved()).isFalse();
        Finding noManifest = finding(plain, "metadata.no-manifest");
        assertThat(noManifest.severity()).isEqualTo(Severity.ERROR);
        assertThat(noManifest.message()).contains("no readable META-INF/MANIFEST.MF").contains("bnd");
    }

    @Test
    void aSymbolicNameWithSpacesIsRefusedWithTheRuleForNames() throws Exception {
        ValidationReport report = check(TestJars.library("bad name!"));
        assertThat(report.approved()).isFalse();
        Finding finding = finding(report, "metadata.symbolic-name");
        assertThat(finding.message()).contains("'bad name!' is not a valid name")
                .contains("dot-separated letters, digits");
        assertThat(finding.location()).isEqualTo("Bundle-SymbolicName");
    }

    @Test
    void aSymbolicNameWithDirectivesIsJudgedByItsNameAlone() throws Exception {
        ValidationReport report = check(TestJars.library("com.example.lib;singleton:=true"));
        assertThat(report.findings()).noneMatch(f -> f.rule().equals("metadata.symbolic-name"));
    }

    @Test
    void aPluginWithoutVersionIsToldItNeedsASemanticVersion() throws Exception {
        TestJars jar = new TestJars().header("Bundle-ManifestVersion", "2").header("Bundle-SymbolicName", "nov")
                .header("Bundle-Name", "nov").header("Bundle-Description", "d").header("Bundle-Vendor", "v")
                .header("Bundle-ContactAddress", "dev@example.com").header("Bundle-License", "MIT")
                .header("Require-Capability", RUNTIME);
        ValidationReport report = check(jar);
        assertThat(report.approved()).isFalse();
        assertThat(finding(report, "metadata.version").message()).contains("Bundle-Version is missing")
                .contains("major.minor.micro");
    }

    @Test
    void aLibraryWithoutVersionIsNotHeldToThePluginRules() throws Exception {
        TestJars jar = new TestJars().header("Bundle-ManifestVersion", "2").header("Bundle-SymbolicName", "lib");
        ValidationReport report = check(jar);
        assertThat(report.findings()).noneMatch(f -> f.rule().startsWith("metadata."));
    }

    @Test
    void aRuntimeRequirementWithoutFilterIsAnError() throws Exception {
        ValidationReport report = check(TestJars.plugin("nofilter").header("Require-Capability",
                "milkbottle.runtime"));
        Finding finding = finding(report, "metadata.runtime-range");
        assertThat(finding.severity()).isEqualTo(Severity.ERROR);
        assertThat(finding.message()).contains("has no filter").contains("[1.0,2.0)");
        assertThat(report.approved()).isFalse();
    }

    @Test
    void anInvalidImportVersionRangeIsNamed() throws Exception {
        ValidationReport report = check(TestJars.plugin("ranges").header("Import-Package",
                "org.a;version=\"[1.0,2.0)\",org.b;version=\"[2.0,oops\""));
        assertThat(report.findings()).filteredOn(f -> f.rule().equals("metadata.version-range"))
                .singleElement().satisfies(f -> {
                    assertThat(f.message()).contains("'[2.0,oops'");
                    assertThat(f.location()).isEqualTo("Import-Package");
                });
    }

    @Test
    void tagsAndCapabilitiesMustBePlainWords() throws Exception {
        ValidationReport report = check(TestJars.plugin("tags").header("MilkBottle-Tags", "tools, two words,ok-1")
                .header("MilkBottle-Capabilities", "greeting,<script>"));
        assertThat(report.findings()).filteredOn(f -> f.rule().equals("metadata.values"))
                .extracting(Finding::message)
                .containsExactlyInAnyOrder(
                        "MilkBottle-Tags value 'two words' is not a plain word (letters, digits, '.', '-', '_').",
                        "MilkBottle-Capabilities value '<script>' is not a plain word (letters, digits, '.', '-', "
                                + "'_').");
    }

    @Test
    void nativeCodeCountsAsUsingTheNativePermission() throws Exception {
        ValidationReport report = check(TestJars.plugin("nat").header("Bundle-NativeCode",
                "lib/libx.so;osname=Linux"));
        assertThat(report.usedPermissions()).contains("native");
    }

    @Test
    void theHeaderListSplitsOnCommasAndDropsBlanks() {
        assertThat(org.milkbottle.validation.internal.rules.MetadataRule.list(" a, ,b ,, c ")).containsExactly("a",
                "b", "c");
        assertThat(org.milkbottle.validation.internal.rules.MetadataRule.list("  ")).isEmpty();
        assertThat(org.milkbottle.validation.internal.rules.MetadataRule.list(null)).isEmpty();
    }

    @Test
    void anExtraRuleReportsUntilItIsRemoved() throws Exception {
        ValidationRule noTodos = new ValidationRule() {
            @Override
            public String id() {
                return "house";
            }

            @Override
            public void check(PluginArchive archive, Findings findings) {
                if (archive.entryNames().contains("TODO.txt")) {
                    findings.add(new Finding("house.todo", Severity.ERROR, "ship without TODO.txt", "TODO.txt"));
                }
            }
        };
        validator.addRule(noTodos);
        TestJars jar = TestJars.plugin("todo").addClass(Harmless.class).entry("TODO.txt", "x".getBytes());

        ValidationReport refused = check(jar);
        assertThat(refused.approved()).isFalse();
        assertThat(finding(refused, "house.todo").message()).isEqualTo("ship without TODO.txt");

        validator.removeRule(noTodos);
        ValidationReport approved = check(jar);
        assertThat(approved.findings()).noneMatch(f -> f.rule().startsWith("house"));
        assertThat(approved.approved()).as(approved.findings().toString()).isTrue();
    }

    @Test
    void anExtraRuleThatThrowsVetoesTheJarAndIsNamed() throws Exception {
        validator.addRule(new ValidationRule() {
            @Override
            public String id() {
                return "flaky";
            }

            @Override
            public void check(PluginArchive archive, Findings findings) {
                throw new IllegalStateException("index not loaded");
            }
        });
        ValidationReport report = check(TestJars.plugin("any").addClass(Harmless.class));
        assertThat(report.approved()).isFalse();
        Finding failed = finding(report, "flaky.failed");
        assertThat(failed.severity()).isEqualTo(Severity.ERROR);
        assertThat(failed.message()).contains("The validation rule 'flaky' failed")
                .contains("index not loaded").contains("cannot be approved without it");
    }
}
