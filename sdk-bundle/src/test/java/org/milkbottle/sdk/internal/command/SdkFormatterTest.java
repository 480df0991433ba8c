package org.milkbottle.sdk.internal.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.milkbottle.sdk.api.PluginTestReport;
import org.milkbottle.sdk.api.PluginTestReport.Check;

class SdkFormatterTest {

    @Test
    void aTestReportIsAVerdictThenOneAlignedLinePerCheck() {
        PluginTestReport report = new PluginTestReport("org.acme.notes", "1.0.0", List.of(
                new Check("install", true, "validated and installed"), new Check("components", false, "X failed")));

        assertThat(SdkFormatter.tested(report)).isEqualTo("""
                org.acme.notes 1.0.0: FAILED (1 of 2 checks passed)
                  PASS  install     validated and installed
                  FAIL  components  X failed""");
    }
}
