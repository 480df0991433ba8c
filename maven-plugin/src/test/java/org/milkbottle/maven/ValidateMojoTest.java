package org.milkbottle.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.milkbottle.validation.api.Finding;
import org.milkbottle.validation.api.Severity;
import org.milkbottle.validation.api.ValidationReport;

class ValidateMojoTest {

    private static ValidationReport report(Finding... findings) {
        return new ValidationReport("x.jar", "org.acme.x", "1.0.0", "0".repeat(64), true, List.of(), List.of(),
                List.of(findings), null, null);
    }

    @Test
    void allowedPermissionsBecomeWarningsAndNothingElseChanges() {
        Finding process = new Finding(ValidateMojo.NOT_ALLOWED, Severity.ERROR, "uses Runtime.exec in X.run, which "
                + "needs permission 'process'; …", "X.run");
        Finding reflection = new Finding(ValidateMojo.NOT_ALLOWED, Severity.ERROR, "uses Method.invoke in X.y, which "
                + "needs permission 'reflection'; …", "X.y");
        Finding contact = new Finding("metadata.contact", Severity.ERROR, "Bundle-ContactAddress 'nobody' is not an "
                + "email address.", "Bundle-ContactAddress");

        ValidationReport allowed = ValidateMojo.allowing(report(process, reflection, contact), " process ");

        assertThat(allowed.findings()).extracting(Finding::severity)
                .containsExactly(Severity.WARNING, Severity.ERROR, Severity.ERROR);
        assertThat(ValidateMojo.allowing(report(process), null).approved()).isFalse();
        assertThat(ValidateMojo.allowing(report(process, reflection), "process,reflection").approved()).isTrue();
        assertThat(ValidateMojo.allowing(report(contact), "process,reflection").approved())
                .as("only the trust of a permission can be allowed").isFalse();
    }

    @Test
    void aFindingLineNamesTheRuleTheMessageAndWhere() {
        assertThat(FindingLines.of(new Finding("metadata.contact", Severity.ERROR, "not an email", "Bundle-Contact")))
                .isEqualTo("[metadata.contact] not an email (at Bundle-Contact)");
        assertThat(FindingLines.of(new Finding("a.b", Severity.INFO, "note", ""))).isEqualTo("[a.b] note");
    }
}
