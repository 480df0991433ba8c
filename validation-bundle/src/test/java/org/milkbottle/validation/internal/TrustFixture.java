package org.milkbottle.validation.internal;

import java.nio.file.Path;

/**
 * The sealed trust state a framework would give the commands, in a test's own folder, for tests outside this
 * package.
 */
public record TrustFixture(TrustStore trustStore, OperatorAllowList allowList, BundleValidator validator) {

    public static TrustFixture in(Path dir) {
        IntegritySeal seal = new IntegritySeal(dir.resolve("data"));
        TrustStore trustStore = new TrustStore(dir.resolve("data/truststore.p12"), seal);
        OperatorAllowList allowList = new OperatorAllowList(dir.resolve("data/allowed.json"), seal);
        ValidatorImpl validator = ValidatorTest.validator(1000, 512L * 1024 * 1024, 8 * 1024 * 1024, 200);
        validator.configureTrust(trustStore, allowList, new ApprovalRecord(dir.resolve("data/approvals.json"), seal),
                new AuditLog(dir.resolve("data/audit.jsonl")));
        return new TrustFixture(trustStore, allowList, validator);
    }
}
