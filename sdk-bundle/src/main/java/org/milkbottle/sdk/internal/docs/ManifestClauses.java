package org.milkbottle.sdk.internal.docs;

import java.util.ArrayList;
import java.util.List;

/** OSGi manifest header values: clauses split at commas outside quotes ({@code a;version="[1,2)",b}). */
final class ManifestClauses {

    private ManifestClauses() {
    }

    static List<String> split(String header) {
        List<String> clauses = new ArrayList<>();
        if (header == null || header.isBlank()) {
            return clauses;
        }
        StringBuilder clause = new StringBuilder();
        boolean quoted = false;
        for (char c : header.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                add(clauses, clause);
                clause.setLength(0);
            } else {
                clause.append(c);
            }
        }
        add(clauses, clause);
        return clauses;
    }

    /** The clause's first part: the package, namespace or name. */
    static String head(String clause) {
        int semicolon = clause.indexOf(';');
        return (semicolon < 0 ? clause : clause.substring(0, semicolon)).strip();
    }

    /** A clause's attribute or directive ({@code version}, {@code filter:}), unquoted; null if absent. */
    static String parameter(String clause, String name) {
        for (String part : clause.split(";(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
            String trimmed = part.strip();
            int equals = trimmed.indexOf('=');
            if (equals > 0 && trimmed.substring(0, equals).strip().equals(name)) {
                return trimmed.substring(equals + 1).strip().replaceAll("^\"|\"$", "");
            }
        }
        return null;
    }

    /** {@code pkg} or {@code pkg version}: a package clause as a reader wants it. */
    static String packageWithVersion(String clause) {
        String version = parameter(clause, "version");
        return head(clause) + (version == null ? "" : " " + version);
    }

    private static void add(List<String> clauses, StringBuilder clause) {
        String text = clause.toString().strip();
        if (!text.isEmpty()) {
            clauses.add(text);
        }
    }
}
