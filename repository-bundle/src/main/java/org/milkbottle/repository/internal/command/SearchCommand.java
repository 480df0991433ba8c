package org.milkbottle.repository.internal.command;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.apache.felix.service.command.annotations.GogoCommand;
import org.milkbottle.repository.api.RepositoryRegistry;
import org.milkbottle.repository.api.SearchRequest;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code mb:search [--tag T] [--capability C] WORDS…} over every repository in use. */
@Component(service = SearchCommand.class)
@GogoCommand(scope = "mb", function = "search")
public class SearchCommand {

    private final RepositoryRegistry repositories;

    @Activate
    public SearchCommand(@Reference RepositoryRegistry repositories) {
        this.repositories = repositories;
    }

    @Descriptor("search the repositories for plugins compatible with this runtime: name, latest compatible version, "
            + "rating, downloads, description")
    public String search(
            @Descriptor("only plugins with this tag") @Parameter(names = "--tag", absentValue = "") String tag,
            @Descriptor("only plugins with this capability") @Parameter(names = "--capability",
                    absentValue = "") String capability,
            @Descriptor("words to look for in name, description, tags and capabilities (none: everything)")
            String... words) {
        String text = String.join(" ", words);
        return RepositoryFormatter.search(repositories.search(new SearchRequest(text, tag, capability)), text);
    }
}
