package org.milkbottle.repository.internal.command;

import java.util.ArrayList;
import java.util.List;

import org.milkbottle.repository.api.RepositoryInfo;
import org.milkbottle.repository.api.SearchHit;
import org.milkbottle.repository.api.SearchResult;

/** How the repository commands show their results: the words and tables users see, kept apart from the calls. */
final class RepositoryFormatter {

    private static final String LIST_ROW = "%-16s %-48s %-10s %s%n";
    private static final int DESCRIPTION_WIDTH = 60;

    private RepositoryFormatter() {
    }

    static String added(RepositoryInfo added) {
        StringBuilder out = new StringBuilder();
        if (added.keyFetched()) {
            out.append("Pinned the marketplace's key as served by it, fingerprint ").append(added.keyFingerprint())
                    .append(". Compare it with the fingerprint its admin publishes; give the key file to pin a known "
                            + "key.\n");
        }
        return out.append("Added repository '").append(added.name()).append("' (").append(added.url()).append("): ")
                .append(added.resources()).append(" resources.\n").toString();
    }

    static String list(List<RepositoryInfo> repositories) {
        StringBuilder out = new StringBuilder(String.format(LIST_ROW, "NAME", "URL", "RESOURCES", "KEY"));
        for (RepositoryInfo repository : repositories) {
            String where = repository.url() != null ? repository.url()
                    : "(" + (repository.description() != null ? repository.description() : "in this runtime") + ")";
            String resources = repository.problem() != null ? "error"
                    : repository.resources() + (repository.offline() ? " (offline)" : "");
            out.append(String.format(LIST_ROW, repository.name(), where, resources,
                    repository.keyFingerprint() == null ? "-" : repository.keyFingerprint()));
        }
        for (RepositoryInfo repository : repositories) {
            if (repository.problem() != null) {
                out.append("Note: ").append(repository.problem()).append('\n');
            } else if (repository.note() != null) {
                out.append("Note: ").append(repository.note()).append('\n');
            }
        }
        return out.toString();
    }

    static String removed(String name) {
        return "Removed repository '" + name + "'.\n";
    }

    /** The first sentence of a description, or its first {@value #DESCRIPTION_WIDTH} characters, on one line. */
    static String shortened(String description) {
        if (description == null) {
            return "";
        }
        String line = description.strip().replaceAll("\\s+", " ");
        int sentence = line.indexOf(". ");
        if (sentence > 0 && sentence < DESCRIPTION_WIDTH) {
            return line.substring(0, sentence + 1) + " …";
        }
        return line.length() <= DESCRIPTION_WIDTH ? line
                : line.substring(0, DESCRIPTION_WIDTH - 1).stripTrailing() + "…";
    }

    static String search(SearchResult result, String text) {
        StringBuilder out = new StringBuilder();
        if (result.hits().isEmpty()) {
            out.append("No plugin matches").append(text == null || text.isBlank() ? "" : " '" + text + "'")
                    .append(".\n");
        } else {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"NAME", "VERSION", "RATING", "DOWNLOADS", "DESCRIPTION"});
            for (SearchHit hit : result.hits()) {
                rows.add(new String[] {hit.name(), hit.version(),
                    hit.ratingCount() == 0 ? "-" : String.format("%.1f (%d)", hit.rating(), hit.ratingCount()),
                    Long.toString(hit.downloads()), shortened(hit.description())});
            }
            // columns as wide as their widest cell: a long version must not push the next column out of line
            int[] widths = new int[4];
            rows.forEach(row -> {
                for (int i = 0; i < widths.length; i++) {
                    widths[i] = Math.max(widths[i], row[i].length());
                }
            });
            for (String[] row : rows) {
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < widths.length; i++) {
                    line.append(row[i]).append(" ".repeat(widths[i] - row[i].length() + 2));
                }
                out.append(line.append(row[4]).toString().stripTrailing()).append('\n');
            }
            out.append("Install one with mb:install NAME; mb:info NAME shows the whole description.\n");
        }
        result.notes().forEach(note -> out.append("Note: ").append(note).append('\n'));
        return out.toString();
    }
}
