package org.milkbottle.repository.internal.command;

import java.util.List;

import org.milkbottle.repository.api.RepositoryInfo;
import org.milkbottle.repository.api.SearchHit;
import org.milkbottle.repository.api.SearchResult;

/** How the repository commands show their results: the words and tables users see, kept apart from the calls. */
final class RepositoryFormatter {

    private static final String LIST_ROW = "%-16s %-48s %-10s %s%n";
    private static final String SEARCH_ROW = "%-36s %-10s %-8s %-9s %s%n";

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

    static String search(SearchResult result, String text) {
        StringBuilder out = new StringBuilder();
        if (result.hits().isEmpty()) {
            out.append("No plugin matches").append(text == null || text.isBlank() ? "" : " '" + text + "'")
                    .append(".\n");
        } else {
            out.append(String.format(SEARCH_ROW, "NAME", "VERSION", "RATING", "DOWNLOADS", "DESCRIPTION"));
            for (SearchHit hit : result.hits()) {
                out.append(String.format(SEARCH_ROW, hit.name(), hit.version(),
                        hit.ratingCount() == 0 ? "-" : String.format("%.1f (%d)", hit.rating(), hit.ratingCount()),
                        hit.downloads(), hit.description() == null ? "" : hit.description()));
            }
            out.append("Install one with mb:install NAME.\n");
        }
        result.notes().forEach(note -> out.append("Note: ").append(note).append('\n'));
        return out.toString();
    }
}
