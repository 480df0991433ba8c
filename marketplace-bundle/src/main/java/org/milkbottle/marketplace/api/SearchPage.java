package org.milkbottle.marketplace.api;

import java.util.List;

/** One page of search results, and how many matched in all. */
public record SearchPage(int total, int page, int pageSize, List<PluginSummary> items) {
}
