package org.milkbottle.validation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class PolicyRecordFormatTest {

    private static PolicyRecord.Policy parse(String json) throws IOException {
        return PolicyRecord.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aPolicyReadsBackAsWritten() throws IOException {
        PolicyRecord.Policy policy = new PolicyRecord.Policy(List.of("network", "file-write", "framework"), false);
        assertEquals(policy, PolicyRecord.parse(PolicyRecord.format(policy)));
        PolicyRecord.Policy none = new PolicyRecord.Policy(List.of(), true);
        assertEquals(none, PolicyRecord.parse(PolicyRecord.format(none)));
    }

    @Test
    void theFileEarlierReleasesWroteStillReads() throws IOException {
        // as Jackson's object mapper wrote it before the streaming codec
        assertEquals(new PolicyRecord.Policy(List.of("network", "file-write"), true),
                parse("{\"untrustedPermissions\":[\"network\",\"file-write\"],\"networkRequiresTrust\":true}"));
        assertEquals(new PolicyRecord.Policy(List.of("network"), false),
                parse("{ \"networkRequiresTrust\" : false, \"comment\": {\"a\": [1, 2]}, \"untrustedPermissions\": [\"network\"] }"));
    }

    @Test
    void aDamagedFileIsAnErrorNotADefault() {
        for (String bad : List.of("", "[]", "{}", "{\"untrustedPermissions\":[\"network\"]}",
                "{\"untrustedPermissions\":\"network\",\"networkRequiresTrust\":true}",
                "{\"untrustedPermissions\":[1],\"networkRequiresTrust\":true}",
                "{\"untrustedPermissions\":[],\"networkRequiresTrust\":\"yes\"}",
                "{\"untrustedPermissions\":[],\"networkRequiresTrust\":true} {}",
                "{\"untrustedPermissions\":[],\"networkRequiresTrust\":tr")) {
            assertThrows(IOException.class, () -> parse(bad), bad);
        }
    }
}
