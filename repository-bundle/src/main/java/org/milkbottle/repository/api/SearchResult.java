package org.milkbottle.repository.api;

import java.util.List;

/**
 * What a search found, one hit per plugin name (the first repository that has it wins), and notes about
 * repositories that could not answer, one sentence each.
 */
public record SearchResult(List<SearchHit> hits, List<String> notes) {

    public SearchResult {
        hits = List.copyOf(hits);
        notes = List.copyOf(notes);
    }
}
