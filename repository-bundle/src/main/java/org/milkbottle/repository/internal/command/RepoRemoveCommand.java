package org.milkbottle.repository.internal.command;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.annotations.GogoCommand;
import org.milkbottle.repository.api.RepositoryRegistry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code mb:repo-remove NAME} (a class of its own for the dashed name; see {@link RepoAddCommand}). */
@Component(service = RepoRemoveCommand.class)
@GogoCommand(scope = "mb", function = "repo-remove")
public class RepoRemoveCommand {

    private final RepositoryRegistry repositories;

    @Activate
    public RepoRemoveCommand(@Reference RepositoryRegistry repositories) {
        this.repositories = repositories;
    }

    @Descriptor("stop using a plugin repository (installed plugins stay)")
    public String _main(String function, @Descriptor("repository name from mb:repo-list") String name) {
        repositories.remove(name);
        return RepositoryFormatter.removed(name);
    }
}
