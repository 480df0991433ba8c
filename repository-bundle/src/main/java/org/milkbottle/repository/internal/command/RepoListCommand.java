package org.milkbottle.repository.internal.command;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.annotations.GogoCommand;
import org.milkbottle.repository.api.RepositoryRegistry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code mb:repo-list} (a class of its own for the dashed name; see {@link RepoAddCommand}). */
@Component(service = RepoListCommand.class)
@GogoCommand(scope = "mb", function = "repo-list")
public class RepoListCommand {

    private final RepositoryRegistry repositories;

    @Activate
    public RepoListCommand(@Reference RepositoryRegistry repositories) {
        this.repositories = repositories;
    }

    @Descriptor("list the plugin repositories this runtime installs from")
    public String _main(String function) {
        return RepositoryFormatter.list(repositories.list());
    }
}
