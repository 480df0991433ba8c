package org.milkbottle.validation.internal.command;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.milkbottle.validation.internal.OperatorAllowList;
import org.milkbottle.validation.internal.TrustStore;

/** Renders what the {@code mb:trust-*} commands return as text. */
final class TrustFormatter {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private TrustFormatter() {
    }

    /**
     * The trusted publishers and the allowed contents, after a warning for trust state changed behind the
     * runtime's back.
     *
     * @param policyProblem what was wrong with the trust policy found at start, or null
     */
    static String list(String policyProblem, List<TrustStore.Entry> publishers, boolean storeTampered,
            List<OperatorAllowList.Entry> allowed, boolean allowListTampered) {
        return (policyProblem == null ? "" : "WARNING: " + policyProblem + "\n") + publishers(publishers,
                storeTampered) + allowed(allowed, allowListTampered);
    }

    private static String publishers(List<TrustStore.Entry> entries, boolean tampered) {
        StringBuilder out = new StringBuilder();
        if (tampered) {
            out.append("WARNING: the trust store was changed behind MilkBottle's back and is not honoured. Check the "
                    + "data folder, then re-add your publishers with mb:trust-add CERTFILE.\n");
        }
        if (entries.isEmpty()) {
            return out.append("No trusted publishers. Add one with mb:trust-add CERTFILE.\n").toString();
        }
        for (TrustStore.Entry entry : entries) {
            out.append(entry.alias()).append("  ").append(entry.subject()).append("  valid until ")
                    .append(entry.notAfter()).append("\n    sha-256 ").append(entry.sha256()).append('\n');
        }
        return out.toString();
    }

    private static String allowed(List<OperatorAllowList.Entry> entries, boolean tampered) {
        StringBuilder out = new StringBuilder();
        if (tampered) {
            out.append("WARNING: the allow list was changed behind MilkBottle's back and allows nothing. Allow "
                    + "contents again with mb:trust-allow SHA256.\n");
        }
        if (entries.isEmpty()) {
            return out.append("No contents allowed by the operator (mb:trust-allow SHA256 --reason TEXT).\n")
                    .toString();
        }
        out.append("Allowed contents:\n");
        for (OperatorAllowList.Entry entry : entries) {
            out.append("  ").append(entry.sha256()).append("  ").append(TIME.format(entry.time())).append("  ")
                    .append(entry.reason()).append('\n');
        }
        return out.toString();
    }

    static String added(TrustStore.Entry entry) {
        return "Trusted " + entry.subject() + " as '" + entry.alias() + "' (sha-256 " + entry.sha256() + ")\n";
    }

    static String removed(String alias) {
        return "Removed '" + alias + "' from the trust store.\n";
    }

    static String allowed(OperatorAllowList.Entry entry) {
        return "Allowed content " + entry.sha256() + " (" + entry.reason() + "). Install it again to use it.\n";
    }

    static String revoked(String sha256) {
        return "Revoked the allowance of " + sha256.trim().toLowerCase(Locale.ROOT) + ".\n";
    }
}
