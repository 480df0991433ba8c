package org.milkbottle.sdk.internal.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.milkbottle.sdk.api.PluginTestReport;
import org.milkbottle.sdk.api.PluginTestReport.Check;

class ReportJsonTest {

    private static final PluginTestReport REPORT = new PluginTestReport("org.acme.notes", "1.0.0",
            List.of(new Check("start", true, "ACTIVE"), new Check("health", false, "disk CRITICAL: \"full\"")));

    @Test
    void aReportIsOneLineThatReadsBackTheSame() {
        String json = ReportJson.write(REPORT);

        assertThat(json).doesNotContain("\n").startsWith("{\"plugin\":\"org.acme.notes\"").contains("\"passed\":false");
        assertThat(ReportJson.find(json)).isEqualTo(REPORT);
    }

    @Test
    void theReportIsFoundAmongARuntimesOtherOutputAndALookAlikeIsIgnored() {
        String output = "12:00:01 INFO Deployed x.jar\nInstalled org.acme.notes 1.0.0 (ACTIVE)\n"
                + "{\"plugin\": broken\n" + ReportJson.write(REPORT) + "\n";

        assertThat(ReportJson.find(output)).isEqualTo(REPORT);
        assertThat(ReportJson.find("nothing here\n{\"plugin\": \"half")).isNull();
    }

    @Test
    void theReasonARuntimeGaveIsItsLastLinesWithoutItsLog() {
        String output = "12:00:01 INFO Starting\nstack line 1\n\nstack line 2\nError in 'mb:install x': missing org.x\n"
                + "12:00:02 INFO Stopped\n";

        assertThat(ChildOutput.reason(output, 1))
                .isEqualTo("stack line 1 / stack line 2 / Error in 'mb:install x': missing org.x");
        assertThat(ChildOutput.reason("12:00:01 INFO Starting\n", 3))
                .isEqualTo("the throwaway runtime ended with status 3 and printed nothing");
        assertThat(ChildOutput.reason("x".repeat(2_000), 1)).hasSize(1_001).endsWith("…");
    }
}
